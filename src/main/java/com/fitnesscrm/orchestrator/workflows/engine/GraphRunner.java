package com.fitnesscrm.orchestrator.workflows.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.Edge;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.Node;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.NodeKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphDefinition;
import org.bsc.langgraph4j.GraphInput;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.NodeOutput;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.action.AsyncEdgeAction;
import org.bsc.langgraph4j.action.AsyncNodeActionWithConfig;
import org.bsc.langgraph4j.action.InterruptableAction;
import org.bsc.langgraph4j.action.InterruptionMetadata;
import org.bsc.langgraph4j.checkpoint.BaseCheckpointSaver;
import org.bsc.langgraph4j.state.AgentState;

/**
 * Runs a workflow definition as a LangGraph4j {@link StateGraph}: one graph node per definition node, conditional
 * edges that take the first edge whose {@code when} holds, and approvals as interrupts (an
 * {@link InterruptableAction} that interrupts until a decision is recorded). The state is checkpointed by the given
 * saver after every node, under the run's thread id, so a run executed again goes on from its last checkpoint: after
 * an approval, a resume, or a node that died mid-run.
 *
 * <p>The state holds plain JSON values (maps, lists, texts, numbers): {@code input}, {@code nodes} (each finished
 * node's entry), {@code visits} (per node), {@code last} (the node that ran last) and {@code cost} (dollars so far).
 */
public final class GraphRunner {

    private static final String INPUT = "input";
    private static final String NODES = "nodes";
    private static final String VISITS = "visits";
    private static final String LAST = "last";
    private static final String COST = "cost";
    private static final String OVER_BUDGET = "over_budget";

    private final WorkflowDefinition definition;
    private final BaseCheckpointSaver saver;
    private final NodeWork work;
    private final BooleanSupplier cancelled;
    private final ObjectMapper objectMapper;
    /** The approval the run stopped at, when it stopped at one. */
    private String waitingAt;

    public GraphRunner(WorkflowDefinition definition, BaseCheckpointSaver saver, NodeWork work,
                       BooleanSupplier cancelled, ObjectMapper objectMapper) {
        this.definition = definition;
        this.saver = saver;
        this.work = work;
        this.cancelled = cancelled;
        this.objectMapper = objectMapper;
    }

    /** How a run of the graph ended this time. */
    public sealed interface Outcome {
        /** The state as it ended: {@code {"input", "nodes", "cost"}} as JSON. */
        ObjectNode state();
    }

    /** It reached the end; {@code result} is the definition's output (or the last node's). */
    public record Finished(ObjectNode state, JsonNode result) implements Outcome {
    }

    /** It waits at the approval {@code nodeId}. */
    public record Waiting(ObjectNode state, String nodeId) implements Outcome {
    }

    /** It stopped before passing a budget. */
    public record Stopped(ObjectNode state, String reason) implements Outcome {
    }

    /** It failed at a node; the run can be resumed from there. */
    public record Failed(ObjectNode state, String reason) implements Outcome {
    }

    /**
     * Runs the graph for {@code threadId} (the run's id): from its last checkpoint if it has one, else from the start
     * with {@code input}.
     */
    public Outcome run(String threadId, JsonNode input) {
        CompiledGraph<AgentState> graph = compile();
        RunnableConfig config = RunnableConfig.builder().threadId(threadId).build();
        boolean resuming = saver.get(config).isPresent();
        Map<String, Object> last = resuming ? saver.get(config).get().getState() : Map.of(INPUT, plain(input));
        try {
            Iterable<NodeOutput<AgentState>> outputs = resuming ? graph.stream(GraphInput.resume(), config)
                    : graph.stream(GraphInput.args(Map.of(INPUT, plain(input))), config);
            for (NodeOutput<AgentState> output : outputs) {
                last = output.state().data();
                if (cancelled.getAsBoolean()) {
                    return new Failed(view(last), "The run was cancelled.");
                }
            }
        } catch (RuntimeException e) {
            Throwable cause = rootOf(e);
            if (cause instanceof WorkflowStop stop) {
                return new Stopped(view(latest(config, last)), stop.getMessage());
            }
            if (cause instanceof NodeFailure failure) {
                return new Failed(view(latest(config, last)), failure.getMessage());
            }
            throw e;
        }
        if (waitingAt != null) {
            return new Waiting(view(latest(config, last)), waitingAt);
        }
        ObjectNode state = view(last);
        if (Boolean.TRUE.equals(last.get(OVER_BUDGET))) {
            return new Stopped(state, "The run has cost $" + String.format(java.util.Locale.ROOT, "%.6f", cost(last))
                    + ", more than the workflow's budget of $" + definition.budgetUsd().toPlainString()
                    + "; it stopped after the node '" + last.get(LAST) + "'.");
        }
        return new Finished(state, result(state, last));
    }

