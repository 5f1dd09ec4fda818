package com.fitnesscrm.orchestrator.agents;

/** An agent was created, changed, enabled, disabled or deleted; caches of agents drop it. */
public record AgentChanged(int agentId) {
}
