package com.fitnesscrm.orchestrator.workflows.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.workflows.PendingApproval;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What a waiting workflow run waits for: who may decide, what they decide on (the node's input as indented JSON text,
 * never HTML), and, for a user who may decide, a note with Approve and Reject. Fires a {@link DecideEvent}.
 */
class ApprovalForm extends Composite<VerticalLayout> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    final Paragraph waitingFor = new Paragraph();
    final Pre details = new Pre();
    final TextArea note = new TextArea("Note (optional)");
    final Button approve = new Button("Approve", event -> decide(true));
    final Button reject = new Button("Reject", event -> decide(false));

    /** The user's decision, with the note as typed (blank: none). */
    static class DecideEvent extends ComponentEvent<ApprovalForm> {

        private final boolean approved;
        private final String note;

        DecideEvent(ApprovalForm source, boolean approved, String note) {
            super(source, false);
            this.approved = approved;
            this.note = note;
        }

        boolean approved() {
            return approved;
        }

        String note() {
            return note;
        }
    }

    ApprovalForm(PendingApproval pending, boolean mayDecide) {
        VerticalLayout content = getContent();
        content.setPadding(false);
        content.setId("workflow-approval");
        waitingFor.setText("Waiting since " + TIME.format(pending.requestedAt()) + " for the approval of '"
                + pending.title() + "' by " + ("admin".equals(pending.role()) ? "an admin"
                : "a " + pending.role() + " or an admin") + ".");
        details.setText(pretty(pending.details()));
        details.addClassName("run-json");
        content.add(new H4("Approval"), waitingFor, details);
        if (!mayDecide) {
            content.add(new Paragraph("Your role may not decide this approval."));
            return;
        }
        note.setWidthFull();
        note.setMaxLength(2000);
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        // one decision per click: the run goes on once decided
        approve.setDisableOnClick(true);
        reject.setDisableOnClick(true);
        content.add(note, new HorizontalLayout(approve, reject));
    }

    com.vaadin.flow.shared.Registration addDecideListener(
            com.vaadin.flow.component.ComponentEventListener<DecideEvent> listener) {
        return addListener(DecideEvent.class, listener);
    }

    private void decide(boolean approved) {
        approve.setEnabled(false);
        reject.setEnabled(false);
        fireEvent(new DecideEvent(this, approved, note.getValue().isBlank() ? null : note.getValue().strip()));
    }

    private static String pretty(JsonNode details) {
        if (details == null || details.isNull()) {
            return "—";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return details.toString();
        }
    }
}
