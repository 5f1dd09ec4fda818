package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.security.CreatedApiKey;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a new key's secret this one time; only its hash is kept. */
class ApiKeySecretDialog extends Dialog {

    final TextField secret = new TextField("Secret");

    ApiKeySecretDialog(CreatedApiKey created) {
        setHeaderTitle("API key '" + created.key().name() + "' created");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setId("api-key-secret");
        add(new Paragraph("Copy the secret now: it is shown only this once. Callers send it as "
                + "'Authorization: Bearer <secret>' or 'X-API-Key: <secret>'."), secret);
        Button done = new Button("I have copied it", event -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        setWidth("36rem");
    }
}
