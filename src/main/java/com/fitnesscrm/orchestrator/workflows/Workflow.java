package com.fitnesscrm.orchestrator.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A workflow in the registry: its agent row (id, name, enabled) and its current definition.
 *
 * @param id             the workflow's agent id: {@code /api/workflows/{id}}, and the id its runs carry
 * @param version        the definition's version; its runs record it as their config version
 * @param definitionJson the definition as stored (what the editor shows and the REST API answers)
 */
public record Workflow(int id, String name, String description, boolean enabled, int version,
                       WorkflowDefinition definition, JsonNode definitionJson, String updatedBy, Instant updatedAt) {
}
