package com.fitnesscrm.orchestrator.execution.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The shapes of {@code /api/execute} and {@code /api/executions} for the OpenAPI document. The controllers read and
 * write JSON trees by hand (to name the field of every refusal and to keep the original service's shapes); these
 * records only describe them, and {@code OpenApiDocumentIT} checks that no operation is left undescribed.
 */
final class ExecutionSchemas {

    private ExecutionSchemas() {
    }

    @Schema(name = "ExecuteRequest", description = "One of the two shapes; a body naming both task_type and agent "
            + "is refused (422 naming agent).",
            oneOf = {OriginalExecuteRequest.class, TypedExecuteRequest.class})
    interface ExecuteRequest {
    }

    @Schema(name = "OriginalExecuteRequest", description = "The original service's body: runs the task type's "
            + "default agent. Fields it does not know are ignored, as the original service did.")
    record OriginalExecuteRequest(
            @JsonProperty("task_type") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The agent type, e.g. workout_optimization, progress_monitoring; GET "
                            + "/api/agents/types lists them.", example = "workout_optimization")
            String taskType,
            @JsonProperty("input_data") @Schema(description = "The agent's input; see the examples. Missing: {}.")
            Map<String, Object> inputData) implements ExecuteRequest {
    }

    @Schema(name = "TypedExecuteRequest", description = "Runs a named agent and answers with the recorded run. "
            + "Only these three fields are taken.")
    record TypedExecuteRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The agent's name or id.",
                    example = "Workout Optimizer")
            String agent,
            @Schema(description = "The agent's input; see the examples. Missing: {}.")
            Map<String, Object> input,
            @Schema(description = "sync answers the finished run; async answers 202 with the queued run and "
                    + "Location.", allowableValues = {"sync", "async"}, defaultValue = "sync")
            String mode) implements ExecuteRequest {
    }

    @Schema(name = "ExecuteResponse", description = "OriginalExecuteResponse for the original body, Run for the "
            + "typed one.", oneOf = {OriginalExecuteResponse.class, Run.class})
    interface ExecuteResponse {
    }

    @Schema(name = "OriginalExecuteResponse", description = "What the original service answered; a run that did "
            + "not succeed has success false and error instead of results.")
    record OriginalExecuteResponse(
            boolean success,
            @JsonProperty("execution_id") long executionId,
            @Schema(description = "{\"<task_type>\": the agent's output}.") Map<String, Object> results,
            @Schema(description = "Why the run did not succeed.") String error,
            @Schema(description = "The run's status.", example = "succeeded") String status,
            @Schema(description = "Which engine produced the output: rules, llm, llm_repaired, cache.",
                    example = "rules") String engine) implements ExecuteResponse {
    }

    @Schema(name = "Run", description = "A recorded run of an agent. input_data, output_data and error_message "
            + "repeat input, output and error under the original table's column names.")
    record Run(
            long id,
            @JsonProperty("agent_id") @Schema(description = "null once the agent was deleted.") Integer agentId,
            @Schema(description = "The agent's name.") String agent,
            @JsonProperty("task_type") String taskType,
            @Schema(allowableValues = {"queued", "running", "succeeded", "failed", "timed_out", "cancelled",
                    "rejected"}) String status,
            @Schema(allowableValues = {"sync", "async"}) String mode,
            Map<String, Object> input,
            @Schema(description = "The agent's output; null until it succeeded.") Map<String, Object> output,
            String error,
            @Schema(description = "rules, llm, llm_repaired or cache.") String engine,
            String model,
            Tokens tokens,
            @Schema(description = "LLM cost in cost_currency.") Double cost,
            @JsonProperty("cost_currency") @Schema(example = "USD") String costCurrency,
            @Schema(description = "true when the model has no price in the price table (cost is not 0 then).")
            boolean unpriced,
            @JsonProperty("execution_time") @Schema(description = "Seconds.") Double executionTime,
            @JsonProperty("started_at") @Schema(format = "date-time") String startedAt,
            @JsonProperty("running_at") @Schema(format = "date-time") String runningAt,
            @JsonProperty("completed_at") @Schema(format = "date-time") String completedAt,
            @JsonProperty("requested_by") @Schema(description = "The user or API key name.") String requestedBy,
            @JsonProperty("requester_kind") @Schema(allowableValues = {"user", "api_key", "system"})
            String requesterKind,
            @JsonProperty("config_version") Integer configVersion,
            int attempts,
            @JsonProperty("input_data") Map<String, Object> inputData,
            @JsonProperty("output_data") Map<String, Object> outputData,
            @JsonProperty("error_message") String errorMessage,
            @Schema(description = "Present on one run (GET /api/executions/{id}, a finished sync run), not in lists.")
            List<RunStep> steps) implements ExecuteResponse {
    }

    @Schema(name = "Tokens")
    record Tokens(long input, long output, long total) {
    }

    @Schema(name = "RunStep", description = "One step of a run: a node of the agent's work, an LLM or tool call, a "
            + "guardrail check, a retry, a fallback.")
    record RunStep(
            int seq,
            String name,
            @Schema(allowableValues = {"node", "llm_call", "tool_call", "guardrail", "retry", "fallback"})
            String kind,
            String status,
            @JsonProperty("started_at") @Schema(format = "date-time") String startedAt,
            @JsonProperty("duration_ms") Long durationMs,
            @JsonProperty("input_summary") String inputSummary,
            @JsonProperty("output_summary") String outputSummary,
            @JsonProperty("tokens_in") Long tokensIn,
            @JsonProperty("tokens_out") Long tokensOut) {
    }

    @Schema(name = "RunSummary", description = "A run as the list shows it: every field of Run but its payloads "
            + "and steps, plus their sizes and the run's address. input and output are there only when the list "
            + "was asked to include them, each once; past the page's budget each is {truncated: true, bytes, href}.")
    record RunSummary(
            long id,
            @JsonProperty("agent_id") Integer agentId,
            String agent,
            @JsonProperty("task_type") String taskType,
            @Schema(allowableValues = {"queued", "running", "succeeded", "failed", "timed_out", "cancelled",
                    "rejected"}) String status,
            @Schema(allowableValues = {"sync", "async"}) String mode,
            @Schema(description = "Only with include=input.") Map<String, Object> input,
            @Schema(description = "Only with include=output.") Map<String, Object> output,
            String error,
            String engine,
            String model,
            Tokens tokens,
            Double cost,
            @JsonProperty("cost_currency") String costCurrency,
            boolean unpriced,
            @JsonProperty("execution_time") Double executionTime,
            @JsonProperty("started_at") @Schema(format = "date-time") String startedAt,
            @JsonProperty("running_at") @Schema(format = "date-time") String runningAt,
            @JsonProperty("completed_at") @Schema(format = "date-time") String completedAt,
            @JsonProperty("requested_by") String requestedBy,
            @JsonProperty("requester_kind") String requesterKind,
            @JsonProperty("config_version") Integer configVersion,
            int attempts,
            @JsonProperty("error_message") String errorMessage,
            @JsonProperty("input_bytes") @Schema(description = "The input's size as JSON text.", nullable = true)
            Long inputBytes,
            @JsonProperty("output_bytes") @Schema(description = "The output's size as JSON text; null until the run "
                    + "has an output.", nullable = true) Long outputBytes,
            @Schema(description = "The run's address, whole.", example = "/api/executions/42") String href) {
    }

    @Schema(name = "RunPage", description = "A page of runs, newest first, as the original service answered. The "
            + "payload_* and truncated members are there only when the list was asked to include payloads.")
    record RunPage(List<RunSummary> executions, long total, int page, @JsonProperty("per_page") int perPage,
                   int pages,
                   @JsonProperty("payload_budget_bytes") Long payloadBudgetBytes,
                   @JsonProperty("payload_bytes") Long payloadBytes,
                   Boolean truncated,
                   @JsonProperty("truncated_payloads") Integer truncatedPayloads) {
    }

    @Schema(name = "Replay", description = "What a replay changes; both optional.")
    record Replay(@Schema(description = "The input to run instead of the original's.") Object input,
                  @Schema(description = "Config fields to change for this run only, e.g. {\"model\": \"gpt-4o\"}.")
                  Object config) {
    }
}
