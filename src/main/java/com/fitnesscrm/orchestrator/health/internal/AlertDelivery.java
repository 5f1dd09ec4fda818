package com.fitnesscrm.orchestrator.health.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends one alert on one channel, once; {@link HealthAlerts} retries. Webhook: {@code POST} of {@code {"text": …}}
 * ({@code slack}) or of the whole event ({@code json}), signed when a secret is set:
 * {@code X-Signature-256: sha256=<hex HMAC-SHA256 of "<X-Signature-Timestamp>.<body>">}, the timestamp in Unix
 * seconds so that a receiver can refuse old (replayed) requests, and {@code X-Alert-Id}, the same on every retry.
 */
final class AlertDelivery {

    static final String SIGNATURE = "X-Signature-256";
    static final String TIMESTAMP = "X-Signature-Timestamp";
    static final String ALERT_ID = "X-Alert-Id";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper objectMapper;
    private final Clock clock;

    AlertDelivery(ObjectMapper objectMapper, Clock clock) {
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The event as the {@code json} format sends it. */
    static Map<String, Object> event(long id, AlertRules.Decision decision, Instant checkedAt) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("component", decision.component().component());
        event.put("kind", decision.kind().code());
        event.put("from_status", decision.from().code());
        event.put("to_status", decision.to().code());
        event.put("message", decision.message());
        event.put("component_message", decision.component().message());
        event.put("metrics", decision.component().metrics());
        event.put("checked_at", checkedAt.toString());
        return event;
    }

    /** Throws with a short reason when the receiver does not take it (no answer, or not 2xx). */
    void webhook(AlertSettings settings, long id, Map<String, Object> event) throws IOException,
            InterruptedException {
        String body = json(settings.format() == AlertSettings.Format.JSON ? event
                : Map.of("text", "FitnessCRM AI Orchestrator: " + event.get("message")));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.webhookUrl())).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header(ALERT_ID, String.valueOf(id))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (settings.webhookSecret() != null) {
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            request.header(TIMESTAMP, timestamp)
                    .header(SIGNATURE, "sha256=" + sign(settings.webhookSecret(), timestamp + "." + body));
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode());
        }
    }

    void email(AlertSettings settings, JavaMailSender mail, Map<String, Object> event) throws MailException {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.emailFrom());
        message.setTo(settings.emailTo().toArray(String[]::new));
        message.setSubject("[FitnessCRM AI Orchestrator] " + event.get("component") + " " + event.get("to_status")
                + ("reminder".equals(event.get("kind")) ? " (reminder)" : ""));
        StringBuilder text = new StringBuilder().append(event.get("message")).append("\n\nChecked at ")
                .append(event.get("checked_at")).append("\n\n");
        ((Map<?, ?>) event.get("metrics")).forEach((key, value) -> text.append(key).append(": ").append(value)
                .append('\n'));
        message.setText(text.toString());
        mail.send(message);
    }

    /** Lower-case hex of HMAC-SHA256 of {@code payload} under {@code secret}, both as UTF-8. */
    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An alert is texts and numbers", e);
        }
    }
}
