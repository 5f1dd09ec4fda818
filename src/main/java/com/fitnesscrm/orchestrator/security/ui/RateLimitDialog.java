package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.security.ApiKey;
import com.fitnesscrm.orchestrator.security.RateLimit;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.shared.Registration;

/**
 * An API key's rate limit: requests per minute and the burst it may send at once, or back to the default. The
 * parent saves it ({@link SaveEvent}: both numbers, or both {@code null} for the default).
 */
class RateLimitDialog extends Dialog {

    static class SaveEvent extends ComponentEvent<RateLimitDialog> {
        private final Integer perMinute;
        private final Integer burst;

        SaveEvent(RateLimitDialog source, Integer perMinute, Integer burst) {
            super(source, false);
            this.perMinute = perMinute;
            this.burst = burst;
        }

        Integer perMinute() {
            return perMinute;
        }

        Integer burst() {
            return burst;
        }
    }

    final IntegerField perMinute = new IntegerField("Requests per minute");
    final IntegerField burst = new IntegerField("Burst");

    RateLimitDialog(ApiKey key, RateLimit effective, RateLimit defaultLimit) {
        setHeaderTitle("Rate limit of '" + key.name() + "'");
        for (IntegerField field : new IntegerField[] {perMinute, burst}) {
            field.setMin(1);
            field.setMax(RateLimit.MAX);
            field.setStepButtonsVisible(true);
        }
        perMinute.setId("rate-limit-per-minute");
        perMinute.setHelperText("Refilled evenly over the minute");
        burst.setId("rate-limit-burst");
        burst.setHelperText("Requests it may send at once");
        perMinute.setValue(effective.perMinute());
        burst.setValue(effective.burst());
        add(new Paragraph("Over the limit a caller gets 429 with Retry-After. The default for this key is "
                + defaultLimit + "."), new FormLayout(perMinute, burst));

        Button save = new Button("Save", event -> fireEvent(new SaveEvent(this, perMinute.getValue(),
                burst.getValue())));
        save.setId("save-rate-limit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button useDefault = new Button("Use the default", event -> fireEvent(new SaveEvent(this, null, null)));
        useDefault.setId("default-rate-limit");
        getFooter().add(new Button("Cancel", event -> close()), useDefault, save);
    }

    /** Shows a rule the service refused next to its field. */
    void showRejection(String field, String message) {
        IntegerField target = "burst".equals(field) ? burst : perMinute;
        target.setErrorMessage(message);
        target.setInvalid(true);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
