package com.fitnesscrm.orchestrator.execution.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Iterator;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/execute} in both shapes. The original service's body {@code {"task_type", "input_data"}} runs the
 * type's default agent now and answers {@code {"success", "execution_id", "results"}}, exactly what the main
 * backend's existing client reads. The typed body {@code {"agent", "input", "mode"}} answers with the run itself;
 * async runs answer 202 with {@code Location: /api/executions/{id}}.
 */
@RestController
@Tag(name = "Execute", description = "Run agents (needs the execute scope).")
class ExecuteController {

    private static final Set<String> ORIGINAL_FIELDS = Set.of("task_type", "input_data");
    private static final Set<String> TYPED_FIELDS = Set.of("agent", "input", "mode");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExecuteController.class);

    private final RunService runs;
    private final OriginalResults originalResults;

    ExecuteController(RunService runs, OriginalResults originalResults) {
        this.runs = runs;
        this.originalResults = originalResults;
    }

    @PostMapping("/api/execute")
    @Operation(summary = "Run an agent", description = """
            Original body: {"task_type": "workout_optimization", "input_data": {...}} -> 200 {"success": true, \
            "execution_id": 12, "results": {"workout_optimization": ...}}; a run that fails answers \
            {"success": false, "execution_id", "error"}.
            Typed body: {"agent": "<name or id>", "input": {...}, "mode": "sync" | "async"} -> the run as JSON; \
            async answers 202 with Location.
            Idempotency-Key: the same key again returns the same run, never a second one.""",
            operationId = "execute")
    @ApiResponse(responseCode = "200", description = "The original answer, or the finished run (typed, sync).",
            content = @Content(schema = @Schema(implementation = ExecutionSchemas.ExecuteResponse.class)))
    @ApiResponse(responseCode = "202", description = "Typed, async: the queued run; poll its Location.",
            headers = @Header(name = "Location", description = "/api/executions/{id}"),
            content = @Content(schema = @Schema(implementation = ExecutionSchemas.Run.class)))
    @ApiResponse(responseCode = "404", description = "No agent of that name or id (typed shape).")
    @ApiResponse(responseCode = "409", description = "The agent is disabled.")
    @ApiResponse(responseCode = "422", description = "Invalid input naming the field (with execution_id when the "
            + "refused run was recorded), an unknown task type, both shapes in one body, or an Idempotency-Key "
            + "used for another request.")
    @ApiResponse(responseCode = "503", description = "The agent's engine is not in this version.")
    ResponseEntity<ObjectNode> execute(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                               content = @Content(schema = @Schema(
                                                       implementation = ExecutionSchemas.ExecuteRequest.class)))
                                       @RequestBody JsonNode body,
                                       @Parameter(description = "The same key again returns the same run. At "
                                               + "most 200 printable ASCII characters.")
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", "The body must be a JSON object: {\"task_type\", \"input_data\"} "
                    + "or {\"agent\", \"input\", \"mode\"}.");
        }
        if (body.has("task_type") && body.has("agent")) {
            // {"agent": "Progress Monitor", "task_type": "workout_optimization"} ran the Workout Optimizer: refuse
            // rather than guess which of the two the caller meant.
            throw new InvalidInputException("agent", "A body has one shape: {\"task_type\", \"input_data\"} or "
                    + "{\"agent\", \"input\", \"mode\"}; this one names both 'task_type' and 'agent'.");
        }
        if (body.has("task_type") || !body.has("agent")) {
            return original(body, key);
        }
        return typed(body, key);
    }

    private ResponseEntity<ObjectNode> original(JsonNode body, String key) {
        // The original service ignored fields it did not know; the main backend's client may send some.
        body.fieldNames().forEachRemaining(name -> {
            if (!ORIGINAL_FIELDS.contains(name)) {
                log.debug("Ignoring the field '{}' of the original /api/execute body", name);
            }
        });
        JsonNode taskType = body.get("task_type");
        if (taskType == null || !taskType.isTextual() || taskType.asText().isBlank()) {
            throw new InvalidInputException("task_type", "'task_type' is required (or use the typed body with "
                    + "'agent').");
        }
        Run run = runs.run(RunRequest.forTaskType(taskType.asText(), object(body, "input_data"))
                .withIdempotencyKey(key));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        boolean succeeded = run.status() == RunStatus.SUCCEEDED;
        json.put("success", succeeded);
        json.put("execution_id", run.id());
        if (succeeded) {
            json.set("results", originalResults.of(run));
        } else {
            json.put("error", run.error() == null ? "The run ended " + run.status().code() + "." : run.error());
        }
        json.put("status", run.status().code());
        json.put("engine", run.engine());
        return ResponseEntity.ok(json);
    }

    private ResponseEntity<ObjectNode> typed(JsonNode body, String key) {
        requireOnly(body, TYPED_FIELDS);
        JsonNode agent = body.get("agent");
        if (!(agent.isTextual() || agent.isIntegralNumber()) || agent.asText().isBlank()) {
            throw new InvalidInputException("agent", "'agent' must be the agent's name or id.");
        }
        String mode = body.hasNonNull("mode") ? body.get("mode").asText() : "sync";
        if (!mode.equals("sync") && !mode.equals("async")) {
            throw new InvalidInputException("mode", "'mode' must be 'sync' or 'async'.");
        }
        Run run = runs.run(new RunRequest(agent.asText(), null, object(body, "input"),
                mode.equals("async"), key));
        ObjectNode json = RunJson.of(run, run.status().isFinished() ? runs.steps(run.id()) : null);
        if (mode.equals("async") && !run.status().isFinished()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/executions/" + run.id()))
                    .body(json);
        }
        return ResponseEntity.ok().location(URI.create("/api/executions/" + run.id())).body(json);
    }

    private static JsonNode object(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new InvalidInputException(field, "'" + field + "' must be a JSON object.");
        }
        return node;
    }

    private static void requireOnly(JsonNode body, Set<String> fields) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new InvalidInputException(name, "Unknown field '" + name + "'; this body takes "
                        + String.join(", ", fields.stream().sorted().toList()) + ".");
            }
        }
    }
}
