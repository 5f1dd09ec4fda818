package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.security.ui.NewApiKeyForm.NewApiKey;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.shared.Registration;

/** Asks for a new API key in a {@link NewApiKeyForm}; the parent creates it. */
class NewApiKeyDialog extends Dialog {

    static class SaveEvent extends ComponentEvent<NewApiKeyDialog> {
        private final NewApiKey key;

        SaveEvent(NewApiKeyDialog source, NewApiKey key) {
            super(source, false);
            this.key = key;
        }

        NewApiKey key() {
            return key;
        }
    }

    final NewApiKeyForm form = new NewApiKeyForm();

    NewApiKeyDialog() {
        setHeaderTitle("New API key");
        add(form);
        Button create = new Button("Create", event -> form.read().ifPresent(key -> fireEvent(new SaveEvent(this, key))));
        create.setId("create-api-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), create);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
