package com.fitnesscrm.orchestrator.workflows.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The shapes of {@code /api/workflows} and the workflow-run operations, for the OpenAPI document. */
final class WorkflowSchemas {

    private WorkflowSchemas() {
    }

    @Schema(name = "WorkflowDefinition", description = "Nodes (agent, function or approval), edges (tried in order, "
            + "the first whose 'when' holds is taken; 'end' ends the run), the start and an optional budget_usd. "
            + "Expressions such as \"$input.client_id\" or \"$nodes.progress.output\" take values from the run's "
            + "state. See docs/decisions/0026-workflows.md.")
    record Definition(String description, String start, @JsonProperty("budget_usd") Double budgetUsd,
                      List<ObjectNode> nodes, List<ObjectNode> edges, Object output) {
    }

    @Schema(name = "Workflow", description = "A workflow: an agent of type 'workflow' with its current definition.")
    record Workflow(int id, @Schema(example = "client_check_in") String name, String description, boolean enabled,
                    @Schema(description = "The definition's version; runs record it as config_version.") int version,
                    Definition definition, @JsonProperty("updated_by") String updatedBy,
                    @JsonProperty("updated_at") Instant updatedAt) {
    }

    @Schema(name = "WorkflowList")
    record WorkflowList(List<Workflow> workflows, int total) {
    }

    @Schema(name = "NewWorkflow", description = "Body of POST and PUT; on PUT, fields left out stay as they are.")
    record NewWorkflow(@Schema(maxLength = 100) String name, String description, Definition definition,
                       @Schema(description = "Why it changed, kept with the version.") String note) {
    }

    @Schema(name = "WorkflowVersion")
    record Version(int version, String description, Definition definition, String author, String note,
                   @JsonProperty("created_at") Instant createdAt) {
    }

    @Schema(name = "WorkflowVersions", description = "Newest first.")
    record Versions(List<Version> versions) {
    }

    @Schema(name = "WorkflowRollback")
    record Rollback(int version, String note) {
    }

    @Schema(name = "WorkflowDeleted")
    record Deleted(String message, int id) {
    }

    @Schema(name = "WorkflowValidation", description = "Every problem of a definition; empty when it may be saved.")
    record Validation(boolean valid, List<Problem> problems) {
    }

    @Schema(name = "WorkflowDefinitionProblem")
    record Problem(@Schema(example = "definition.nodes[2].agent") String field, String message) {
    }

    @Schema(name = "ApprovalDecision", description = "Body of approve and reject.")
    record Decision(@Schema(maxLength = 2000) String note) {
    }

    @Schema(name = "PendingApproval", description = "What a waiting run waits for.")
    record Pending(@JsonProperty("execution_id") long executionId, @JsonProperty("node_id") String nodeId,
                   String title, @Schema(allowableValues = {"admin", "trainer"}) String role, Object details,
                   @JsonProperty("requested_at") Instant requestedAt) {
    }

    @Schema(name = "WorkflowNode", description = "One node a workflow run passed.")
    record Node(@JsonProperty("node_id") String nodeId, String title,
                @Schema(allowableValues = {"agent", "function", "approval"}) String kind, String status,
                @JsonProperty("child_execution_id") Long childExecutionId, String summary,
                @JsonProperty("started_at") Instant startedAt, @JsonProperty("completed_at") Instant completedAt) {
    }

    @Schema(name = "WorkflowRun", description = "A workflow run's nodes and what it waits for.")
    record Run(@JsonProperty("execution_id") long executionId, String status, List<Node> nodes,
               @Schema(description = "null unless the run is waiting.") Pending approval) {
    }
}
