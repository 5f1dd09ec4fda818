package com.fitnesscrm.orchestrator.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Scheduling Intelligence plans from, read by {@link SchedulingInputReader}: the request's fields, completed from
 * the CRM. Times are instants; {@link #zone} is the trainer's, in which weekdays, hours and the horizon are meant.
 *
 * @param now               "now": no slot starts before it
 * @param from              the horizon's first day (inclusive, in {@code zone})
 * @param to                the horizon's last day (inclusive)
 * @param maxSessionsPerDay the trainer's daily cap, or {@code null} for none beyond availability
 * @param minHoursBetween   hours between the starts of two sessions of one client, or {@code null}
 * @param availability      the trainer's hours as given; empty: learned from {@code trainerHistory}
 * @param existingSessions  the trainer's sessions around the horizon (cancelled ones block nothing)
 * @param trainerHistory    the trainer's past sessions (26 weeks) the working hours are learned from
 * @param clientHistory     the client's past sessions and what became of them
 * @param gymHistory        past sessions of every client (the gym's rates); may be empty
 * @param fromCrm           which of these fields were read from the CRM, e.g. {@code existing_sessions}
 */
public record SchedulingInput(Long clientId, Long trainerId, ZoneId zone, Instant now, LocalDate from, LocalDate to,
                              int sessionMinutes, int count, int bufferMinutes, Integer maxSessionsPerDay,
                              Integer minHoursBetween, List<Availability> availability,
                              List<Booking> existingSessions, List<Booking> trainerHistory,
                              List<Attendance> clientHistory, List<Attendance> gymHistory,
                              List<Window> preferredWindows, List<String> preferredTimes, List<String> fromCrm,
                              Map<String, Integer> sources) {

    public static final int DEFAULT_SESSION_MINUTES = 60;
    public static final int DEFAULT_COUNT = 3;
    public static final int DEFAULT_HORIZON_DAYS = 14;
    public static final int MAX_HORIZON_DAYS = 90;
    /** How far back the trainer's working hours are learned from. */
    public static final int LEARNING_WEEKS = 26;

    public SchedulingInput {
        availability = List.copyOf(availability);
        existingSessions = List.copyOf(existingSessions);
        trainerHistory = List.copyOf(trainerHistory);
        clientHistory = List.copyOf(clientHistory);
        gymHistory = List.copyOf(gymHistory);
        preferredWindows = List.copyOf(preferredWindows);
        preferredTimes = List.copyOf(preferredTimes);
        fromCrm = List.copyOf(fromCrm);
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /**
     * Hours a trainer works: on a weekday every week, or on one date (a date's entries replace its weekday's).
     * Exactly one of {@code weekday} and {@code date} is set.
     */
    public record Availability(DayOfWeek weekday, LocalDate date, LocalTime start, LocalTime end) {
    }

    /** A session on the trainer's calendar; {@code status} is a {@link Status} or {@code null} (booked). */
    public record Booking(Instant start, Instant end, Long clientId, Status status) {

        /** Whether the trainer's time is taken: everything but a cancelled session. */
        public boolean blocks() {
            return status != Status.CANCELLED;
        }
    }

    /** A past session of a client and whether they came. */
    public record Attendance(Instant start, Status status) {
    }

    /** A window the client prefers; {@code weekday} {@code null} means any day. */
    public record Window(DayOfWeek weekday, LocalTime start, LocalTime end) {
    }

    /** What became of a session, as the CRM's statuses normalise. */
    public enum Status {
        SCHEDULED, COMPLETED, NO_SHOW, CANCELLED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
