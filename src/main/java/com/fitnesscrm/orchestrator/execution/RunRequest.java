package com.fitnesscrm.orchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request to run an agent.
 *
 * @param agent          the agent's id or name; or {@code null} when {@code taskType} picks it
 * @param taskType       the original service's task type, answered by that type's default agent
 * @param input          the agent's input JSON
 * @param async          queue the run and answer at once, instead of answering with its result
 * @param idempotencyKey the caller's key: the same key again returns the same run, never a second one
 */
public record RunRequest(String agent, String taskType, JsonNode input, boolean async, String idempotencyKey) {

    public static RunRequest forAgent(String agent, JsonNode input, boolean async) {
        return new RunRequest(agent, null, input, async, null);
    }

    public static RunRequest forTaskType(String taskType, JsonNode input) {
        return new RunRequest(null, taskType, input, false, null);
    }

    public RunRequest withIdempotencyKey(String key) {
        return new RunRequest(agent, taskType, input, async, key);
    }
}
