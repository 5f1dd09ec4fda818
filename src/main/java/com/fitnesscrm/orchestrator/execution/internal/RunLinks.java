package com.fitnesscrm.orchestrator.execution.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What ties a new run to others, and what it runs with besides its agent's config.
 *
 * @param parentId       the workflow run it is a child run of
 * @param replayOf       the run it replays
 * @param configOverride config fields laid over the agent's config for this run only (a replay's)
 */
public record RunLinks(Long parentId, Long replayOf, JsonNode configOverride) {

    public static final RunLinks NONE = new RunLinks(null, null, null);
}
