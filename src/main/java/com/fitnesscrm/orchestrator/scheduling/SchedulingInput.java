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
                              Map<String, Integer> sources, LocalDate week, List<Request> requests,
                              java.time.Duration timeLimit) {

    public static final int DEFAULT_SESSION_MINUTES = 60;
    public static final int DEFAULT_COUNT = 3;
    public static final int DEFAULT_HORIZON_DAYS = 14;
    public static final int MAX_HORIZON_DAYS = 90;
    /** How far back the trainer's working hours are learned from. */
    public static final int LEARNING_WEEKS = 26;

    /** The week optimiser's default time limit, well inside the main backend's 30 s timeout. */
    public static final java.time.Duration DEFAULT_TIME_LIMIT = java.time.Duration.ofSeconds(5);

    /** Slot suggestions only (no week to optimise). */
    public SchedulingInput(Long clientId, Long trainerId, ZoneId zone, Instant now, LocalDate from, LocalDate to,
                           int sessionMinutes, int count, int bufferMinutes, Integer maxSessionsPerDay,
                           Integer minHoursBetween, List<Availability> availability, List<Booking> existingSessions,
                           List<Booking> trainerHistory, List<Attendance> clientHistory, List<Attendance> gymHistory,
                           List<Window> preferredWindows, List<String> preferredTimes, List<String> fromCrm,
                           Map<String, Integer> sources) {
        this(clientId, trainerId, zone, now, from, to, sessionMinutes, count, bufferMinutes, maxSessionsPerDay,
                minHoursBetween, availability, existingSessions, trainerHistory, clientHistory, gymHistory,
                preferredWindows, preferredTimes, fromCrm, sources, null, List.of(), DEFAULT_TIME_LIMIT);
    }

    /** Whether this input asks for a week's optimisation ({@code week}) rather than slot suggestions. */
    public boolean optimisesWeek() {
        return week != null;
    }

    public SchedulingInput {
        requests = requests == null ? List.of() : List.copyOf(requests);
        timeLimit = timeLimit == null ? DEFAULT_TIME_LIMIT : timeLimit;
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

        /** Whether the week optimiser must leave it where it is: confirmed, done, or already begun. */
        public boolean pinned(Instant now) {
            return status == Status.CONFIRMED || status == Status.COMPLETED || status == Status.NO_SHOW
                    || start.isBefore(now);
        }
    }

    /**
     * A client's sessions to place in the week.
     *
     * @param minHoursBetween hours between the starts of two of them; {@code null}: not two on one day
     */
    public record Request(long clientId, int sessionsPerWeek, Integer sessionMinutes, List<Window> preferredWindows,
                          List<String> preferredTimes, Integer minHoursBetween) {

        public Request {
            preferredWindows = preferredWindows == null ? List.of() : List.copyOf(preferredWindows);
            preferredTimes = preferredTimes == null ? List.of() : List.copyOf(preferredTimes);
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
        SCHEDULED, CONFIRMED, COMPLETED, NO_SHOW, CANCELLED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
