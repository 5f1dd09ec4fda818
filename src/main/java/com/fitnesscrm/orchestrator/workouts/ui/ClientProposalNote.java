package com.fitnesscrm.orchestrator.workouts.ui;

import com.fitnesscrm.orchestrator.workouts.ClientProposal;
import com.fitnesscrm.orchestrator.workouts.ClientProposal.ProposedContraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the CRM's medical notes suggest for the picked client, for the trainer to confirm: the contraindications and
 * the words they were found in. Nothing applies until "Apply" is clicked, which fires {@link ApplyEvent}.
 */
class ClientProposalNote extends Composite<HorizontalLayout> {

    final Span text = new Span();
    final Button apply = new Button("Apply");
    private List<Contraindication> proposed = List.of();

    ClientProposalNote() {
        text.setId("proposed-contraindications");
        apply.setId("apply-proposed");
        apply.addThemeVariants(ButtonVariant.LUMO_SMALL);
        apply.addClickListener(event -> fireEvent(new ApplyEvent(this, Set.copyOf(proposed))));
        HorizontalLayout layout = getContent();
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        layout.add(text, apply);
        setVisible(false);
    }

    /** Shows the proposal, or hides the note when the client's notes name no contraindication. */
    void show(ClientProposal proposal) {
        proposed = proposal == null ? List.of()
                : proposal.contraindications().stream().map(ProposedContraindication::contraindication).toList();
        setVisible(!proposed.isEmpty());
        if (proposal != null && !proposed.isEmpty()) {
            text.setText("Proposed from " + proposal.clientName() + "'s medical notes: "
                    + proposal.contraindications().stream()
                            .map(item -> PlanInputForm.label(item.contraindication()) + " (“" + item.foundIn() + "”)")
                            .collect(Collectors.joining(", "))
                    + ". Confirm before generating.");
        }
    }

    Registration addApplyListener(ComponentEventListener<ApplyEvent> listener) {
        return addListener(ApplyEvent.class, listener);
    }

    /** The trainer confirmed the proposed contraindications. */
    static class ApplyEvent extends ComponentEvent<ClientProposalNote> {

        private final Set<Contraindication> contraindications;

        ApplyEvent(ClientProposalNote source, Set<Contraindication> contraindications) {
            super(source, false);
            this.contraindications = contraindications;
        }

        Set<Contraindication> contraindications() {
            return contraindications;
        }
    }
}
