package com.fitnesscrm.orchestrator.agents;

import java.time.Instant;

/** One saved state of an agent's config: who changed it, when and why. */
public record AgentConfigVersion(int agentId, int version, AgentConfig config, String author, String note,
                                 Instant createdAt) {
}
