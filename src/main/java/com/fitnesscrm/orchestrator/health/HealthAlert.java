package com.fitnesscrm.orchestrator.health;

import com.fitnesscrm.orchestrator.base.Coded;
import java.time.Instant;

/**
 * One alert on one channel: a row of {@code ai_health_alerts} (docs/decisions/0021, "Alerts").
 *
 * @param from      the status alerted before (healthy when nothing was alerted yet)
 * @param channel   {@code webhook}, {@code email}, or {@code none} when neither is configured (kept all the same:
 *                  the log is also what the next check compares with)
 * @param delivery  {@code pending}, {@code sent}, {@code failed} (after every attempt) or {@code not_configured}
 * @param lastError why the latest attempt failed, when it did
 */
public record HealthAlert(long id, String component, Kind kind, HealthStatus from, HealthStatus to, String message,
                          String channel, String delivery, int attempts, String lastError, Instant createdAt,
                          Instant sentAt) {

    /** Why an alert was sent. */
    public enum Kind implements Coded {
        /** The component turned warning or critical, or from one to the other. */
        CHANGE,
        /** The component is healthy again. */
        RECOVERY,
        /** The component is still critical, {@code ALERT_REPEAT_HOURS} after the last alert. */
        REMINDER
    }
}
