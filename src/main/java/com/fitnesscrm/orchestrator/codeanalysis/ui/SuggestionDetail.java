package com.fitnesscrm.orchestrator.codeanalysis.ui;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSuggestion;
import com.fitnesscrm.orchestrator.codeanalysis.Evidence;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionService;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionStatus;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * One suggestion: its finding, the offending line as text (escaped by the component, in monospace, with its line
 * number marked), the suggestion, its evidence with links, and the review buttons with a note.
 */
class SuggestionDetail extends Composite<VerticalLayout> {

    private final transient SuggestionService suggestions;
    private final Runnable changed;
    final H3 title = new H3("Choose a suggestion");
    final Paragraph description = new Paragraph();
    final Pre snippet = new Pre();
    final Paragraph suggestion = new Paragraph();
    final Span review = new Span();
    final VerticalLayout evidence = new VerticalLayout();
    final TextArea noteField = new TextArea("Note");
    final Button accept = new Button("Accept", event -> move(SuggestionStatus.ACCEPTED));
    final Button reject = new Button("Reject", event -> move(SuggestionStatus.REJECTED));
    final Button applied = new Button("Applied", event -> move(SuggestionStatus.APPLIED));
    private CodeSuggestion shown;

    SuggestionDetail(SuggestionService suggestions, Runnable changed) {
        this.suggestions = suggestions;
        this.changed = changed;
        snippet.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("white-space", "pre-wrap");
        noteField.setMaxLength(2000);
        noteField.setWidthFull();
        evidence.setPadding(false);
        getContent().add(title, description, snippet, suggestion, review, evidence, noteField,
                new HorizontalLayout(accept, reject, applied));
        setButtons(null);
    }

    void show(CodeSuggestion item) {
        shown = suggestions.get(item.id());
        title.setText("#" + shown.id() + " " + shown.issueType() + " · " + shown.severity() + " · "
                + shown.category());
        description.setText(shown.description());
        // Text only: the snippet is code from outside (it may hold markup); the component escapes it.
        String marker = shown.line() == null ? "" : "→ " + shown.line() + " │ ";
        snippet.setText(marker + (shown.codeSnippet() == null ? "" : shown.codeSnippet()));
        suggestion.setText("Suggestion: " + shown.suggestion());
        review.setText(shown.status() + (shown.reopened() ? " (reopened)" : "") + " · seen " + shown.occurrences()
                + "× · " + shown.filePath() + (shown.reviewer() == null ? "" : " · by " + shown.reviewer())
                + (shown.note() == null ? "" : " · " + shown.note()));
        evidence.removeAll();
        for (Evidence e : suggestions.evidence(shown.id())) {
            evidence.add(evidenceLine(e));
        }
        setButtons(shown);
    }

    private HorizontalLayout evidenceLine(Evidence e) {
        HorizontalLayout line = new HorizontalLayout(new Span(e.seenAt().toString()));
        if (e.runId() != null) {
            line.add(new Anchor("executions/" + e.runId(), "Run " + e.runId()));
        }
        if (e.errorGroupId() != null) {
            line.add(new Anchor("errors", "Error group: " + e.errorTitle() + " (" + e.errorCount() + "×)"));
        }
        return line;
    }

    String note() {
        return noteField.getValue().isBlank() ? null : noteField.getValue();
    }

    private void move(SuggestionStatus next) {
        try {
            suggestions.review(shown.id(), next, note());
            noteField.clear();
            Notification.show("Suggestion " + shown.id() + " is " + next.code() + ".");
            changed.run();
            show(shown);
        } catch (ConflictException | NotFoundException | InvalidInputException e) {
            // another admin moved or removed it meanwhile, or the note is too long: say so and show it as it is
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            changed.run();
        }
    }

    private void setButtons(CodeSuggestion item) {
        SuggestionStatus status = item == null ? null : Coded.find(
                SuggestionStatus.class, String.valueOf(item.status())).orElse(null);
        accept.setEnabled(status != null && status.mayBecome(SuggestionStatus.ACCEPTED));
        reject.setEnabled(status != null && status.mayBecome(SuggestionStatus.REJECTED));
        applied.setEnabled(status != null && status.mayBecome(SuggestionStatus.APPLIED));
    }
}
