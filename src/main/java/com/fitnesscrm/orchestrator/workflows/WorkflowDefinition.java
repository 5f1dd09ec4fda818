package com.fitnesscrm.orchestrator.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.Coded;
import java.math.BigDecimal;
import java.util.List;

/**
 * A workflow as an admin writes it (JSON, snake_case): its nodes, the edges between them, where it starts and what one
 * run may spend. Read and checked by {@link WorkflowDefinitions#read}; a definition that passes is a graph every run
 * can finish (every node reachable, every cycle limited).
 *
 * <p>Values are taken from the run's state with expressions, strings that begin with {@code $}:
 * {@code $input.client_id} (the run's input), {@code $nodes.progress.output.trend} (a finished node's output),
 * {@code $nodes.progress.run_id} (an agent node's child run). A node's {@code input} is a JSON template whose
 * expression strings are replaced by their values; an edge's {@code when} is a {@link Condition}.
 *
 * @param start     the first node's id
 * @param budgetUsd what one run may spend on LLM calls, summed over its nodes; {@code null}: no budget of its own
 * @param nodes     in the order the editor shows them
 * @param edges     a node's edges are tried in order: the first whose {@code when} holds (or has none) is taken; a
 *                  node without edges ends the run
 * @param output    a template for the run's {@code result}; {@code null}: the output of the last node that ran
 */
public record WorkflowDefinition(String description, String start, BigDecimal budgetUsd, List<Node> nodes,
                                 List<Edge> edges, JsonNode output) {

    /** The node with this id, if there is one. */
    public java.util.Optional<Node> node(String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst();
    }

    /** The edges that leave {@code id}, in the order they are tried. */
    public List<Edge> edgesFrom(String id) {
        return edges.stream().filter(edge -> edge.from().equals(id)).toList();
    }

    /** The id an edge points to for "the run is done". */
    public static final String END = "end";

    /** What a node does. */
    public enum NodeKind implements Coded {
        /** Runs an agent (its {@code agent}: a name or id) on the node's input, as a child run of the workflow's run. */
        AGENT,
        /** Calls a {@link WorkflowFunction} by its name. */
        FUNCTION,
        /** Waits for a person's approve or reject (an interrupt), when its {@code when} holds or it has none. */
        APPROVAL
    }

    /**
     * @param input     a JSON template for the agent's or function's input; for an approval, what the approver is
     *                  shown
     * @param role      for an approval: who may approve, {@code admin} or {@code trainer} (admins may always)
     * @param when      for an approval: the condition under which it is asked for; otherwise it is skipped
     * @param maxVisits how often a run may pass this node; required for a node on a cycle
     */
    public record Node(String id, NodeKind kind, String label, String agent, String function, JsonNode input,
                       String role, Condition when, Integer maxVisits) {

        /** The name people read: the label, else the id. */
        public String title() {
            return label == null || label.isBlank() ? id : label;
        }
    }

    /** @param when {@code null}: always taken (the default edge, last among a node's edges) */
    public record Edge(String from, String to, Condition when) {
    }

    /**
     * A test on the run's state, as JSON: {@code {"path": "$nodes.assess.output.adjust", "equals": true}} with one of
     * {@code equals, not_equals, in, exists, gt, gte, lt, lte}; or {@code {"all": [...]}}, {@code {"any": [...]}},
     * {@code {"not": {...}}}. Kept as the JSON it was written as.
     */
    public record Condition(JsonNode json) {
    }
}
