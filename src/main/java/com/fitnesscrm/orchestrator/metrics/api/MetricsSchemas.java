package com.fitnesscrm.orchestrator.metrics.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The Metrics endpoints' shapes for the OpenAPI document. */
final class MetricsSchemas {

    private MetricsSchemas() {
    }

    @Schema(name = "FeedbackRequest", description = "A vote on a run's result, as the main backend sends it.")
    record FeedbackRequest(
            @JsonProperty("agent_type") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The run's task type or its agent's name.", example = "workout_optimization")
            String agentType,
            @JsonProperty("recommendation_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The run's id (execution_id).", example = "42") long recommendationId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"helpful", "not_helpful", "incorrect"}) String feedback,
            @JsonProperty("user_id") @Schema(description = "The main backend's user; the voter is user:<user_id>.",
                    example = "17") String userId,
            @Schema(description = "At most 2000 characters.", maxLength = 2000) String comment) {
    }

    @Schema(name = "Feedback", description = "A vote as stored.")
    record StoredVote(long id, @JsonProperty("recommendation_id") long recommendationId,
                      @JsonProperty("agent_type") @Schema(description = "As the request named the agent.")
                      String agentType,
                      @JsonProperty("agent_name") String agentName,
                      @Schema(allowableValues = {"helpful", "not_helpful", "incorrect"}) String feedback,
                      @JsonProperty("user_id") @Schema(nullable = true) String userId,
                      @Schema(example = "user:17") String voter,
                      @Schema(nullable = true) String comment,
                      @JsonProperty("config_version") @Schema(nullable = true) Integer configVersion,
                      @JsonProperty("created_at") String createdAt,
                      @JsonProperty("updated_at") String updatedAt) {
    }

    @Schema(name = "Metric", description = "One roll-up row of ai_agent_metrics.")
    record Metric(long id, @JsonProperty("agent_id") @Schema(nullable = true) Integer agentId,
                  @JsonProperty("agent_name") String agentName,
                  @JsonProperty("metric_type") @Schema(example = "success_rate") String metricType,
                  @JsonProperty("metric_value") double metricValue,
                  @Schema(allowableValues = {"hour", "day"}) String period,
                  @JsonProperty("period_start") String periodStart,
                  @JsonProperty("period_end") String periodEnd,
                  @JsonProperty("config_version") @Schema(nullable = true) Integer configVersion,
                  @JsonProperty("created_at") String createdAt) {
    }

    @Schema(name = "MetricList")
    record MetricList(List<Metric> metrics, long total, int page, @JsonProperty("per_page") int perPage, int pages) {
    }
}
