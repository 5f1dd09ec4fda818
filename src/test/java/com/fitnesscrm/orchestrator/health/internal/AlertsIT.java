package com.fitnesscrm.orchestrator.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthAlert;
import com.fitnesscrm.orchestrator.health.HealthReport;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The alerts end to end, on the shared context: a local webhook receiver and a local SMTP server (GreenMail) get one
 * alert per change and one recovery, however many checks see the same status. Each test judges a component of its
 * own name, so the real components of other tests' checks never mix in.
 */
@IntegrationTest
class AlertsIT {

    private static final AtomicInteger names = new AtomicInteger();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    private HealthAlerts alerts;
    @Autowired
    private AlertLog log;
    @Autowired
    private ObjectMapper objectMapper;
    @Autowired
    private ObjectProvider<JavaMailSender> mailSenders;
    @Autowired
    private JdbcTemplate jdbc;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private String component;
    private Instant now;

    @BeforeEach
    void name() {
        component = "alerts_it_" + System.nanoTime() + "_" + names.incrementAndGet();
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @AfterEach
    void stop() {
        WebhookReceiver.reset(alerts);
        receiver.close();
    }

    @Test
    void one_alert_per_change_and_one_recovery_reach_the_webhook_and_the_mailbox() throws Exception {
        receiver.use(alerts, "slack", null, List.of("ops@example.com"), mail());

        check(HealthStatus.HEALTHY, 0);
        check(HealthStatus.CRITICAL, 1);
        check(HealthStatus.CRITICAL, 2);
        check(HealthStatus.CRITICAL, 3);
        check(HealthStatus.HEALTHY, 4);
        check(HealthStatus.HEALTHY, 5);

        List<WebhookReceiver.Received> posts = receiver.awaitAbout(component, got -> got.size() >= 2);
        assertThat(posts).hasSize(2);
        JsonNode first = objectMapper.readTree(posts.get(0).body());
        assertThat(first.get("text").asText()).contains(component + " is critical (was healthy)")
                .contains(component + " is critical, as the test says");
        assertThat(objectMapper.readTree(posts.get(1).body()).get("text").asText())
                .contains(component + " is healthy again (was critical)");
        assertThat(posts.get(0).header(AlertDelivery.SIGNATURE)).as("no secret, no signature").isNull();

        List<MimeMessage> mails = awaitMails(2);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactly(
                "[FitnessCRM AI Orchestrator] " + component + " critical",
                "[FitnessCRM AI Orchestrator] " + component + " healthy");
        assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails.get(0))).contains("free_percent: 3.0");

