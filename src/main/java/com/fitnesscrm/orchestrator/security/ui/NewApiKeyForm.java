package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.security.ApiKeyScope;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A new API key's name and scopes, bound to a {@link NewApiKey} record. */
public class NewApiKeyForm extends Composite<FormLayout> {

    /** What the admin entered (public: the binder reads it by reflection). */
    public record NewApiKey(String name, Set<ApiKeyScope> scopes) {
    }

    final TextField name = new TextField("Name");
    final CheckboxGroup<ApiKeyScope> scopes = new CheckboxGroup<>("Scopes");
    private final Binder<NewApiKey> binder = new Binder<>(NewApiKey.class);

    NewApiKeyForm() {
        name.setHelperText("Who uses it, e.g. main-backend or reporting");
        scopes.setItems(ApiKeyScope.values());
        scopes.setItemLabelGenerator(scope -> switch (scope) {
            case EXECUTE -> "execute: run agents";
            case READ -> "read: agents, runs, health";
            case ADMIN -> "admin: change agents, cancel any run";
        });
        binder.forField(name).asRequired("Enter a name.").bind("name");
        binder.forField(scopes).asRequired("Choose at least one scope.").bind("scopes");
        binder.readRecord(new NewApiKey("", EnumSet.of(ApiKeyScope.EXECUTE, ApiKeyScope.READ)));
        getContent().add(name, scopes);
    }

    Optional<NewApiKey> read() {
        try {
            return Optional.of(binder.writeRecord());
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    /** Shows a rule the service refused next to the field it is about. */
    void showRejection(String field, String message) {
        HasValidation target = "scopes".equals(field) ? scopes : name;
        target.setErrorMessage(message);
        target.setInvalid(true);
    }

    void showRejection(InvalidInputException rejection) {
        showRejection(rejection.field(), rejection.getMessage());
    }
}
