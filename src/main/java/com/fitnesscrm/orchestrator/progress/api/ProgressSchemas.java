package com.fitnesscrm.orchestrator.progress.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/ai/progress-prediction}'s shapes for the OpenAPI document: the request as
 * {@code ProgressInputReader} reads it (the main backend's fields and the full ones, both at once if sent), the
 * answer around the {@link ProgressReport} record itself.
 */
final class ProgressSchemas {

    private ProgressSchemas() {
    }

    @Schema(name = "ProgressPredictionRequest", description = "Metric fields are weight, body_fat, muscle_mass, "
            + "waist, hips, chest, arm, thigh, resting_hr (kg, %, cm, bpm), or with a unit suffix (weight_lb, "
            + "waist_in). Values outside a plausible range (weight 20–400 kg, body fat 2–75 %, …) are a 422 naming "
            + "the field; other fields of a reading are ignored.")
    record PredictionRequest(
            @JsonProperty("client_id") @Schema(description = "A CRM client's history fills a short request.",
                    example = "7") String clientId,
            @JsonProperty("current_metrics") @Schema(description = "Today's readings (or dated by date).",
                    example = "{\"weight\": 82, \"body_fat\": 24}") Map<String, Object> currentMetrics,
            @JsonProperty("goal_metrics") @Schema(description = "Targets per metric, or a goal category "
                    + "(weight_loss, muscle_gain; strength, endurance, flexibility, other are noted, not forecast).",
                    example = "{\"weight\": 76}") Map<String, Object> goalMetrics,
            @JsonProperty("historical_data") @Schema(description = "Dated readings: {date, <metric>: value, …}.")
            List<Map<String, Object>> historicalData,
            @Schema(description = "Dated readings like historical_data.") List<Map<String, Object>> measurements,
            List<Lift> lifts,
            List<Session> sessions,
            List<Goal> goals) {
    }

    @Schema(name = "ProgressLiftSet", description = "load_kg or load_lb.")
    record Lift(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Back squat") String exercise,
                @JsonProperty("load_kg") @Schema(minimum = "0", maximum = "700") Double loadKg,
                @JsonProperty("load_lb") Double loadLb,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "100") int reps,
                @Schema(minimum = "0", maximum = "10") Integer rir) {
    }

    @Schema(name = "ProgressSession")
    record Session(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                           allowableValues = {"completed", "cancelled", "no_show", "scheduled"}) String status) {
    }

    @Schema(name = "ProgressGoal")
    record Goal(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "weight") String metric,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "76") double target,
                @JsonProperty("by_date") LocalDate byDate) {
    }

    @Schema(name = "ProgressPrediction", description = "The main backend's {prediction, estimated_weeks, "
            + "confidence} for the first goal, with the dates, the status and the whole report.")
    record Prediction(
            String prediction,
            @JsonProperty("estimated_weeks") @Schema(description = "null without a date; 0 when reached.")
            Double estimatedWeeks,
            @JsonProperty("earliest_weeks") Double earliestWeeks,
            @JsonProperty("latest_weeks") Double latestWeeks,
            @Schema(description = "0–1; null without a date.") Double confidence,
            @Schema(description = "The first goal's status (on_track, stale, reached …); insufficient_data when "
                    + "nothing could be measured.") String status,
            @Schema(allowableValues = {"measured_trend", "crm_history", "safe_rate"}) String basis,
            @JsonProperty("estimated_date") LocalDate estimatedDate,
            boolean success,
            @JsonProperty("execution_id") long executionId,
            String engine,
            @JsonProperty("client_id") Object clientId,
            @Schema(description = "Readings per source: request, measurements, progress_records, sessions.")
            Map<String, Integer> sources,
            ProgressReport progress) {
    }
}
