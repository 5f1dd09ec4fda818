package com.fitnesscrm.orchestrator.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * What the Progress Monitor analyses, in canonical units (kg, cm, %), read by {@link ProgressInputReader}.
 *
 * @param asOf     "today" for the analysis: days since the last session and ETA dates count from it
 * @param readings every measurement, in the order given (the first reading of a day counts)
 */
public record ProgressInput(String clientId, LocalDate asOf, List<Reading> readings, List<LiftSet> lifts,
                            List<Session> sessions, List<Goal> goals) {

    public ProgressInput {
        readings = List.copyOf(readings);
        lifts = List.copyOf(lifts);
        sessions = List.copyOf(sessions);
        goals = List.copyOf(goals);
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

    public enum SessionStatus {
        COMPLETED, CANCELLED, NO_SHOW, SCHEDULED;

        public String code() {
            return name().toLowerCase();
        }
    }

    /** A goal such as weight 76 kg, optionally by a date. */
    public record Goal(Metric metric, double target, LocalDate byDate) {
    }
}