    private JsonNode result(ObjectNode state, Map<String, Object> data) {
        if (definition.output() != null) {
            return Expressions.fill(definition.output(), state);
        }
        Object lastNode = data.get(LAST);
        return lastNode == null ? null : state.path(NODES).path(lastNode.toString()).path("output");
    }

    /** The newest checkpointed state, or the last seen when the graph stopped before checkpointing anything. */
    private Map<String, Object> latest(RunnableConfig config, Map<String, Object> seen) {
        return saver.get(config).map(checkpoint -> checkpoint.getState()).orElse(seen);
    }

    private CompiledGraph<AgentState> compile() {
        try {
            StateGraph<AgentState> graph = new StateGraph<>(AgentState::new);
            for (Node node : definition.nodes()) {
                graph.addNode(node.id(), new NodeAction(node));
            }
            graph.addEdge(GraphDefinition.START, definition.start());
            for (Node node : definition.nodes()) {
                List<Edge> edges = definition.edgesFrom(node.id());
                Map<String, String> targets = new LinkedHashMap<>();
                edges.forEach(edge -> targets.put(edge.to(), target(edge.to())));
                targets.put(WorkflowDefinition.END, GraphDefinition.END); // no edge taken ends the run
                graph.addConditionalEdges(node.id(), AsyncEdgeAction.edge_async(state -> next(edges, state)),
                        targets);
            }
            // A node without max_visits on a cycle runs as often as the limited node on it lets it.
            int visits = definition.nodes().size() * DefinitionReader.MAX_VISITS;
            // LangGraph4j counts its start, its end and the final step as iterations too; the limits that matter
            // are the nodes' own max_visits, so this is only a net behind them.
            return graph.compile(CompileConfig.builder().checkpointSaver(saver)
                    .recursionLimit(visits + 10).releaseThread(false).build());
        } catch (GraphStateException e) {
            // A definition that passed DefinitionReader always compiles; one that does not is our bug.
            throw new IllegalStateException("The workflow's graph could not be built: " + e.getMessage(), e);
        }
    }

    private static String target(String to) {
        return to.equals(WorkflowDefinition.END) ? GraphDefinition.END : to;
    }

    private String next(List<Edge> edges, AgentState state) {
        if (Boolean.TRUE.equals(state.data().get(OVER_BUDGET))) {
            return WorkflowDefinition.END;
        }
        ObjectNode view = view(state.data());
        for (Edge edge : edges) {
            if (edge.when() == null || Expressions.holds(edge.when().json(), view)) {
                return edge.to();
            }
        }
        return WorkflowDefinition.END;
    }

    /** One definition node as a graph node; approvals interrupt until decided. */
    private final class NodeAction implements AsyncNodeActionWithConfig<AgentState>, InterruptableAction<AgentState> {

        private final Node node;

        NodeAction(Node node) {
            this.node = node;
        }

