package com.fitnesscrm.orchestrator.progress;

import com.fitnesscrm.orchestrator.base.Coded;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Progress Monitor analyses, in canonical units (kg, cm, %), read by {@link ProgressInputReader}.
 *
 * @param asOf     "today" for the analysis: days since the last session and ETA dates count from it
 * @param readings every measurement, in the order given (the first reading of a day counts)
 * @param sources  readings (and sessions) per source: {@code request}, and with the CRM {@code measurements},
 *                 {@code progress_records}, {@code sessions}
 * @param notes    sentences the report must carry about the input itself (e.g. a goal that is no body metric)
 */
public record ProgressInput(String clientId, LocalDate asOf, List<Reading> readings, List<LiftSet> lifts,
                            List<Session> sessions, List<Goal> goals, Map<String, Integer> sources,
                            List<String> notes) {

    /** The source key of what the request itself sent. */
    public static final String REQUEST = "request";

    public ProgressInput {
        readings = List.copyOf(readings);
        lifts = List.copyOf(lifts);
        sessions = List.copyOf(sessions);
        goals = List.copyOf(goals);
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources == null
                ? Map.of(REQUEST, readings.size()) : sources));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Everything from the request alone. */
    public ProgressInput(String clientId, LocalDate asOf, List<Reading> readings, List<LiftSet> lifts,
                         List<Session> sessions, List<Goal> goals) {
        this(clientId, asOf, readings, lifts, sessions, goals, null, List.of());
    }

    /** Whether any reading or session came from the CRM rather than the request. */
    public boolean usesCrm() {
        return sources.entrySet().stream().anyMatch(e -> !e.getKey().equals(REQUEST) && e.getValue() > 0);
    }

    /** One measurement of one metric on one day. */
    public record Reading(LocalDate date, Metric metric, double value) {
    }

    /** One set of a lift; {@code rir} (reps in reserve) is {@code null} when not logged. */
    public record LiftSet(LocalDate date, String exercise, double loadKg, int reps, Integer rir) {
    }

    /** A planned session and what became of it. */
    public record Session(LocalDate date, SessionStatus status) {
    }

    public enum SessionStatus implements Coded {
        COMPLETED, CANCELLED, NO_SHOW, SCHEDULED
    }

    /**
     * A goal such as weight 76 kg, optionally by a date.
     *
     * @param crmGoalId the row of the CRM's {@code goals} it was matched to (unit, date and status from there), or
     *                  {@code null}
     * @param crmStatus that row's status, e.g. {@code active}, or {@code null}
     */
    public record Goal(Metric metric, double target, LocalDate byDate, Long crmGoalId, String crmStatus) {

        public Goal(Metric metric, double target, LocalDate byDate) {
            this(metric, target, byDate, null, null);
        }
    }
}
