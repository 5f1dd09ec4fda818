package com.fitnesscrm.orchestrator.workflows.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workflows.DefinitionProblem;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.Condition;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.Edge;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.Node;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.NodeKind;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads a workflow definition from its JSON and finds everything wrong with it, each problem with the path of its
 * field ({@code definition.nodes[2].agent}): unknown fields, agents and functions; edges to nodes that do not exist;
 * expressions naming them; nodes the start cannot reach; cycles none of whose nodes has {@code max_visits}. A
 * definition without problems is one every run can finish.
 */
public final class DefinitionReader {

    public static final int MAX_NODES = 50;
    public static final int MAX_EDGES = 200;
    public static final int MAX_VISITS = 100;
    /** What the timeline and the approvals keep of a node's title. */
    public static final int MAX_LABEL = 200;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Set<String> TOP_FIELDS = Set.of("description", "start", "budget_usd", "nodes", "edges",
            "output");
    private static final Set<String> NODE_FIELDS = Set.of("id", "kind", "label", "agent", "function", "input",
            "role", "when", "max_visits");
    private static final Set<String> EDGE_FIELDS = Set.of("from", "to", "when");
    private static final Set<String> ROLES = Set.of("admin", "trainer");
    private static final String ROOT = "definition";

    private DefinitionReader() {
    }

    /**
     * A definition read, and its problems; {@code definition} is {@code null} when the JSON is not even shaped like
     * one.
     */
    public record Result(WorkflowDefinition definition, List<DefinitionProblem> problems) {

        public boolean valid() {
            return problems.isEmpty() && definition != null;
        }
    }

