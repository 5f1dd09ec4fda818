package com.fitnesscrm.orchestrator.workouts.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The workout endpoints' shapes for the OpenAPI document. The request is what {@code WorkoutInputReader} reads (the
 * main backend's older names beside the agent's own); the plan is the {@link WorkoutPlan} record itself.
 */
final class WorkoutSchemas {

    private WorkoutSchemas() {
    }

    @Schema(name = "WorkoutPlanRequest", description = "Every field is optional, with a default. Where both a "
            + "field and its older name are sent, the field wins.")
    record PlanRequest(
            @JsonProperty("client_id") @Schema(description = "The client's id (a CRM client's goal and medical "
                    + "notes then fill what the request leaves open).", example = "42") String clientId,
            @Schema(description = "Default general_fitness (or the CRM client's goal).",
                    allowableValues = {"strength", "hypertrophy", "fat_loss", "endurance", "general_fitness"})
            String goal,
            @Schema(description = "Free text mapped onto a goal (\"lose weight\" is fat_loss).") List<String> goals,
            @JsonProperty("fitness_level") @Schema(allowableValues = {"beginner", "intermediate", "advanced"},
                    defaultValue = "beginner") String fitnessLevel,
            @Schema(description = "Default: everything (a commercial gym); bodyweight is always available.",
                    allowableValues = {"bodyweight", "dumbbell", "barbell", "rack", "bench", "kettlebell", "cable",
                            "machine", "bands", "pullup_bar", "cardio_machine"}) List<String> equipment,
            @JsonProperty("available_equipment") @Schema(description = "Older name of equipment.")
            List<String> availableEquipment,
            @JsonProperty("days_per_week") @Schema(minimum = "1", maximum = "7", defaultValue = "3")
            Integer daysPerWeek,
            @JsonProperty("sessions_per_week") @Schema(description = "Older name of days_per_week.", minimum = "1",
                    maximum = "7") Integer sessionsPerWeek,
            @JsonProperty("minutes_per_session") @Schema(minimum = "15", maximum = "180", defaultValue = "60")
            Integer minutesPerSession,
            @JsonProperty("time_per_session") @Schema(description = "Older name of minutes_per_session.",
                    minimum = "15", maximum = "180") Integer timePerSession,
            @Schema(minimum = "1", maximum = "16", defaultValue = "4") Integer weeks,
            @JsonProperty("duration_weeks") @Schema(description = "Older name of weeks.", minimum = "1",
                    maximum = "16") Integer durationWeeks,
            @JsonProperty("focus_areas") @Schema(description = "Muscles, patterns or kinds of work to stress; "
                    + "words naming a goal set the goal.", example = "[\"chest\", \"legs\"]") List<String> focusAreas,
            @Schema(description = "Exercises marked with one of these are left out.",
                    allowableValues = {"knee", "lower_back", "shoulder", "wrist", "hip", "pregnancy"})
            List<String> contraindications,
            @Schema(description = "Recent sets, for starting loads (at most 500).") List<HistorySet> history,
            @JsonProperty("crm_defaults") @Schema(description = "false: take nothing from the CRM client's row.",
                    defaultValue = "true") Boolean crmDefaults) {
    }

    @Schema(name = "WorkoutHistorySet")
    record HistorySet(@JsonProperty("exercise_id") @Schema(description = "An id or name of the exercise "
                              + "catalogue.", example = "back_squat") String exerciseId,
                      @Schema(minimum = "0", maximum = "1000", example = "80") double load,
                      @Schema(minimum = "1", maximum = "100", example = "8") int reps,
                      @Schema(minimum = "0", maximum = "10", example = "2") Integer rir) {
    }

    @Schema(name = "GeneratedWorkoutPlan")
    record PlanResponse(WorkoutPlan plan,
                        @Schema(allowableValues = {"rules", "llm"}) String source,
                        @Schema(description = "rules, llm, llm_repaired or cache.") String engine,
                        @JsonProperty("execution_id") long executionId,
                        @JsonProperty("focus_areas") @Schema(description = "The focus areas understood, as codes.",
                                example = "[\"chest\", \"legs\"]") List<String> focusAreas,
                        @JsonProperty("unknown_focus_areas") @Schema(description = "The entries of focus_areas "
                                + "that name nothing known, as sent; the plan ignores them and says so.",
                                example = "[\"banana\"]") List<String> unknownFocusAreas) {
    }

    @Schema(name = "WorkoutRecommendationsRequest", description = "The main backend's fields; any field of "
            + "WorkoutPlanRequest is taken too.")
    record RecommendationsRequest(
            @JsonProperty("client_id") @Schema(example = "7") String clientId,
            @Schema(description = "Free text mapped onto a goal.", example = "[\"lose weight\"]") List<String> goals,
            @JsonProperty("fitness_level") @Schema(allowableValues = {"beginner", "intermediate", "advanced"})
            String fitnessLevel) {
    }

    @Schema(name = "WorkoutRecommendations")
    record RecommendationsResponse(List<Recommendation> recommendations,
                                   @JsonProperty("client_id") Object clientId,
                                   @JsonProperty("fitness_level") String fitnessLevel,
                                   @Schema(allowableValues = {"rules", "llm"}) String source,
                                   String engine,
                                   @JsonProperty("execution_id") long executionId) {
    }

    @Schema(name = "WorkoutRecommendation")
    record Recommendation(@Schema(example = "Goblet squat") String exercise, int sets,
                          @Schema(description = "A range, or minutes for conditioning.", example = "8-12") String reps,
                          String reason, @Schema(example = "beginner") String difficulty) {
    }
}
