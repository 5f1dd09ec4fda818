package com.fitnesscrm.orchestrator.health.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthAlert;
import com.fitnesscrm.orchestrator.health.HealthReport;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The Health Checker's alerts: after each stored check, decides which components changed ({@link AlertRules}),
 * records each alert once in the cluster ({@link AlertLog}) and hands its deliveries to a small bounded queue, so
 * that sending never holds up or fails the check. Each delivery is tried {@value #ATTEMPTS} times, waiting 1, 4, 16
 * and 64 s between tries; every attempt is written to the log.
 *
 * <p>The database's own outage cannot go through the log: {@link DatabaseWatch} hands its judgement of the database
 * to {@link #databaseAway}, which sends it at once from memory, and the first stored check after it records it as
 * what it was (under the same clustering rule) before deciding, so that the recovery is decided and sent once.
 */
@Component
public class HealthAlerts {

    static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(HealthAlerts.class);

    private final AlertLog alerts;
    private final AlertDelivery delivery;
    private final Clock clock;
    private final AtomicReference<Channels> channels;
    private final Map<String, ThreadPoolExecutor> senders;
    private volatile Duration firstRetry = Duration.ofSeconds(1);
    /** The latest alert of {@code database} this node read or recorded; null: none seen. */
    private volatile AlertRules.Last lastDatabase;
    /** The database outage this node alerted from memory and has not recorded yet. */
    private final AtomicReference<Outage> outage = new AtomicReference<>();

    /** Where alerts go: the settings, and the mail sender when SMTP is configured. */
    private record Channels(AlertSettings settings, JavaMailSender mail) {

        List<String> names() {
            List<String> names = new ArrayList<>();
            if (settings.webhookUrl() != null) {
                names.add("webhook");
            }
            if (mail != null && !settings.emailTo().isEmpty()) {
                names.add("email");
            }
            return names.isEmpty() ? List.of("none") : names;
        }
    }

    /** How one channel's delivery of the outage went, as far as it went; {@code row}: once recorded. */
    private static final class Delivery {
        volatile String state = "pending";
        volatile int attempts;
        volatile String error;
        volatile Instant sentAt;
        volatile Long row;
    }

    /** An outage of the database alerted from memory: what was sent, when, and how each channel's delivery went. */
    private record Outage(AlertRules.Decision decision, Instant at, Map<String, Delivery> deliveries) {
    }

    /** What becomes of one delivery's attempts: written to its row, or kept with the outage until it has one. */
    private interface Outcome {

        void sent(int attempts, Instant at);

        void failed(int attempts, String error, boolean last);
    }

    HealthAlerts(AlertLog alerts, AlertSettings settings, ObjectProvider<JavaMailSender> mail,
                 ObjectMapper objectMapper, Clock clock) {
        this.alerts = alerts;
        this.delivery = new AlertDelivery(objectMapper, clock);
        this.clock = clock;
        this.channels = new AtomicReference<>(new Channels(settings, mail.getIfAvailable()));
        if (!settings.emailTo().isEmpty() && channels.get().mail() == null) {
            log.warn("ALERT_EMAIL_TO is set but SMTP is not (spring.mail.host, SPRING_MAIL_HOST): no alert e-mails.");
        }
        // One sender per channel, so that a slow webhook does not hold the e-mails back while each channel's alerts
        // arrive in the order they were decided (a recovery never before its change); past 100 waiting deliveries,
        // new ones are logged as failed rather than kept in memory without bound.
        this.senders = Map.of("webhook", sender("webhook"), "email", sender("email"));
    }

    /**
     * Tests point the alerts at their own receivers; the application's settings are fixed at start. {@code mail}
     * null: no e-mail.
     */
    void use(AlertSettings settings, JavaMailSender mail, Duration firstRetry) {
        channels.set(new Channels(settings, mail));
        this.firstRetry = firstRetry;
    }

    /**
     * Alerts what changed since the last alert of each component. Never throws: a failure to decide or record is
     * logged, and the next check decides again.
     */
    public void afterCheck(HealthReport report) {
        try {
            Channels current = channels.get();
            Map<String, AlertRules.Last> latest = alerts.latest();
            Outage away = outage.get();
            if (away != null) {
                recordOutage(away, latest.get("database"));
                outage.compareAndSet(away, null);
                latest = alerts.latest();
            }
            lastDatabase = latest.get("database");
            for (AlertRules.Decision decision : AlertRules.decide(report, latest, current.settings().repeat())) {
                List<Map.Entry<Long, String>> recorded = alerts.record(decision, current.names(), report.checkedAt());
                for (Map.Entry<Long, String> row : recorded) {
                    if (!"none".equals(row.getValue())) {
                        send(current, row.getKey(), row.getValue(), decision, report.checkedAt(),
                                rowOutcome(row.getKey()));
                    }
                }
                if (decision.component().component().equals("database")) {
                    lastDatabase = new AlertRules.Last(decision.seq(), decision.to(), report.checkedAt());
                }
                if (recorded.isEmpty()) {
                    log.debug("Another node recorded the alert {} #{}", decision.component().component(),
                            decision.seq());
                }
            }
        } catch (DataAccessException e) {
            log.warn("Alerts could not be decided or recorded: {}", e.getMostSpecificCause().getMessage());
        } catch (RuntimeException e) {
            log.warn("Alerts could not be decided or recorded", e);
        }
    }

    /**
     * The database does not answer ({@code database}: the watch's judgement of it at {@code at}): sends "database is
     * critical" at once on every channel, without the log, unless this node already did for this outage or the last
     * alert it knows of already said critical. Never throws.
     */
    void databaseAway(ComponentHealth database, Instant at) {
        AlertRules.Last last = lastDatabase;
        HealthStatus before = last == null ? HealthStatus.HEALTHY : last.to();
        if (database.status() != HealthStatus.CRITICAL || before == HealthStatus.CRITICAL
                || outage.get() != null) {
            return;
        }
        Channels current = channels.get();
        AlertRules.Decision decision = new AlertRules.Decision(database, 0, HealthAlert.Kind.CHANGE, before,
                HealthStatus.CRITICAL, AlertRules.message(HealthAlert.Kind.CHANGE, database, before));
        Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
        current.names().forEach(channel -> deliveries.put(channel, new Delivery()));
        Outage away = new Outage(decision, at, deliveries);
        if (!outage.compareAndSet(null, away)) {
            return;
        }
        log.warn("The database does not answer: alerting it from memory ({})", String.join(", ", deliveries.keySet()));
        // Not a row of ai_health_alerts (there is none yet): a negative id, the same on every retry of this alert.
        long id = -at.toEpochMilli();
        deliveries.forEach((channel, delivery) -> {
            if (!"none".equals(channel)) {
                send(current, id, channel, decision, at, outageOutcome(delivery));
            }
        });
    }

    /** Whether this node alerted an outage of the database that no stored check has recorded yet. */
    boolean databaseAwayAlerted() {
        return outage.get() != null;
    }

    /**
     * Records the outage this node alerted from memory, as the change to critical it was, before the first stored
     * check after it decides: unless the latest alert of {@code database} already says critical or came after the
     * outage began (another node recorded it, or its recovery too). Two nodes recording it at once insert the same
     * key, and the second inserts nothing.
     */
    private void recordOutage(Outage away, AlertRules.Last last) {
        if (last != null && (last.to() == HealthStatus.CRITICAL || !last.at().isBefore(away.at()))) {
            return;
        }
        AlertRules.Decision told = away.decision();
        AlertRules.Decision decision = new AlertRules.Decision(told.component(), last == null ? 1 : last.seq() + 1,
                told.kind(), last == null ? HealthStatus.HEALTHY : last.to(), told.to(), told.message());
        List<String> channels = List.copyOf(away.deliveries().keySet());
        for (Map.Entry<Long, String> row : alerts.record(decision, channels, away.at())) {
            Delivery delivery = away.deliveries().get(row.getValue());
            delivery.row = row.getKey();
            if ("sent".equals(delivery.state)) {
                alerts.sent(row.getKey(), delivery.attempts, delivery.sentAt);
            } else if (delivery.attempts > 0) {
                alerts.attemptFailed(row.getKey(), delivery.attempts, delivery.error, "failed".equals(delivery.state));
            }
        }
    }

    /** Deletes alerts older than {@code before}, keeping each component's latest. */
    public int trim(Instant before) {
        return alerts.trim(before);
    }

    private void send(Channels current, long id, String channel, AlertRules.Decision decision, Instant checkedAt,
                      Outcome outcome) {
        Map<String, Object> event = AlertDelivery.event(id, decision, checkedAt);
        try {
            senders.get(channel).execute(() -> deliver(current, id, channel, event, outcome));
        } catch (RejectedExecutionException e) {
            log.warn("Alert {} ({}) not sent: too many alerts are waiting to be sent", id, channel);
            outcome.failed(0, "not sent: too many alerts were waiting", true);
        }
    }

    private Outcome rowOutcome(long id) {
        return new Outcome() {
            @Override
            public void sent(int attempts, Instant at) {
                alerts.sent(id, attempts, at);
            }

            @Override
            public void failed(int attempts, String error, boolean last) {
                alerts.attemptFailed(id, attempts, error, last);
            }
        };
    }

    /** Kept with the outage; also written to its row once the outage is recorded, if it is by then. */
    private Outcome outageOutcome(Delivery delivery) {
        return new Outcome() {
            @Override
            public void sent(int attempts, Instant at) {
                delivery.attempts = attempts;
                delivery.sentAt = at;
                delivery.state = "sent";
                Long row = delivery.row;
                if (row != null) {
                    alerts.sent(row, attempts, at);
                }
            }

            @Override
            public void failed(int attempts, String error, boolean last) {
                delivery.attempts = attempts;
                delivery.error = error;
                delivery.state = last ? "failed" : "pending";
                Long row = delivery.row;
                if (row != null) {
                    alerts.attemptFailed(row, attempts, error, last);
                }
            }
        };
    }

    private void deliver(Channels current, long id, String channel, Map<String, Object> event, Outcome outcome) {
        Duration wait = firstRetry;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                if ("webhook".equals(channel)) {
                    delivery.webhook(current.settings(), id, event);
                } else {
                    delivery.email(current.settings(), current.mail(), event);
                }
                recordSent(outcome, id, attempt);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                try {
                    outcome.failed(attempt, "interrupted: the application stopped", true);
                } catch (DataAccessException logFailed) {
                    log.warn("Alert {}: the interrupted attempt could not be logged", id);
                }
                return;
            } catch (Exception e) {
                boolean last = attempt == ATTEMPTS;
                Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
                String reason = cause.getMessage() == null ? "no answer" : cause.getMessage();
                log.warn("Alert {} by {}: attempt {} of {} failed ({}){}", id, channel, attempt, ATTEMPTS, reason,
                        last ? "; giving up" : "; trying again in " + wait.toSeconds() + " s");
                try {
                    outcome.failed(attempt, reason, last);
                } catch (DataAccessException logFailed) {
                    log.warn("Alert {}: the attempt could not be logged", id);
                }
                if (!last && !sleep(wait)) {
                    return;
                }
                wait = wait.multipliedBy(4);
            }
        }
    }

    /** A delivered alert is never sent again because its row could not be written: that is only logged. */
    private void recordSent(Outcome outcome, long id, int attempt) {
        try {
            outcome.sent(attempt, clock.instant());
        } catch (DataAccessException e) {
            log.warn("Alert {} was delivered, but that could not be recorded: {}", id,
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadPoolExecutor sender(String channel) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100), task -> {
            Thread thread = new Thread(task, "health-alert-" + channel);
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        senders.values().forEach(ThreadPoolExecutor::shutdownNow);
    }
}
