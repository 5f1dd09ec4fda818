package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.security.PasswordPolicy;
import com.fitnesscrm.orchestrator.security.UserChangeRejectedException;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/** Asks for a new user's name, role and first password; the parent saves it and reports rule violations back. */
class NewUserDialog extends Dialog {

    /** What the admin entered. */
    record NewUser(String username, UserRole role, String password) {
    }

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

    final TextField username = new TextField("User name");
    final Select<UserRole> role = new Select<>();
    final PasswordField password = new PasswordField("Password");
    final PasswordField confirm = new PasswordField("Repeat password");

    NewUserDialog() {
        setHeaderTitle("New user");
        add(createForm());
        Button create = new Button("Create", event -> save());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), create);
    }

    private FormLayout createForm() {
        username.setRequired(true);
        username.setHelperText("3–50 characters: letters, digits, . _ @ -");
        role.setLabel("Role");
        role.setItems(UserRole.values());
        role.setItemLabelGenerator(UserRole::label);
        role.setValue(UserRole.TRAINER);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters");
        return new FormLayout(username, role, password, confirm);
    }

    private void save() {
        clearErrors();
        if (!password.getValue().equals(confirm.getValue())) {
            confirm.setErrorMessage("The two passwords differ.");
            confirm.setInvalid(true);
            return;
        }
        fireEvent(new SaveEvent(this, new NewUser(username.getValue(), role.getValue(), password.getValue())));
    }

    /** Shows a rule the service refused next to the field it is about. */
    void showRejection(UserChangeRejectedException rejection) {
        switch (rejection.field()) {
            case "username" -> {
                username.setErrorMessage(rejection.getMessage());
                username.setInvalid(true);
            }
            case "role" -> {
                role.setErrorMessage(rejection.getMessage());
                role.setInvalid(true);
            }
            default -> {
                password.setErrorMessage(rejection.getMessage());
                password.setInvalid(true);
            }
        }
    }

    private void clearErrors() {
        username.setInvalid(false);
        role.setInvalid(false);
        password.setInvalid(false);
        confirm.setInvalid(false);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
