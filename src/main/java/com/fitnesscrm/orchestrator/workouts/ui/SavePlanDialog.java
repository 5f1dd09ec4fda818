package com.fitnesscrm.orchestrator.workouts.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/** Asks for the name a plan is saved under in the client's history; fires {@link SaveEvent}. */
class SavePlanDialog extends Dialog {

    final TextField name = new TextField("Name");

    SavePlanDialog(String suggestedName) {
        setHeaderTitle("Save to the client's history");
        name.setValue(suggestedName);
        name.setMaxLength(200);
        name.setWidthFull();
        add(name);
        Button save = new Button("Save", event -> {
            fireEvent(new SaveEvent(this, name.getValue()));
            close();
        });
        save.setId("save-plan-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), save);
    }

    Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The trainer confirmed the name. */
    static class SaveEvent extends ComponentEvent<SavePlanDialog> {

        private final String name;

        SaveEvent(SavePlanDialog source, String name) {
            super(source, false);
            this.name = name;
        }

        String name() {
            return name;
        }
    }
}
