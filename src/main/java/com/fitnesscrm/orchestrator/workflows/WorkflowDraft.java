package com.fitnesscrm.orchestrator.workflows;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A workflow as an admin sends it, to create or change one.
 *
 * @param definition the definition as JSON (see {@link WorkflowDefinition})
 * @param note       why it changed, kept with the version; optional
 */
public record WorkflowDraft(String name, String description, JsonNode definition, String note) {
}
