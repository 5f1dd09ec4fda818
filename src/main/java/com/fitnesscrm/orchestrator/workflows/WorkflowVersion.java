package com.fitnesscrm.orchestrator.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One saved definition of a workflow: who changed it, when and why. */
public record WorkflowVersion(int workflowId, int version, String description, JsonNode definition, String author,
                              String note, Instant createdAt) {
}
