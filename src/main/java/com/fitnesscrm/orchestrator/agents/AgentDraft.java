package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an admin sends to create or change an agent. On a change, {@code null} leaves a field as it is, and
 * {@code config} may hold only the fields to change.
 *
 * @param note why the config changed, kept with the new version
 */
public record AgentDraft(String name, String type, String description, Boolean enabled, JsonNode config,
                         String note) {
}
