package com.fitnesscrm.orchestrator.health.internal;

import com.fitnesscrm.orchestrator.base.Coded;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Health Checker's alerts go (docs/decisions/0021, "Alerts"). Checked when the application starts: a
 * webhook URL that is not an absolute http(s) URL, an unknown format, a JSON format without a secret, an e-mail
 * address without an {@code @} or a repeat interval that is not positive stop the start with a message naming the
 * variable.
 *
 * @param webhookUrl    {@code ALERT_WEBHOOK_URL}: where alerts are posted; empty: no webhook
 * @param webhookFormat {@code ALERT_WEBHOOK_FORMAT}: {@code slack} (default, {@code {"text": …}}) or {@code json}
 *                      (the whole event)
 * @param webhookSecret {@code ALERT_WEBHOOK_SECRET}: the HMAC-SHA256 key the body is signed with; required for
 *                      {@code json}, used for {@code slack} too when set
 * @param emailTo       {@code ALERT_EMAIL_TO}: comma-separated addresses; e-mail is sent only when SMTP is
 *                      configured too ({@code spring.mail.host})
 * @param emailFrom     {@code ALERT_EMAIL_FROM}: the sender's address
 * @param repeatHours   {@code ALERT_REPEAT_HOURS}: how often a still-critical component is reminded (4)
 */
@ConfigurationProperties("orchestrator.alerts")
public record AlertSettings(String webhookUrl, String webhookFormat, String webhookSecret, List<String> emailTo,
                            String emailFrom, Double repeatHours) {

    /** How a webhook's body is shaped. */
    public enum Format implements Coded {
        SLACK, JSON
    }

    public AlertSettings {
        webhookUrl = blankToNull(webhookUrl);
        webhookFormat = webhookFormat == null || webhookFormat.isBlank() ? "slack"
                : webhookFormat.strip().toLowerCase(Locale.ROOT);
        webhookSecret = blankToNull(webhookSecret);
        emailTo = emailTo == null ? List.of() : emailTo.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        emailFrom = emailFrom == null || emailFrom.isBlank() ? "ai-orchestrator@localhost" : emailFrom.strip();
        repeatHours = repeatHours == null ? 4.0 : repeatHours;
        if (webhookUrl != null) {
            checkUrl(webhookUrl);
        }
        if (Coded.find(Format.class, webhookFormat).isEmpty()) {
            throw new IllegalArgumentException("ALERT_WEBHOOK_FORMAT must be one of " + Coded.codes(Format.class)
                    + ", not '" + webhookFormat + "'.");
        }
        if (webhookUrl != null && "json".equals(webhookFormat) && webhookSecret == null) {
            throw new IllegalArgumentException("ALERT_WEBHOOK_FORMAT=json needs ALERT_WEBHOOK_SECRET: the event is "
                    + "signed with it.");
        }
        for (String address : emailTo) {
            if (!address.matches("[^@\\s]+@[^@\\s]+")) {
                throw new IllegalArgumentException("ALERT_EMAIL_TO has '" + address + "', which is not an e-mail "
                        + "address.");
            }
        }
        if (!emailFrom.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("ALERT_EMAIL_FROM '" + emailFrom + "' is not an e-mail address.");
        }
        if (!(repeatHours > 0) || repeatHours.isInfinite()) {
            throw new IllegalArgumentException("ALERT_REPEAT_HOURS must be a positive number of hours, not "
                    + repeatHours + ".");
        }
    }

    /** No webhook, no e-mail, reminders every 4 hours. */
    public static AlertSettings none() {
        return new AlertSettings(null, null, null, null, null, null);
    }

    public Format format() {
        return Coded.find(Format.class, webhookFormat).orElseThrow();
    }

    public Duration repeat() {
        return Duration.ofSeconds(Math.round(repeatHours * 3600));
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                // not echoed: a Slack webhook's URL is its secret
                throw new IllegalArgumentException("ALERT_WEBHOOK_URL must be an absolute http or https URL.");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ALERT_WEBHOOK_URL is not a URL (" + e.getReason() + ").");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
