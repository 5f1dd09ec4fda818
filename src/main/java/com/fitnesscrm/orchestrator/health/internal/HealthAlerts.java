package com.fitnesscrm.orchestrator.health.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.health.HealthReport;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
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
            for (AlertRules.Decision decision : AlertRules.decide(report, alerts.latest(),
                    current.settings().repeat())) {
                List<Map.Entry<Long, String>> recorded = alerts.record(decision, current.names(), report.checkedAt());
                for (Map.Entry<Long, String> row : recorded) {
                    if (!"none".equals(row.getValue())) {
                        send(current, row.getKey(), row.getValue(), decision, report.checkedAt());
                    }
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

    /** Deletes alerts older than {@code before}, keeping each component's latest. */
    public int trim(Instant before) {
        return alerts.trim(before);
    }

    private void send(Channels current, long id, String channel, AlertRules.Decision decision, Instant checkedAt) {
        Map<String, Object> event = AlertDelivery.event(id, decision, checkedAt);
        try {
            senders.get(channel).execute(() -> deliver(current, id, channel, event));
        } catch (RejectedExecutionException e) {
            log.warn("Alert {} ({}) not sent: too many alerts are waiting to be sent", id, channel);
            alerts.attemptFailed(id, 0, "not sent: too many alerts were waiting", true);
        }
    }

    private void deliver(Channels current, long id, String channel, Map<String, Object> event) {
        Duration wait = firstRetry;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                if ("webhook".equals(channel)) {
                    delivery.webhook(current.settings(), id, event);
                } else {
                    delivery.email(current.settings(), current.mail(), event);
                }
                recordSent(id, attempt);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                try {
                    alerts.attemptFailed(id, attempt, "interrupted: the application stopped", true);
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
                    alerts.attemptFailed(id, attempt, reason, last);
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
    private void recordSent(long id, int attempt) {
        try {
            alerts.sent(id, attempt, clock.instant());
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
