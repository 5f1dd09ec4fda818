package com.fitnesscrm.orchestrator.agents.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * The shapes of {@code /api/agents} for the OpenAPI document; {@link AgentJson} writes them and
 * {@link AgentsController} reads the bodies by hand (to name the field of every refusal).
 */
final class AgentSchemas {

    private AgentSchemas() {
    }

    @Schema(name = "AgentConfig", description = "How an agent runs. In a body, fields left out keep their value "
            + "(the type's default on create); any change is a new config version.")
    record Config(
            @Schema(description = "The LLM to ask; null: the provider's default (OPENAI_MODEL).",
                    example = "gpt-4o-mini") String model,
            @Schema(minimum = "0", maximum = "2", example = "0.2") Double temperature,
            @JsonProperty("system_prompt") @Schema(maxLength = 20000) String systemPrompt,
            @JsonProperty("max_tokens") @Schema(minimum = "16", maximum = "128000", example = "2000")
            Integer maxTokens,
            @JsonProperty("timeout_seconds") @Schema(minimum = "1", maximum = "600", example = "30")
            Integer timeoutSeconds,
            @JsonProperty("max_retries") @Schema(minimum = "0", maximum = "5", example = "2") Integer maxRetries,
            @JsonProperty("daily_budget_usd") @Schema(description = "LLM spend per day (UTC) after which the agent "
                    + "answers from its rules; null: no cap.", minimum = "0", example = "5.00")
            BigDecimal dailyBudgetUsd,
            @JsonProperty("cache_ttl_seconds") @Schema(description = "0: no cache.", minimum = "0", example = "0")
            Integer cacheTtlSeconds,
            @JsonProperty("fallback_policy") @Schema(description = "When the LLM gives no valid answer: answer from "
                    + "the rules, or fail the run.", allowableValues = {"rules", "fail"}) String fallbackPolicy,
            @Schema(description = "When the Health Checker calls this agent's recent runs a warning or critical.")
            Health health) {
    }

    @Schema(name = "AgentHealthThresholds", description = "Failure rates count failed and timed-out runs of the last "
            + "hour; rejected input is not the agent's failure.")
    record Health(
            @JsonProperty("failure_rate_warning") @Schema(minimum = "0", maximum = "1", example = "0.05")
            Double failureRateWarning,
            @JsonProperty("failure_rate_critical") @Schema(minimum = "0", maximum = "1", example = "0.2")
            Double failureRateCritical,
            @JsonProperty("p95_warning_ms") @Schema(description = "null: half of timeout_seconds.") Integer p95WarningMs,
            @JsonProperty("p95_critical_ms") @Schema(description = "null: 90 % of timeout_seconds.")
            Integer p95CriticalMs,
            @JsonProperty("slo_success_rate") @Schema(minimum = "0.5", maximum = "0.99999", example = "0.99")
            Double sloSuccessRate,
            @JsonProperty("min_runs") @Schema(description = "Fewer runs in the hour are too few to judge a rate by.",
                    minimum = "1", example = "5") Integer minRuns) {
    }

    @Schema(name = "Agent", description = "An agent, in the original service's shape plus config_version and "
            + "installed.")
    record Agent(
            int id,
            @Schema(example = "Workout Optimizer") String name,
            @Schema(description = "Its task type.", example = "workout_optimization") String type,
            String description,
            @Schema(allowableValues = {"active", "inactive"}) String status,
            Config config,
            boolean enabled,
            @JsonProperty("created_at") @Schema(format = "date-time") String createdAt,
            @JsonProperty("updated_at") @Schema(format = "date-time") String updatedAt,
            @JsonProperty("config_version") int configVersion,
            @Schema(description = "false when this version has no engine for the type: running it answers 503.")
            boolean installed) {
    }

    @Schema(name = "AgentList")
    record AgentList(List<Agent> agents, int total) {
    }

    @Schema(name = "NewAgent", description = "Only these fields are taken; an unknown one is a 422 naming it.")
    record NewAgent(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "Workout Optimizer (LLM)")
            String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A task type of GET /api/agents/types.",
                    example = "workout_optimization") String type,
            String description,
            @Schema(defaultValue = "true") Boolean enabled,
            Config config,
            @Schema(description = "Why, kept with the config version.", example = "first version") String note) {
    }

    @Schema(name = "AgentChange", description = "Fields present are changed; config may hold only the fields to "
            + "change. The type cannot change (422).")
    record AgentChange(String name, String description, Boolean enabled, Config config,
                       @Schema(description = "Why, kept with a new config version.") String note) {
    }

    @Schema(name = "AgentTypes")
    record AgentTypes(List<Type> types) {
    }

    @Schema(name = "AgentType")
    record Type(@Schema(example = "workout_optimization") String type, @Schema(example = "Workout Optimizer")
                String name) {
    }

    @Schema(name = "AgentDeleted")
    record Deleted(@Schema(example = "Agent 6 deleted; its runs are kept.") String message, int id) {
    }

    @Schema(name = "AgentVersion")
    record Version(@JsonProperty("agent_id") int agentId, int version, Config config, String author, String note,
                   @JsonProperty("created_at") @Schema(format = "date-time") String createdAt) {
    }

    @Schema(name = "AgentVersions")
    record Versions(List<Version> versions) {
    }

    @Schema(name = "AgentVersionDiff")
    record Diff(int from, int to, List<Change> changes) {
    }

    @Schema(name = "AgentConfigChange", description = "One config field that differs; each value keeps its JSON "
            + "type (a temperature is a number, a prompt text), null when unset.")
    record Change(@Schema(example = "temperature") String field,
                  @Schema(oneOf = {Number.class, String.class, Boolean.class}, nullable = true, example = "0.3")
                  Object before,
                  @Schema(oneOf = {Number.class, String.class, Boolean.class}, nullable = true, example = "0.9")
                  Object after) {
    }

    @Schema(name = "Rollback")
    record Rollback(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2") int version,
                    @Schema(example = "back to the calmer prompt") String note) {
    }
}
