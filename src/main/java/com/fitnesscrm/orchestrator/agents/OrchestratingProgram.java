package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A program that is not one engine but runs others: a workflow, whose nodes are other agents' runs. The runtime calls
 * {@link #orchestrate} instead of the rules-then-LLM pipeline; the run is written as running before it starts (its
 * child runs point to it), and its output is whatever {@code orchestrate} returns.
 *
 * @param <I> the input, read from the run's JSON
 */
public interface OrchestratingProgram<I> extends AgentProgram<I, JsonNode> {

    /**
     * Runs it for {@code agent}, whose id and config this run uses. A run executed again (after an approval, a resume
     * or a node's crash) is called again with the same run id ({@link RunSteps#runId()}) and goes on from where it
     * was.
     *
     * @throws RunStop the run stops short: waiting for a person, or over its budget, with what it has so far
     */
    JsonNode orchestrate(Agent agent, I input, RunSteps steps);

    /** Not called: the runtime calls {@link #orchestrate} for this kind of program. */
    @Override
    default JsonNode runRules(I input, RunSteps steps) {
        throw new UnsupportedOperationException("An orchestrating program runs through orchestrate().");
    }

    /** What {@code orchestrate} returns has been checked as it was built. */
    @Override
    default List<String> check(I input, JsonNode output) {
        return List.of();
    }

    @Override
    default Class<JsonNode> outputType() {
        return JsonNode.class;
    }
}
