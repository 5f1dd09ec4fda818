package com.fitnesscrm.orchestrator.agents;

/** One config field that differs between two versions; values are JSON text, empty when unset. */
public record AgentConfigChange(String field, String before, String after) {
}
