package com.fitnesscrm.orchestrator.workflows.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.Node;
import java.util.Optional;

/**
 * What the nodes of a running workflow do outside the graph: run an agent as a child run, call a function, look up
 * or ask for an approval. {@link GraphRunner} calls it with each node's input filled in from the state; what it
 * returns becomes the node's entry in the state ({@code $nodes.<id>}).
 */
public interface NodeWork {

    /**
     * Runs the agent node as a child run.
     *
     * @param spentUsd what the run's nodes have cost so far
     * @return at least {@code output} and {@code run_id}; {@code cost_usd} when the child run cost something
     * @throws WorkflowStop the node would pass a budget
     * @throws NodeFailure  the child run did not succeed
     */
    ObjectNode agent(Node node, int visit, JsonNode input, double spentUsd);

    /** Calls the function node's function; returns {@code output}. @throws NodeFailure it refused its input */
    ObjectNode function(Node node, int visit, JsonNode input);

    /**
     * The decision made at this approval, {@code {decision, by, note, at}}; empty when none is made yet, in which case
     * the request is recorded (once) with {@code details} and the run waits.
     */
    Optional<ObjectNode> decision(Node node, int visit, JsonNode details);

    /** The node begins; for the run's timeline. */
    void started(Node node, int visit);

    /** The node ended: {@code succeeded}, {@code failed}, {@code skipped} or {@code waiting}. */
    void ended(Node node, int visit, String status, Long childRunId, String summary);
}
