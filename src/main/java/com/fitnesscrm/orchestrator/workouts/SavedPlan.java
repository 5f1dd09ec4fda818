package com.fitnesscrm.orchestrator.workouts;

import java.time.Instant;

/**
 * A plan saved to a client's history.
 *
 * @param executionId the run that made it, or {@code null} once that run has been deleted
 * @param engine      who wrote it: {@code rules}, {@code llm}, {@code llm_repaired} or {@code cache}
 */
public record SavedPlan(long id, String clientId, String name, String goal, int weeks, WorkoutPlan plan,
                        String engine, Long executionId, String savedBy, Instant savedAt) {
}
