package com.fitnesscrm.orchestrator.workflows.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.workflows.PendingApproval;
import com.fitnesscrm.orchestrator.workflows.Workflow;
import com.fitnesscrm.orchestrator.workflows.WorkflowRunService.NodeRecord;
import com.fitnesscrm.orchestrator.workflows.WorkflowVersion;

/** Workflows, versions, approvals and nodes as REST answers them (snake_case, see {@link WorkflowSchemas}). */
final class WorkflowJson {

    private WorkflowJson() {
    }

    static ObjectNode of(Workflow workflow) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", workflow.id());
        json.put("name", workflow.name());
        json.put("description", workflow.description());
        json.put("enabled", workflow.enabled());
        json.put("version", workflow.version());
        json.set("definition", workflow.definitionJson());
        json.put("updated_by", workflow.updatedBy());
        json.put("updated_at", workflow.updatedAt() == null ? null : workflow.updatedAt().toString());
        return json;
    }

    static ObjectNode of(WorkflowVersion version) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("version", version.version());
        json.put("description", version.description());
        json.set("definition", version.definition());
        json.put("author", version.author());
        json.put("note", version.note());
        json.put("created_at", version.createdAt().toString());
        return json;
    }

    static ObjectNode of(PendingApproval pending) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("execution_id", pending.runId());
        json.put("node_id", pending.nodeId());
        json.put("title", pending.title());
        json.put("role", pending.role());
        json.set("details", pending.details());
        json.put("requested_at", pending.requestedAt().toString());
        return json;
    }

    static ObjectNode of(NodeRecord node) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("node_id", node.nodeId());
        json.put("title", node.title());
        json.put("kind", node.kind().code());
        json.put("status", node.status());
        json.put("child_execution_id", node.childRunId());
        json.put("summary", node.summary());
        json.put("started_at", node.startedAt() == null ? null : node.startedAt().toString());
        json.put("completed_at", node.completedAt() == null ? null : node.completedAt().toString());
        return json;
    }
}