    /**
     * @param agentExists whether an agent by that name or id exists (and is not a workflow)
     * @param functions   the installed functions' names
     */
    public static Result read(JsonNode json, Predicate<String> agentExists, Set<String> functions) {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (json == null || !json.isObject()) {
            problems.add(new DefinitionProblem(ROOT, "The definition must be a JSON object with 'start', 'nodes' "
                    + "and 'edges'."));
            return new Result(null, problems);
        }
        unknownFields(json, TOP_FIELDS, ROOT, problems);
        String description = text(json, "description", ROOT, problems, false);
        String start = text(json, "start", ROOT, problems, true);
        BigDecimal budget = budget(json, problems);
        List<Node> nodes = nodes(json.get("nodes"), agentExists, functions, problems);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (node.id() != null && index.putIfAbsent(node.id(), i) != null) {
                problems.add(new DefinitionProblem(ROOT + ".nodes[" + i + "].id", "Two nodes have the id '"
                        + node.id() + "'; ids must be unique."));
            }
        }
        if (start != null && !index.containsKey(start)) {
            problems.add(new DefinitionProblem(ROOT + ".start", "The start '" + start + "' is not a node's id; the "
                    + "nodes are " + String.join(", ", index.keySet()) + "."));
        }
        List<Edge> edges = edges(json.get("edges"), index.keySet(), problems);
        defaultEdgeLast(edges, problems);
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String at = ROOT + ".nodes[" + i + "]";
            Expressions.names(node.input()).forEach(ref -> referenced(ref, at + ".input", index.keySet(), problems));
            if (node.when() != null) {
                Expressions.conditionNames(node.when().json(), at + ".when", problems)
                        .forEach(ref -> referenced(ref, at + ".when", index.keySet(), problems));
            }
        }
        for (int i = 0; i < edges.size(); i++) {
            Edge edge = edges.get(i);
            if (edge.when() != null) {
                String at = ROOT + ".edges[" + i + "].when";
                Expressions.conditionNames(edge.when().json(), at, problems)
                        .forEach(ref -> referenced(ref, at, index.keySet(), problems));
            }
        }
        JsonNode output = json.get("output");
        if (output != null) {
            Expressions.names(output).forEach(ref -> referenced(ref, ROOT + ".output", index.keySet(), problems));
        }
        WorkflowDefinition definition = new WorkflowDefinition(description, start, budget, List.copyOf(nodes),
                List.copyOf(edges), output);
        if (problems.isEmpty()) {
            reachable(definition, index, problems);
            cycles(definition, index, problems);
        }
        return new Result(definition, List.copyOf(problems));
    }

    private static BigDecimal budget(JsonNode json, List<DefinitionProblem> problems) {
        JsonNode value = json.get("budget_usd");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().signum() <= 0 || value.doubleValue() > 1_000_000) {
            problems.add(new DefinitionProblem(ROOT + ".budget_usd", "'budget_usd' must be a number of dollars "
                    + "above 0 (at most 1,000,000), or left out for no budget of the workflow's own."));
            return null;
        }
        return value.decimalValue();
    }

    private static List<Node> nodes(JsonNode json, Predicate<String> agentExists, Set<String> functions,
                                    List<DefinitionProblem> problems) {
        List<Node> nodes = new ArrayList<>();
        if (json == null || !json.isArray() || json.isEmpty()) {
            problems.add(new DefinitionProblem(ROOT + ".nodes", "'nodes' must be a list of at least one node."));
            return nodes;
        }
        if (json.size() > MAX_NODES) {
            problems.add(new DefinitionProblem(ROOT + ".nodes", "A workflow may have at most " + MAX_NODES
                    + " nodes; this one has " + json.size() + "."));
            return nodes;
        }
        for (int i = 0; i < json.size(); i++) {
            String at = ROOT + ".nodes[" + i + "]";
            JsonNode node = json.get(i);
            if (!node.isObject()) {
                problems.add(new DefinitionProblem(at, "Each node must be a JSON object."));
                continue;
            }
            unknownFields(node, NODE_FIELDS, at, problems);
            String id = text(node, "id", at, problems, true);
            if (id != null && (!ID.matcher(id).matches() || id.equals(WorkflowDefinition.END))) {
                problems.add(new DefinitionProblem(at + ".id", "A node's id is lower-case letters, digits and _, "
                        + "starting with a letter, at most 64 characters, and not 'end'; '" + id + "' is not."));
                id = null;
            }
            NodeKind kind = kind(node, at, problems);
            String label = text(node, "label", at, problems, false);
            if (label != null && label.length() > MAX_LABEL) {
                problems.add(new DefinitionProblem(at + ".label", "A label may be at most " + MAX_LABEL
                        + " characters; this one has " + label.length() + "."));
            }
            String agent = null;
            String function = null;
            String role = null;
            if (kind == NodeKind.AGENT) {
                agent = text(node, "agent", at, problems, true);
                if (agent != null && !agentExists.test(agent)) {
                    problems.add(new DefinitionProblem(at + ".agent", "No agent is called '" + agent + "'; name one "
                            + "from Agents (a workflow cannot be a node of another)."));
                }
            } else if (kind == NodeKind.FUNCTION) {
                function = text(node, "function", at, problems, true);
                if (function != null && !functions.contains(function)) {
                    problems.add(new DefinitionProblem(at + ".function", "No function is called '" + function
                            + "'; the functions are " + String.join(", ", functions.stream().sorted().toList())
                            + "."));
                }
            } else if (kind == NodeKind.APPROVAL) {
                role = text(node, "role", at, problems, true);
                if (role != null && !ROLES.contains(role)) {
                    problems.add(new DefinitionProblem(at + ".role", "Who approves is 'admin' or 'trainer', not '"
                            + role + "'."));
                }
            }
            if (kind != NodeKind.AGENT && node.has("agent")) {
                problems.add(new DefinitionProblem(at + ".agent", "Only a node of kind 'agent' names an agent."));
            }
            if (kind != NodeKind.FUNCTION && node.has("function")) {
                problems.add(new DefinitionProblem(at + ".function", "Only a node of kind 'function' names a "
                        + "function."));
            }
            Condition when = null;
            if (node.has("when")) {
                if (kind != NodeKind.APPROVAL) {
                    problems.add(new DefinitionProblem(at + ".when", "Only an approval has a 'when'; put the "
                            + "condition on the edge that leads to this node."));
                } else {
                    when = new Condition(node.get("when"));
                }
            }
            Integer maxVisits = null;
            JsonNode visits = node.get("max_visits");
            if (visits != null && !visits.isNull()) {
                if (!visits.canConvertToInt() || !visits.isIntegralNumber() || visits.intValue() < 1
                        || visits.intValue() > MAX_VISITS) {
                    problems.add(new DefinitionProblem(at + ".max_visits", "'max_visits' must be a whole number "
                            + "from 1 to " + MAX_VISITS + "."));
                } else {
                    maxVisits = visits.intValue();
                }
            }
            nodes.add(new Node(id, kind, label, agent, function, node.get("input"), role, when, maxVisits));
        }
        return nodes;
    }

    private static NodeKind kind(JsonNode node, String at, List<DefinitionProblem> problems) {
        String kind = text(node, "kind", at, problems, true);
        if (kind == null) {
            return null;
        }
        return Coded.find(NodeKind.class, kind).orElseGet(() -> {
            problems.add(new DefinitionProblem(at + ".kind", "A node's kind is agent, function or approval, not '"
                    + kind + "'."));
            return null;
        });
    }

    private static List<Edge> edges(JsonNode json, Set<String> ids, List<DefinitionProblem> problems) {
        List<Edge> edges = new ArrayList<>();
        if (json == null || json.isNull()) {
            return edges;
        }
        if (!json.isArray()) {
            problems.add(new DefinitionProblem(ROOT + ".edges", "'edges' must be a list of {from, to, when?}."));
            return edges;
        }
        if (json.size() > MAX_EDGES) {
            problems.add(new DefinitionProblem(ROOT + ".edges", "A workflow may have at most " + MAX_EDGES
                    + " edges; this one has " + json.size() + "."));
            return edges;
        }
        for (int i = 0; i < json.size(); i++) {
            String at = ROOT + ".edges[" + i + "]";
            JsonNode edge = json.get(i);
            if (!edge.isObject()) {
                problems.add(new DefinitionProblem(at, "Each edge must be a JSON object {from, to, when?}."));
                continue;
            }
            unknownFields(edge, EDGE_FIELDS, at, problems);
            String from = text(edge, "from", at, problems, true);
            String to = text(edge, "to", at, problems, true);
            if (from != null && !ids.contains(from)) {
                problems.add(new DefinitionProblem(at + ".from", "No node has the id '" + from + "'."));
            }
            if (to != null && !to.equals(WorkflowDefinition.END) && !ids.contains(to)) {
                problems.add(new DefinitionProblem(at + ".to", "No node has the id '" + to + "' (use 'end' to end "
                        + "the run)."));
            }
            JsonNode when = edge.get("when");
            edges.add(new Edge(from, to, when == null || when.isNull() ? null : new Condition(when)));
        }
        return edges;
    }

    /** A node's edges are tried in order, so an edge after its node's unconditional one could never be taken. */
    private static void defaultEdgeLast(List<Edge> edges, List<DefinitionProblem> problems) {
        Set<String> withDefault = new HashSet<>();
        for (int i = 0; i < edges.size(); i++) {
            Edge edge = edges.get(i);
            if (edge.from() == null) {
                continue;
            }
            if (withDefault.contains(edge.from())) {
                problems.add(new DefinitionProblem(ROOT + ".edges[" + i + "]", "This edge from '" + edge.from()
                        + "' comes after its edge without 'when', which is always taken: it would never be."));
            } else if (edge.when() == null) {
                withDefault.add(edge.from());
            }
        }
    }

    private static void referenced(String name, String at, Set<String> ids, List<DefinitionProblem> problems) {
        if (!ids.contains(name)) {
            problems.add(new DefinitionProblem(at, "The expression names the node '" + name + "', which does not "
                    + "exist."));
        }
    }

    /** Every node must be reachable from the start along edges. */
    private static void reachable(WorkflowDefinition definition, Map<String, Integer> index,
                                  List<DefinitionProblem> problems) {
        Map<String, List<String>> next = successors(definition);
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(definition.start()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(next.getOrDefault(id, List.of()));
            }
        }
        index.forEach((id, i) -> {
            if (!seen.contains(id)) {
                problems.add(new DefinitionProblem(ROOT + ".nodes[" + i + "]", "The node '" + id + "' cannot be "
                        + "reached from the start '" + definition.start() + "': no edge leads to it."));
            }
        });
    }

    /** A cycle must pass a node with max_visits, or a run could go round it for ever. */
    private static void cycles(WorkflowDefinition definition, Map<String, Integer> index,
                               List<DefinitionProblem> problems) {
        Map<String, List<String>> next = successors(definition);
        Set<String> limited = new HashSet<>();
        definition.nodes().stream().filter(node -> node.maxVisits() != null).forEach(node -> limited.add(node.id()));
        // Remove the limited nodes: any cycle left has no limit on it.
        // One cycle is reported at a time: once it has a limit, the next (if any) shows.
        Map<String, Integer> state = new HashMap<>();
        for (String id : index.keySet()) {
            if (!limited.contains(id)) {
                List<String> cycle = findCycle(id, next, limited, state, new ArrayList<>());
                if (cycle != null) {
                    problems.add(new DefinitionProblem(ROOT + ".nodes[" + index.get(cycle.get(0)) + "].max_visits",
                            "The nodes " + String.join(" → ", cycle) + " → " + cycle.get(0) + " form a cycle "
                                    + "without a limit: give one of them 'max_visits'."));
                    return;
                }
            }
        }
    }

    /** Depth-first search; state 1 = on the current path, 2 = done. Returns the first cycle found, in order. */
    private static List<String> findCycle(String id, Map<String, List<String>> next, Set<String> limited,
                                          Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(id);
        if (seen != null) {
            return seen == 1 ? List.copyOf(path.subList(path.indexOf(id), path.size())) : null;
        }
        state.put(id, 1);
        path.add(id);
        for (String to : next.getOrDefault(id, List.of())) {
            if (!limited.contains(to)) {
                List<String> cycle = findCycle(to, next, limited, state, path);
                if (cycle != null) {
                    return cycle;
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        return null;
    }

    private static Map<String, List<String>> successors(WorkflowDefinition definition) {
        Map<String, List<String>> next = new HashMap<>();
        for (Edge edge : definition.edges()) {
            if (!edge.to().equals(WorkflowDefinition.END)) {
                next.computeIfAbsent(edge.from(), id -> new ArrayList<>()).add(edge.to());
            }
        }
        return next;
    }

    private static void unknownFields(JsonNode json, Set<String> known, String at, List<DefinitionProblem> problems) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new DefinitionProblem(at + "." + name, "Unknown field '" + name + "'; the fields are "
                        + String.join(", ", known.stream().sorted().toList()) + "."));
            }
        }
    }

    private static String text(JsonNode json, String name, String at, List<DefinitionProblem> problems,
                               boolean required) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new DefinitionProblem(at + "." + name, "'" + name + "' is required."));
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            problems.add(new DefinitionProblem(at + "." + name, "'" + name + "' must be a non-empty text."));
            return null;
        }
        if (value.textValue().length() > 2000) {
            problems.add(new DefinitionProblem(at + "." + name, "'" + name + "' may be at most 2,000 characters."));
            return null;
        }
        return value.textValue().strip();
    }
}
