package com.fitnesscrm.orchestrator.workflows.ui;

import com.fitnesscrm.orchestrator.base.ui.JsonView;
import com.fitnesscrm.orchestrator.workflows.PendingApproval;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/**
 * What a waiting run waits for (e.g. the plan change), with Approve and Reject; a rejection needs a note, since the
 * run goes on without the change and the note is all that says why.
 */
class ApprovalPanel extends Composite<VerticalLayout> {

    /** The trainer decided; {@code approved} or rejected, with the note. */
    static class DecisionEvent extends ComponentEvent<ApprovalPanel> {
        private final boolean approved;
        private final String note;

        DecisionEvent(ApprovalPanel source, boolean approved, String note) {
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

    final H3 title = new H3();
    final Paragraph who = new Paragraph();
    final JsonView details = new JsonView();
    final TextField note = new TextField("Note");
    final Button approve = new Button("Approve", event -> decide(true));
    final Button reject = new Button("Reject", event -> decide(false));

    ApprovalPanel() {
        note.setWidth("28em");
        note.setPlaceholder("Why (needed to reject)");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout decision = new HorizontalLayout(note, approve, reject);
        decision.setAlignItems(Alignment.BASELINE);
        getContent().setPadding(false);
        getContent().add(title, who, details, decision);
        getContent().setId("check-in-approval");
        setVisible(false);
    }

    /** Shows {@code pending}, or hides the panel when the run waits for nothing. */
    void show(PendingApproval pending) {
        setVisible(pending != null);
        if (pending == null) {
            return;
        }
        title.setText("Waiting for approval: " + pending.title());
        who.setText("May be decided by: " + ("admin".equals(pending.role()) ? "an admin" : "a trainer or an admin"));
        details.show(pending.details());
        note.clear();
        note.setInvalid(false);
        approve.setEnabled(true);
        reject.setEnabled(true);
    }

    private void decide(boolean approved) {
        String text = note.getValue().strip();
        if (!approved && text.isEmpty()) {
            note.setErrorMessage("Say why you reject it: the run goes on without it, and the note tells why.");
            note.setInvalid(true);
            return;
        }
        approve.setEnabled(false); // one decision per request; the run's state decides what comes next
        reject.setEnabled(false);
        fireEvent(new DecisionEvent(this, approved, text.isEmpty() ? null : text));
    }

    Registration addDecisionListener(ComponentEventListener<DecisionEvent> listener) {
        return addListener(DecisionEvent.class, listener);
    }
}
