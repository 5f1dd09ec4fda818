package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.security.UserChangeRejectedException;
import com.fitnesscrm.orchestrator.security.ui.NewUserForm.NewUser;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.shared.Registration;

/** Asks for a new user in a {@link NewUserForm}; the parent saves it and reports rule violations back. */
class NewUserDialog extends Dialog {

    static class SaveEvent extends ComponentEvent<NewUserDialog> {
        private final NewUser user;

        SaveEvent(NewUserDialog source, NewUser user) {
            super(source, false);
            this.user = user;
        }

        NewUser user() {
            return user;
        }
    }

    final NewUserForm form = new NewUserForm();

    NewUserDialog() {
        setHeaderTitle("New user");
        add(form);
        Button create = new Button("Create", event -> form.read().ifPresent(user -> fireEvent(new SaveEvent(this, user))));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), create);
    }

    void showRejection(UserChangeRejectedException rejection) {
        form.showRejection(rejection);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
