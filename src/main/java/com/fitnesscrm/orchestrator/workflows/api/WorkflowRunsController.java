package com.fitnesscrm.orchestrator.workflows.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.workflows.WorkflowRunService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operating workflow runs: their nodes, approving or rejecting what they wait for, resuming failed ones. */
@RestController
@RequestMapping("/api/executions/{id}")
@Tag(name = "Workflow runs", description = "Approve, reject and resume workflow runs (execute scope).")
class WorkflowRunsController {

    private final WorkflowRunService runs;

    WorkflowRunsController(WorkflowRunService runs) {
        this.runs = runs;
    }

    @GetMapping("/workflow")
    @Operation(summary = "A workflow run's nodes and what it waits for", operationId = "getWorkflowRun")
    @ApiResponse(responseCode = "200", description = "Its nodes in order, each agent node with its child run.",
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Run.class)))
    @ApiResponse(responseCode = "404", description = "No run with this id.")
    ObjectNode workflow(@PathVariable long id) {
        return answer(id, null);
    }

    @PostMapping("/approve")
    @Operation(summary = "Approve what a waiting run waits for", description = "Body {note?}. The run is queued "
            + "again and goes on from the approval.", operationId = "approveExecution")
    @ApiResponse(responseCode = "202", description = "Approved; the run is queued.",
            headers = @Header(name = "Location", description = "/api/executions/{id}"),
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Run.class)))
    @ApiResponse(responseCode = "403", description = "The approval is an admin's and the caller is not one.")
    @ApiResponse(responseCode = "404", description = "No run with this id.")
    @ApiResponse(responseCode = "409", description = "The run is not waiting (field: status).")
    @ApiResponse(responseCode = "422", description = "A note that is not text or is over 2,000 characters.")
    ResponseEntity<ObjectNode> approve(@PathVariable long id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                               schema = @Schema(implementation = WorkflowSchemas.Decision.class)))
                                       @RequestBody(required = false) JsonNode body) {
        Run run = runs.approve(id, note(body));
        return ResponseEntity.accepted().location(URI.create("/api/executions/" + id)).body(answer(id, run));
    }

    @PostMapping("/reject")
    @Operation(summary = "Reject what a waiting run waits for", description = "Body {note?}. The run goes on with "
            + "the rejection (e.g. the plan is not saved).", operationId = "rejectExecution")
    @ApiResponse(responseCode = "202", description = "Rejected; the run is queued.",
            headers = @Header(name = "Location", description = "/api/executions/{id}"),
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Run.class)))
    @ApiResponse(responseCode = "403", description = "The approval is an admin's and the caller is not one.")
    @ApiResponse(responseCode = "404", description = "No run with this id.")
    @ApiResponse(responseCode = "409", description = "The run is not waiting (field: status).")
    @ApiResponse(responseCode = "422", description = "A note that is not text or is over 2,000 characters.")
    ResponseEntity<ObjectNode> reject(@PathVariable long id,
                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                              schema = @Schema(implementation = WorkflowSchemas.Decision.class)))
                                      @RequestBody(required = false) JsonNode body) {
        Run run = runs.reject(id, note(body));
        return ResponseEntity.accepted().location(URI.create("/api/executions/" + id)).body(answer(id, run));
    }

    @PostMapping("/resume")
    @Operation(summary = "Resume a failed or timed-out workflow run from the node that failed",
            description = "The nodes that had succeeded are not run again.", operationId = "resumeExecution")
    @ApiResponse(responseCode = "202", description = "The run is queued again.",
            headers = @Header(name = "Location", description = "/api/executions/{id}"),
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Run.class)))
    @ApiResponse(responseCode = "403", description = "Neither an admin nor whoever asked for the run.")
    @ApiResponse(responseCode = "404", description = "No run with this id.")
    @ApiResponse(responseCode = "409", description = "Not a failed or timed-out workflow run (field: status).")
    ResponseEntity<ObjectNode> resume(@PathVariable long id) {
        Run run = runs.resume(id);
        return ResponseEntity.accepted().location(URI.create("/api/executions/" + id)).body(answer(id, run));
    }

    private ObjectNode answer(long id, Run run) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("execution_id", id);
        ArrayNode nodes = JsonNodeFactory.instance.arrayNode();
        runs.nodes(id).forEach(node -> nodes.add(WorkflowJson.of(node)));
        json.put("status", run != null ? run.status().code() : runs.status(id).code());
        json.set("nodes", nodes);
        json.set("approval", runs.pendingApproval(id).<JsonNode>map(WorkflowJson::of)
                .orElse(JsonNodeFactory.instance.nullNode()));
        return json;
    }

    private static String note(JsonNode body) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new InvalidInputException("", "The body must be a JSON object {note?}.");
        }
        return WorkflowsController.text(body, "note");
    }
}
