package com.fitnesscrm.orchestrator.progress.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.TypedRun;
import com.fitnesscrm.orchestrator.progress.ProgressPrediction;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import com.fitnesscrm.orchestrator.progress.ProgressService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ai/progress-prediction}, the main backend's integration point. Each call is a recorded run of the
 * Progress Monitor (task type {@code progress_monitoring}); the answer keeps the main backend's
 * {@code {prediction, estimated_weeks, confidence}} and adds the dates, the status and the whole report.
 */
@RestController
@Tag(name = "Progress", description = "Progress trends and goal predictions (needs the execute scope).")
class ProgressController {

    private final ProgressService progress;
    private final ObjectMapper objectMapper;

    ProgressController(ProgressService progress, ObjectMapper objectMapper) {
        this.progress = progress;
        this.objectMapper = objectMapper;
    }

    @PostMapping("/api/ai/progress-prediction")
    @Operation(summary = "Predict a client's progress", description = """
            Body: {"client_id", "current_metrics": {"weight": 82, "body_fat": 24}, "goal_metrics": {"weight": 76}, \
            "historical_data": [{"date": "2026-11-01", "weight": 84.5}]} or the full shape {"measurements", "lifts", \
            "sessions", "goals"}. Answer: {"prediction", "estimated_weeks", "confidence", "earliest_weeks", \
            "latest_weeks", "estimated_date", "status", "basis", "execution_id", "engine", "progress": <report>}. \
            422 names the field of an impossible date, a value outside its plausible range (said in the answer), or a \
            goal without data; with too little data to measure anything the status is insufficient_data. A run \
            that gives no result: 504 timed out, 502 failed, 409 with Retry-After while a repeated Idempotency-Key's run is \
            still going.""", operationId = "predictProgress")
    @ApiResponse(responseCode = "200", description = "The prediction, from a recorded run of the Progress Monitor.",
            content = @Content(schema = @Schema(implementation = ProgressSchemas.Prediction.class)))
    @ApiResponse(responseCode = "409", description = "A retry with the same Idempotency-Key while the first run is "
            + "still going (with Retry-After).")
    @ApiResponse(responseCode = "422", description = "An impossible or future date, a value outside its plausible "
            + "range, a goal without data, naming the field (with execution_id: the refusal is recorded).")
    @ApiResponse(responseCode = "502", description = "The run failed (execution_id, run_status, run).")
    @ApiResponse(responseCode = "503", description = "The Progress Monitor is not in this version.")
    @ApiResponse(responseCode = "504", description = "The run timed out (execution_id, run_status, run).")
    ResponseEntity<ObjectNode> predict(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                      content = @Content(
                                              schema = @Schema(implementation = ProgressSchemas.PredictionRequest.class),
                                              examples = @ExampleObject(name = "progress_monitoring",
                                                      ref = "#/components/examples/progress_monitoring")))
                              @RequestBody JsonNode body,
                              @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", "The body must be a JSON object.");
        }
        // A run that gives no result is answered by the execution feature's RunProblems (504, 502, 409).
        TypedRun<ProgressReport> predicted = progress.predict(body, key);
        Run run = predicted.run();
        ObjectNode answer = objectMapper.valueToTree(ProgressPrediction.of(predicted.output()));
        answer.put("success", true);
        answer.put("execution_id", run.id());
        answer.put("engine", run.engine());
        answer.set("client_id", body.has("client_id") ? body.get("client_id") : JsonNodeFactory.instance.nullNode());
        answer.set("sources", run.output().get("sources"));
        answer.set("progress", run.output());
        return ResponseEntity.ok(answer);
    }
}
