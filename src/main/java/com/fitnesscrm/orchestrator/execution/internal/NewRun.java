package com.fitnesscrm.orchestrator.execution.internal;

import java.time.Instant;

/**
 * The columns a run gets when it is first written.
 *
 * @param parentId           the workflow run this is a child run of (one of its agent nodes); {@code null} for none
 * @param replayOf           the run this one replays; {@code null} for none
 * @param configOverrideJson the config fields a replay laid over the agent's config, as JSON; {@code null} for none
 */
public record NewRun(Integer agentId, String agentName, String taskType, int configVersion, String mode,
                     String inputJson, String requestedBy, String requesterKind, String idempotencyKey,
                     Instant startedAt, Long parentId, Long replayOf, String configOverrideJson) {

    NewRun withoutAgent() {
        return new NewRun(null, agentName, taskType, configVersion, mode, inputJson, requestedBy, requesterKind,
                idempotencyKey, startedAt, parentId, replayOf, configOverrideJson);
    }

    NewRun withLinks(Long parent, Long replayed, String override) {
        return new NewRun(agentId, agentName, taskType, configVersion, mode, inputJson, requestedBy, requesterKind,
                idempotencyKey, startedAt, parent, replayed, override);
    }
}
