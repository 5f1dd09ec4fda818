package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.security.PasswordPolicy;
import com.fitnesscrm.orchestrator.security.UserChangeRejectedException;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.Optional;

/**
 * A new user's name, role and first password, bound to a {@link NewUser} record. It checks what the browser can
 * (required fields, the repeated password); the rules that need the database come back from the service and are
 * shown next to their field with {@link #showRejection}.
 */
public class NewUserForm extends Composite<FormLayout> {

    /** What the admin entered (public: the binder reads it by reflection). */
    public record NewUser(String username, UserRole role, String password) {
    }

    final TextField username = new TextField("User name");
    final Select<UserRole> role = new Select<>();
    final PasswordField password = new PasswordField("Password");
    final PasswordField confirm = new PasswordField("Repeat password");
    private final Binder<NewUser> binder = new Binder<>(NewUser.class);

    NewUserForm() {
        username.setHelperText("3–50 characters: letters, digits, . _ @ -");
        role.setLabel("Role");
        role.setItems(UserRole.values());
        role.setItemLabelGenerator(UserRole::label);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters");

        binder.forField(username).asRequired("Enter a user name.").bind("username");
        binder.forField(role).asRequired("Choose a role.").bind("role");
        binder.forField(password).asRequired("Enter a password.").bind("password");
        binder.readRecord(new NewUser("", UserRole.TRAINER, ""));

        getContent().add(username, role, password, confirm);
    }

    /** @return the entered user, or empty when something is missing or the two passwords differ (shown at the field) */
    Optional<NewUser> read() {
        confirm.setInvalid(false);
        try {
            NewUser user = binder.writeRecord();
            if (!user.password().equals(confirm.getValue())) {
                show(confirm, "The two passwords differ.");
                return Optional.empty();
            }
            return Optional.of(user);
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    /** Shows a rule the service refused next to the field it is about. */
    void showRejection(UserChangeRejectedException rejection) {
        switch (rejection.field()) {
            case "username" -> show(username, rejection.getMessage());
            case "role" -> show(role, rejection.getMessage());
            default -> show(password, rejection.getMessage());
        }
    }

    private static void show(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
