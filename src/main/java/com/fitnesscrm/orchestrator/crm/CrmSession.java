package com.fitnesscrm.orchestrator.crm;

import com.fitnesscrm.orchestrator.base.Coded;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * A row of the main backend's {@code sessions}: a booking and what became of it. Times are in the gym's time zone.
 *
 * @param end        {@code end_time}, else start + {@code duration}, else {@code null}
 * @param status     the CRM's status, normalised
 * @param statusText the status as the CRM stores it
 */
public record CrmSession(long id, long clientId, long trainerId, ZonedDateTime start, ZonedDateTime end,
                         Integer durationMinutes, String sessionType, String location, Status status,
                         String statusText, Long recurringSessionId) {

    /** What became of a session; {@link #OTHER} is a status the CRM has that none of these names. */
    public enum Status implements Coded {
        SCHEDULED, COMPLETED, CANCELLED, NO_SHOW, OTHER;

        /**
         * The status a CRM text means: {@code no-show}, {@code No Show}, {@code missed} → NO_SHOW; {@code canceled} →
         * CANCELLED; {@code confirmed}, {@code booked}, {@code pending} → SCHEDULED; {@code attended}, {@code done} →
         * COMPLETED; anything else, or none, → OTHER.
         */
        public static Status of(String text) {
            if (text == null) {
                return OTHER;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
                case "scheduled", "confirmed", "booked", "pending", "upcoming" -> SCHEDULED;
                case "completed", "complete", "attended", "done" -> COMPLETED;
                case "cancelled", "canceled", "late_cancel", "late_cancelled" -> CANCELLED;
                case "no_show", "noshow", "missed", "absent" -> NO_SHOW;
                default -> OTHER;
            };
        }
    }
}
