package com.fitnesscrm.orchestrator.health.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/health-status}'s answer for the OpenAPI document, as {@link HealthStatusController} writes it. */
final class HealthSchemas {

    private HealthSchemas() {
    }

    @Schema(name = "HealthStatus", description = "The original {health_checks, total}, plus the latest check.")
    record Status(@JsonProperty("health_checks") @Schema(description = "Rows of ai_system_health, newest first.")
                  List<Check> healthChecks,
                  @Schema(description = "How many rows are listed.") int total,
                  @Schema(allowableValues = {"healthy", "warning", "critical"}) String overall,
                  @Schema(description = "The latest check of each component.") List<Check> components,
                  @JsonProperty("checked_at") Instant checkedAt,
                  @JsonProperty("from_memory") @Schema(description = "True while the database is away: the "
                          + "answer is this node's latest check, with database critical.") boolean fromMemory) {
    }

    @Schema(name = "HealthCheck")
    record Check(@Schema(description = "The row's id; only on health_checks.") Long id,
                 @Schema(example = "database") String component,
                 @Schema(allowableValues = {"healthy", "warning", "critical"}) String status,
                 String message,
                 @Schema(description = "The component's numbers, e.g. round_trip_ms, pool_active.")
                 Map<String, Object> metrics,
                 @JsonProperty("checked_at") Instant checkedAt) {
    }
}
