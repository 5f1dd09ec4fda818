package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import com.fitnesscrm.orchestrator.security.UserAccount;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Links a user to one of the CRM's trainers, so their assigned clients come first in the client pickers; an empty
 * choice unlinks (the user is then linked by e-mail when their user name is a trainer's e-mail). Fires
 * {@link SaveEvent}; the parent saves.
 */
class LinkTrainerDialog extends Dialog {

    final ComboBox<CrmTrainer> trainer = new ComboBox<>("CRM trainer");

    LinkTrainerDialog(UserAccount user, List<CrmTrainer> trainers, CrmTrainer current) {
        setHeaderTitle("Link " + user.username() + " to a CRM trainer");
        trainer.setItems(trainers);
        trainer.setItemLabelGenerator(LinkTrainerDialog::label);
        trainer.setClearButtonVisible(true);
        trainer.setPlaceholder("Not linked");
        trainer.setHelperText("Their assigned clients come first in the client pickers.");
        trainer.setWidthFull();
        trainer.setValue(current);
        add(trainer);
        Button save = new Button("Save", event -> {
            fireEvent(new SaveEvent(this, trainer.getValue()));
            close();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), save);
    }

    static String label(CrmTrainer trainer) {
        return trainer.name() + (trainer.email() == null ? "" : " · " + trainer.email());
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The admin chose a trainer, or none. */
    static class SaveEvent extends ComponentEvent<LinkTrainerDialog> {

        private final CrmTrainer trainer;

        SaveEvent(LinkTrainerDialog source, CrmTrainer trainer) {
            super(source, false);
            this.trainer = trainer;
        }

        CrmTrainer trainer() {
            return trainer;
        }
    }
}
