package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.security.PasswordPolicy;
import com.fitnesscrm.orchestrator.security.UserAccount;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.shared.Registration;

/** Sets a new password for a user; the parent saves it and reports a refused password back. */
class ResetPasswordDialog extends Dialog {

    static class SaveEvent extends ComponentEvent<ResetPasswordDialog> {
        private final String password;

        SaveEvent(ResetPasswordDialog source, String password) {
            super(source, false);
            this.password = password;
        }

        String password() {
            return password;
        }
    }

    final PasswordField password = new PasswordField("New password");
    final PasswordField confirm = new PasswordField("Repeat new password");

    ResetPasswordDialog(UserAccount user) {
        setHeaderTitle("Reset the password of " + user.username());
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters");
        add(new FormLayout(password, confirm));
        Button save = new Button("Set password", event -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), save);
    }

    private void save() {
        password.setInvalid(false);
        confirm.setInvalid(false);
        if (!password.getValue().equals(confirm.getValue())) {
            confirm.setErrorMessage("The two passwords differ.");
            confirm.setInvalid(true);
            return;
        }
        fireEvent(new SaveEvent(this, password.getValue()));
    }

    void showRejection(String message) {
        password.setErrorMessage(message);
        password.setInvalid(true);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
