package com.fitnesscrm.orchestrator.agents.ui;

import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.agents.ui.AgentForm.AgentValues;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Function;

/**
 * Creates or edits an agent in an {@link AgentForm}; the parent saves it and reports refusals back, so the dialog
 * stays open with the message at its field.
 */
class AgentDialog extends Dialog {

    /** The admin asked to save; {@code agent} is {@code null} when creating. */
    static class SaveEvent extends ComponentEvent<AgentDialog> {
        private final Agent agent;
        private final AgentValues values;

        SaveEvent(AgentDialog source, Agent agent, AgentValues values) {
            super(source, false);
            this.agent = agent;
            this.values = values;
        }

        Agent agent() {
            return agent;
        }

        AgentValues values() {
            return values;
        }
    }

    final AgentForm form;
    final Paragraph error = new Paragraph();

    /** A dialog for a new agent, starting from the first type's defaults. */
    static AgentDialog forNewAgent(List<AgentType> types, Function<String, AgentConfig> defaultConfig) {
        AgentDialog dialog = new AgentDialog("New agent", null, new AgentForm(types, defaultConfig), "Create");
        String first = types.isEmpty() ? null : types.get(0).code();
        AgentConfig config = first == null ? AgentConfig.defaults("") : defaultConfig.apply(first);
        dialog.form.load(AgentValues.withConfig("", first, "", true, config));
        return dialog;
    }

    /** A dialog for changing {@code agent}; its type is not offered (it cannot change). */
    static AgentDialog forAgent(Agent agent) {
        AgentDialog dialog = new AgentDialog("Edit " + agent.name(), agent, new AgentForm(null, null), "Save");
        dialog.form.load(AgentValues.of(agent));
        return dialog;
    }

    private AgentDialog(String title, Agent agent, AgentForm form, String saveLabel) {
        this.form = form;
        setHeaderTitle(title);
        setWidth("min(48rem, 95vw)");
        error.addClassName("form-error");
        error.setVisible(false);
        add(error, form);
        Button save = new Button(saveLabel, event -> {
            error.setVisible(false);
            form.read().ifPresent(values -> fireEvent(new SaveEvent(this, agent, values)));
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), save);
    }

    /** Shows the service's refusal at the field it names, or above the form when it names none. */
    void showRejection(String field, String message) {
        if (!form.showRejection(field, message)) {
            error.setText(message);
            error.setVisible(true);
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
