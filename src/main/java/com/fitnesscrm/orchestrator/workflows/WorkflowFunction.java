package com.fitnesscrm.orchestrator.workflows;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A small typed step a workflow's {@code function} node calls by {@link #name()}, as a Spring bean: it turns what the
 * nodes before it found into what the nodes after it need (a decision, a summary, a list of remediations), with no
 * LLM. It runs inside the workflow's run, on a background thread with no signed-in user: it may read and write only
 * through services that allow that, and is passed who asked for the run in {@link WorkflowContext}.
 */
public interface WorkflowFunction {

    /** How definitions call it, snake_case, e.g. {@code assess_progress}; unique among the installed functions. */
    String name();

    /** One sentence for the definition editor: what it takes and gives. */
    String description();

    /**
     * @param input the node's input, its template filled in from the run's state
     * @return the node's output, kept in the state as {@code $nodes.<id>.output}
     * @throws com.fitnesscrm.orchestrator.base.InvalidInputException the input lacks what it needs (the run fails,
     *                                                                  naming the field)
     */
    JsonNode apply(JsonNode input, WorkflowContext context);
}