        @Override
        public Optional<InterruptionMetadata<AgentState>> interrupt(String nodeId, AgentState state,
                                                                    RunnableConfig config) {
            if (node.kind() != NodeKind.APPROVAL) {
                return Optional.empty();
            }
            ObjectNode view = view(state.data());
            if (node.when() != null && !Expressions.holds(node.when().json(), view)) {
                return Optional.empty(); // not needed this time: apply() records it skipped
            }
            int visit = visit(state.data());
            if (work.decision(node, visit, Expressions.fill(node.input(), view)).isPresent()) {
                return Optional.empty();
            }
            work.ended(node, visit, "waiting", null, "waiting for " + (node.role().equals("admin") ? "an admin"
                    : "a trainer") + " to approve");
            waitingAt = node.id();
            return Optional.of(InterruptionMetadata.builder(nodeId, state).build());
        }

        @Override
        public CompletableFuture<Map<String, Object>> apply(AgentState state, RunnableConfig config) {
            Map<String, Object> data = state.data();
            int visit = visit(data);
            if (node.maxVisits() != null && visit > node.maxVisits()) {
                return CompletableFuture.failedFuture(new NodeFailure("The node '" + node.id() + "' was reached "
                        + visit + " times; its max_visits is " + node.maxVisits() + "."));
            }
            ObjectNode view = view(data);
            JsonNode input = Expressions.fill(node.input(), view);
            double spent = cost(data);
            ObjectNode entry;
            try {
                work.started(node, visit);
                entry = switch (node.kind()) {
                    case AGENT -> work.agent(node, visit, input, spent);
                    case FUNCTION -> work.function(node, visit, input);
                    case APPROVAL -> approval(node, visit, view, input);
                };
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            double cost = spent + entry.path("cost_usd").asDouble(0);
            Map<String, Object> nodes = new LinkedHashMap<>(map(data.get(NODES)));
            nodes.put(node.id(), plain(entry));
            Map<String, Object> visits = new HashMap<>(map(data.get(VISITS)));
            visits.put(node.id(), visit);
            Map<String, Object> update = new HashMap<>();
            update.put(NODES, nodes);
            update.put(VISITS, visits);
            update.put(LAST, node.id());
            update.put(COST, cost);
            if (definition.budgetUsd() != null && cost > definition.budgetUsd().doubleValue()) {
                // The node that passed the budget is kept; nothing more is run. Checked here so the node's output
                // is in the state the run stops with.
                update.put(OVER_BUDGET, true);
            }
            return CompletableFuture.completedFuture(update);
        }

        private ObjectNode approval(Node node, int visit, ObjectNode view, JsonNode details) {
            if (node.when() != null && !Expressions.holds(node.when().json(), view)) {
                ObjectNode skipped = JsonNodeFactory.instance.objectNode();
                skipped.putObject("output").put("decision", "skipped");
                work.ended(node, visit, "skipped", null, "not needed");
                return skipped;
            }
            ObjectNode decision = work.decision(node, visit, details).orElseThrow(() -> new NodeFailure(
                    "The approval '" + node.id() + "' ran without a decision."));
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            entry.set("output", decision);
            return entry;
        }

        private int visit(Map<String, Object> data) {
            Object count = map(data.get(VISITS)).get(node.id());
            return (count instanceof Number number ? number.intValue() : 0) + 1;
        }
    }

    private static double cost(Map<String, Object> data) {
        return data.get(COST) instanceof Number number ? number.doubleValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The state as the expressions read it. */
    private ObjectNode view(Map<String, Object> data) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.set(INPUT, objectMapper.valueToTree(data.get(INPUT)));
        view.set(NODES, objectMapper.valueToTree(map(data.get(NODES))));
        view.put("cost_usd", cost(data));
        return view;
    }

    /** JSON as plain Java values, which the graph's state serializer can copy. */
    private Object plain(JsonNode json) {
        return json == null ? null : objectMapper.convertValue(json, Object.class);
    }

    private static Throwable rootOf(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof WorkflowStop || cause instanceof NodeFailure) {
                return cause;
            }
            cause = cause.getCause();
        }
        return cause;
    }
}
