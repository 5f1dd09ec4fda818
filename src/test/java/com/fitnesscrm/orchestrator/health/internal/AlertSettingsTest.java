package com.fitnesscrm.orchestrator.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the application refuses to start with, each refusal naming the variable. */
class AlertSettingsTest {

    @Test
    void defaults_are_slack_text_and_a_reminder_every_four_hours() {
        AlertSettings settings = AlertSettings.none();

        assertThat(settings.format()).isEqualTo(AlertSettings.Format.SLACK);
        assertThat(settings.repeat()).isEqualTo(Duration.ofHours(4));
        assertThat(settings.webhookUrl()).isNull();
    }

    @Test
    void a_webhook_url_that_is_not_absolute_http_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> settings("hooks.slack.com/services/T0/B0/secret", "slack", null))
                .hasMessageContaining("ALERT_WEBHOOK_URL").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> settings("ftp://example.com/x", "slack", null))
                .hasMessageContaining("ALERT_WEBHOOK_URL");
        assertThatThrownBy(() -> settings("http://exa mple.com", "slack", null))
                .hasMessageContaining("ALERT_WEBHOOK_URL");
    }

    @Test
    void an_unknown_format_is_refused_naming_the_allowed_ones() {
        assertThatThrownBy(() -> settings("https://example.com/hook", "xml", null))
                .hasMessageContaining("ALERT_WEBHOOK_FORMAT").hasMessageContaining("slack, json")
                .hasMessageContaining("xml");
    }

    @Test
    void the_json_format_needs_a_secret_to_sign_with() {
        assertThatThrownBy(() -> settings("https://example.com/hook", "json", null))
                .hasMessageContaining("ALERT_WEBHOOK_SECRET");
        assertThat(settings("https://example.com/hook", "JSON", "s3cret").format())
                .isEqualTo(AlertSettings.Format.JSON);
    }

    @Test
    void addresses_and_the_repeat_interval_are_checked() {
        assertThatThrownBy(() -> new AlertSettings(null, null, null, List.of("ops.example.com"), null, null))
                .hasMessageContaining("ALERT_EMAIL_TO");
        assertThatThrownBy(() -> new AlertSettings(null, null, null, List.of(), null, 0.0))
                .hasMessageContaining("ALERT_REPEAT_HOURS");
        assertThat(new AlertSettings(null, null, null, List.of(" ops@example.com "), null, 0.5).repeat())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void the_application_does_not_start_with_an_unknown_format_and_says_which_variable() {
        new ApplicationContextRunner().withUserConfiguration(Binding.class)
                .withPropertyValues("orchestrator.alerts.webhook-url=https://example.com/hook",
                        "orchestrator.alerts.webhook-format=xml")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("ALERT_WEBHOOK_FORMAT must be one of slack, json, not 'xml'"));
        new ApplicationContextRunner().withUserConfiguration(Binding.class)
                .withPropertyValues("orchestrator.alerts.webhook-url=https://example.com/hook")
                .run(context -> assertThat(context).hasNotFailed().getBean(AlertSettings.class)
                        .extracting(AlertSettings::format).isEqualTo(AlertSettings.Format.SLACK));
    }

    @EnableConfigurationProperties(AlertSettings.class)
    static class Binding {
    }

    private static AlertSettings settings(String url, String format, String secret) {
        return new AlertSettings(url, format, secret, null, null, null);
    }
}
