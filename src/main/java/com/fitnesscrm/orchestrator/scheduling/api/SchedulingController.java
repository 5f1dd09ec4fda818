package com.fitnesscrm.orchestrator.scheduling.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.TypedRun;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingService;
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
 * {@code POST /api/ai/scheduling-suggestions}: each call is a recorded run of Scheduling Intelligence (task type
 * {@code scheduling}); the answer is {@code {suggestions, client_id, trainer_id, engine, execution_id}} plus the
 * whole answer as {@code schedule}.
 */
@RestController
@Tag(name = "Scheduling", description = "Free slots ranked by how likely the client is to keep them (needs the "
        + "execute scope).")
class SchedulingController {

    private final SchedulingService scheduling;

    SchedulingController(SchedulingService scheduling) {
        this.scheduling = scheduling;
    }

    @PostMapping("/api/ai/scheduling-suggestions")
    @Operation(summary = "Suggest session slots", description = """
            Body: {"client_id", "trainer_id", "preferred_times": ["monday morning", "after 6pm"]} or the full \
            shape (trainer availability, existing_sessions, client history, session_minutes, horizon, count). \
            Answer: {"suggestions": [{start, end, score, show_probability, priority, suggestion, reasons}], \
            "client_id", "trainer_id", "engine", "execution_id", "schedule": <the whole answer>}. 422 names the \
            field of an end before its start, an unknown weekday, a horizon over 90 days, a time zone that does not \
            exist. A run that gives no result: 504 timed out, 502 failed, 409 with Retry-After while a repeated \
            Idempotency-Key's run is still going.""", operationId = "suggestSchedulingSlots")
    @ApiResponse(responseCode = "200", description = "The suggestions, from a recorded run.",
            content = @Content(schema = @Schema(implementation = SchedulingSchemas.Answer.class)))
    @ApiResponse(responseCode = "409", description = "A retry with the same Idempotency-Key while the first run is "
            + "still going (with Retry-After).")
    @ApiResponse(responseCode = "422", description = "Invalid input, naming the field (with execution_id: the "
            + "refusal is recorded).")
    @ApiResponse(responseCode = "502", description = "The run failed (execution_id, run_status, run).")
    @ApiResponse(responseCode = "503", description = "Scheduling Intelligence is not in this version.")
    @ApiResponse(responseCode = "504", description = "The run timed out (execution_id, run_status, run).")
    ResponseEntity<ObjectNode> suggest(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                               content = @Content(
                                                       schema = @Schema(implementation = SchedulingSchemas.Request.class),
                                                       examples = @ExampleObject(name = "scheduling",
                                                               ref = "#/components/examples/scheduling")))
                                       @RequestBody JsonNode body,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", "The body must be a JSON object.");
        }
        // A run that gives no result is answered by the execution feature's RunProblems (504, 502, 409).
        TypedRun<SchedulingOutput> suggested = scheduling.suggest(body, key);
        Run run = suggested.run();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        JsonNode output = run.output();
        answer.set("suggestions", output.path("suggestions").isArray() ? output.get("suggestions")
                : JsonNodeFactory.instance.arrayNode());
        answer.set("client_id", output.path("client_id"));
        answer.set("trainer_id", output.path("trainer_id"));
        answer.put("engine", run.engine());
        answer.put("execution_id", run.id());
        answer.set("schedule", output);
        return ResponseEntity.ok(answer);
    }
}