        Thread.sleep(300); // nothing more arrives
        assertThat(receiver.about(component)).hasSize(2);
        assertThat(awaitLog(4, "sent")).extracting(HealthAlert::channel)
                .containsExactlyInAnyOrder("webhook", "email", "webhook", "email");
    }

    @Test
    void the_json_event_is_signed_with_the_secret_over_its_timestamp_and_body() throws Exception {
        receiver.use(alerts, "json", "s3cret-for-tests", List.of(), null);

        check(HealthStatus.WARNING, 0);

        WebhookReceiver.Received post = receiver.awaitAbout(component, got -> !got.isEmpty()).get(0);
        String timestamp = post.header(AlertDelivery.TIMESTAMP);
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));
        assertThat(post.header(AlertDelivery.SIGNATURE))
                .isEqualTo("sha256=" + hmac("s3cret-for-tests", timestamp + "." + post.body()));
        assertThat(post.header(AlertDelivery.SIGNATURE))
                .isNotEqualTo("sha256=" + hmac("another-secret", timestamp + "." + post.body()));
        JsonNode event = objectMapper.readTree(post.body());
        assertThat(event.get("component").asText()).isEqualTo(component);
        assertThat(event.get("kind").asText()).isEqualTo("change");
        assertThat(event.get("from_status").asText()).isEqualTo("healthy");
        assertThat(event.get("to_status").asText()).isEqualTo("warning");
        assertThat(event.get("metrics").get("free_percent").asDouble()).isEqualTo(3.0);
        assertThat(post.header(AlertDelivery.ALERT_ID)).isEqualTo(event.get("id").asText());
    }

    @Test
    void a_receiver_that_fails_first_is_retried_and_the_check_does_not_wait_for_it() throws Exception {
        receiver.use(alerts, "slack", null, List.of(), null);
        receiver.failNext(1);

        long started = System.nanoTime();
        check(HealthStatus.CRITICAL, 0);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(150));

        assertThat(receiver.awaitAbout(component, got -> got.size() >= 2)).hasSize(2);
        HealthAlert alert = awaitLog(1, "sent").get(0);
        assertThat(alert.attempts()).isEqualTo(2);
        assertThat(alert.lastError()).isNull();
    }

    @Test
    void a_receiver_that_keeps_failing_is_logged_as_failed_with_its_last_error() throws Exception {
        receiver.use(alerts, "slack", null, List.of(), null);
        receiver.failNext(HealthAlerts.ATTEMPTS);
        alerts.use(new AlertSettings(receiver.url(), "slack", null, null, null, null), null, Duration.ofMillis(10));

        check(HealthStatus.CRITICAL, 0);

        HealthAlert alert = awaitLog(1, "failed").get(0);
        assertThat(alert.attempts()).isEqualTo(HealthAlerts.ATTEMPTS);
        assertThat(alert.lastError()).isEqualTo("HTTP 500");
        assertThat(receiver.about(component)).hasSize(HealthAlerts.ATTEMPTS);
    }

    @Test
    void a_component_still_critical_is_reminded_every_alert_repeat_hours() throws Exception {
        receiver.use(alerts, "slack", null, List.of(), null);

        check(HealthStatus.CRITICAL, 0);
        at(HealthStatus.CRITICAL, now.plus(Duration.ofHours(4)).minusSeconds(1));
        at(HealthStatus.CRITICAL, now.plus(Duration.ofHours(4)));
        at(HealthStatus.CRITICAL, now.plus(Duration.ofHours(5)));
        at(HealthStatus.CRITICAL, now.plus(Duration.ofHours(8)));

        List<WebhookReceiver.Received> posts = receiver.awaitAbout(component, got -> got.size() >= 3);
        assertThat(posts).hasSize(3);
        assertThat(posts.get(1).body()).contains(component + " is still critical");
        assertThat(awaitLog(3, "sent")).extracting(HealthAlert::kind).containsExactly(HealthAlert.Kind.REMINDER,
                HealthAlert.Kind.REMINDER, HealthAlert.Kind.CHANGE);
    }

    @Test
    void two_nodes_seeing_the_same_change_at_once_send_it_once() throws Exception {
        receiver.use(alerts, "slack", null, List.of(), null);
        HealthReport critical = report(HealthStatus.CRITICAL, now);
        CyclicBarrier together = new CyclicBarrier(2);
        Runnable node = () -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            alerts.afterCheck(critical);
        };

        CompletableFuture.allOf(CompletableFuture.runAsync(node), CompletableFuture.runAsync(node)).join();
        alerts.afterCheck(report(HealthStatus.CRITICAL, now.plusSeconds(300)));

        assertThat(receiver.awaitAbout(component, got -> !got.isEmpty())).hasSize(1);
        Thread.sleep(300);
        assertThat(receiver.about(component)).hasSize(1);
        assertThat(awaitLog(1, "sent")).hasSize(1);
    }

    @Test
    void two_nodes_alert_the_database_away_from_memory_each_once_and_back_it_is_recorded_and_recovered_once()
            throws Exception {
        alerts.afterCheck(database(HealthStatus.HEALTHY, now)); // settles what was last alerted of the database
        HealthAlerts first = node();
        HealthAlerts second = node();
        receiver.use(first, "slack", "s3cret", List.of(), null);
        receiver.use(second, "slack", "s3cret", List.of(), null);
        Instant away = now.plusSeconds(60);
        try {
            ComponentHealth stopped = database(HealthStatus.CRITICAL, away).components().get(0);
            first.databaseAway(stopped, away);
            second.databaseAway(stopped, away.plusSeconds(1));
            first.databaseAway(stopped, away.plusSeconds(60)); // the same outage

            List<WebhookReceiver.Received> down = receiver.awaitAbout("database is critical", got -> got.size() >= 2);
            assertThat(down).hasSize(2); // once per node
            WebhookReceiver.Received told = down.get(0);
            assertThat(told.body()).contains("database is critical (was healthy): The database does not answer");
            assertThat(told.header("X-Signature-256")).isEqualTo("sha256="
                    + hmac("s3cret", told.header("X-Signature-Timestamp") + "." + told.body()));
            assertThat(first.databaseAwayAlerted()).isTrue();

            Instant back = away.plusSeconds(120);
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture.allOf(Stream.of(first, second).map(node -> CompletableFuture.runAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                node.afterCheck(database(HealthStatus.HEALTHY, back));
            })).toArray(CompletableFuture[]::new)).join();
            first.afterCheck(database(HealthStatus.HEALTHY, back.plusSeconds(60)));
            second.afterCheck(database(HealthStatus.HEALTHY, back.plusSeconds(60)));

            assertThat(receiver.awaitAbout("database is healthy again", got -> !got.isEmpty())).hasSize(1);
            Thread.sleep(300); // nothing more arrives
            assertThat(receiver.about("database is")).hasSize(3);
            List<HealthAlert> logged = awaitDatabaseAlertsSent(now);
            assertThat(logged).extracting(HealthAlert::kind)
                    .containsExactly(HealthAlert.Kind.RECOVERY, HealthAlert.Kind.CHANGE);
            assertThat(logged.get(1)).satisfies(outage -> {
                assertThat(outage.to()).isEqualTo(HealthStatus.CRITICAL);
                assertThat(outage.createdAt()).isIn(away, away.plusSeconds(1));
                assertThat(outage.delivery()).isEqualTo("sent");
                assertThat(outage.sentAt()).isNotNull();
            });
            assertThat(first.databaseAwayAlerted()).isFalse();
            assertThat(second.databaseAwayAlerted()).isFalse();
        } finally {
            first.stop();
            second.stop();
            // the shared context's log as it was: other tests' checks compare the database with its latest alert
            jdbc.update("DELETE FROM ai_health_alerts WHERE component = 'database' AND created_at >= ?",
                    java.sql.Timestamp.from(now));
        }
    }

    @Test
    void without_any_channel_the_change_is_still_logged_as_not_configured() {
        check(HealthStatus.WARNING, 0);

        assertThat(alertsOfComponent()).singleElement().satisfies(alert -> {
            assertThat(alert.channel()).isEqualTo("none");
            assertThat(alert.delivery()).isEqualTo("not_configured");
        });
    }

    private void check(HealthStatus status, int index) {
        at(status, now.plusSeconds(300L * index));
    }

    private void at(HealthStatus status, Instant checkedAt) {
        alerts.afterCheck(report(status, checkedAt));
    }

    private HealthReport report(HealthStatus status, Instant checkedAt) {
        return new HealthReport(status, List.of(new ComponentHealth(component, status,
                component + " is " + status.code() + ", as the test says.", Map.of("free_percent", 3.0))), List.of(),
                List.of(), checkedAt);
    }

    /** Another node's alerts: the same log, its own memory and senders. */
    private HealthAlerts node() {
        return new HealthAlerts(log, AlertSettings.none(), mailSenders, objectMapper, Clock.systemUTC());
    }

    private static HealthReport database(HealthStatus status, Instant checkedAt) {
        String message = status == HealthStatus.HEALTHY ? "The database answers."
                : "The database does not answer: Connection refused.";
        return new HealthReport(status, List.of(new ComponentHealth("database", status, message, Map.of())),
                List.of(), List.of(), checkedAt);
    }

    /** The database's alerts since {@code since}, newest first, once each is sent (or after 15 s). */
    private List<HealthAlert> awaitDatabaseAlertsSent(Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        List<HealthAlert> logged;
        do {
            Thread.sleep(50);
            logged = log.newest(500).stream().filter(alert -> alert.component().equals("database"))
                    .filter(alert -> !alert.createdAt().isBefore(since)).toList();
        } while (!logged.stream().allMatch(alert -> alert.delivery().equals("sent")) && System.nanoTime() < deadline);
        return logged;
    }

    private List<HealthAlert> alertsOfComponent() {
        return log.newest(500).stream().filter(alert -> alert.component().equals(component)).toList();
    }

    /** The component's alerts, newest first, once {@code count} of them have the delivery status {@code delivery}. */
    private List<HealthAlert> awaitLog(int count, String delivery) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (alertsOfComponent().stream().filter(a -> a.delivery().equals(delivery)).count() < count
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return alertsOfComponent();
    }

    private List<MimeMessage> awaitMails(int count) throws Exception {
        smtp.waitForIncomingEmail(15_000, count);
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(component);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private JavaMailSenderImpl mail() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        return mail;
    }

    private static String hmac(String secret, String payload) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }
}
