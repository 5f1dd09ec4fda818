package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plan made by a recorded run of the Workout Optimizer.
 *
 * @param input  the request as the run recorded it
 * @param engine the run's engine: {@code rules}, {@code llm}, {@code llm_repaired} or {@code cache}
 */
public record GeneratedPlan(long executionId, JsonNode input, WorkoutPlan plan, String engine) {

    /** {@code rules} or {@code llm}, as the REST answers' {@code source} says. */
    public String source() {
        return "rules".equals(engine) ? "rules" : "llm";
    }
}
