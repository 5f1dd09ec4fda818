package com.fitnesscrm.orchestrator.health.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/health-status}'s and the remediation log's answers for the OpenAPI document, as
 * {@link HealthStatusController} and {@link RemediationsController} write them.
 */
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

    @Schema(name = "RemediationPage", description = "A page of the self-healing log, newest first.")
    record RemediationPage(List<RemediationEntry> remediations, int page, @JsonProperty("per_page") int perPage,
                           @JsonProperty("self_healing") @Schema(allowableValues = {"on", "dry_run", "off"})
                           String selfHealing) {
    }

    @Schema(name = "Remediation", description = "One entry of the self-healing log (ai_health_remediations).")
    record RemediationEntry(long id,
                            @Schema(allowableValues = {"pool_refill", "llm_rules_only", "dead_node_release",
                                    "stuck_run_timeout", "cache_clear"}) String kind,
                            @Schema(allowableValues = {"on", "dry_run"}, description = "dry_run: only logged, "
                                    + "nothing was done.") String mode,
                            @Schema(description = "Why: the condition the check found.") String reason,
                            @Schema(description = "The numbers it was found by (at most 4000 characters as JSON).")
                            Map<String, Object> evidence,
                            @Schema(description = "What came of it.") String result,
                            @JsonProperty("agent_id") Integer agentId,
                            @JsonProperty("run_ids") @Schema(description = "At most 100.") List<Long> runIds,
                            @JsonProperty("created_at") Instant createdAt,
                            @JsonProperty("expires_at") @Schema(description = "llm_rules_only: the end of the "
                                    + "cool-down.") Instant expiresAt,
                            @JsonProperty("ended_at") @Schema(description = "llm_rules_only: switched back after "
                                    + "a probe of the LLM answered.") Instant endedAt,
                            @JsonProperty("undone_at") Instant undoneAt,
                            @JsonProperty("undone_by") String undoneBy,
                            @JsonProperty("undo_result") String undoResult,
                            @Schema(description = "Whether POST …/undo would be accepted now.") boolean undoable,
                            @Schema(description = "What was done, in words, e.g. \"Agent 3 switched to its "
                                    + "rules\".") String what,
                            @Schema(description = "The same as reason.") String why,
                            @Schema(description = "The same as created_at.") Instant when) {
    }

    @Schema(name = "RemediationUndone")
    record Undone(RemediationEntry remediation,
                  @Schema(description = "False for a harmless kind: recorded undone, nothing to reverse.")
                  boolean reversed,
                  String message) {
    }
}
