package com.fitnesscrm.orchestrator.workflows.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.ui.Svg;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.Condition;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.Edge;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.Node;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.NodeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A workflow's definition drawn as SVG, top to bottom: a node's layer is its longest path from {@code start} over the
 * edges that are not back edges of a cycle, so every forward arrow points down and a loop's arrow goes back up on the
 * right. Nodes are rounded boxes coloured by kind; conditional edges are dashed with a short label of their condition;
 * edges to {@code end} (and nodes without edges, which end the run) lead to an "end" terminal. Every name is the
 * admin's input, so every text goes through {@link Svg#escape}. Plain Java, so the layout is unit-tested.
 */
public final class WorkflowGraph {

    static final double BOX_WIDTH = 190;
    static final double BOX_HEIGHT = 50;
    private static final double GAP_X = 40;
    private static final double GAP_Y = 70;
    private static final double MARGIN = 30;
    /** Room on the right for back edges and for the labels of conditions. */
    private static final double RIGHT_ROOM = 120;
    private static final int MAX_TITLE = 26;
    private static final int MAX_LABEL = 30;

    /** The drawn nodes in definition order (the first of duplicate ids), with the end terminal last. */
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private final Map<String, Integer> layers = new HashMap<>();
    private final String start;

    /** One drawn edge; {@code implicit}: a node without edges, which ends the run. */
    record Arrow(String from, String to, Condition when, boolean back, boolean implicit) {
    }

    private WorkflowGraph(WorkflowDefinition definition) {
        this.start = definition.start();
        for (Node node : definition.nodes() == null ? List.<Node>of() : definition.nodes()) {
            if (node != null && node.id() != null && !node.id().equals(WorkflowDefinition.END)) {
                nodes.putIfAbsent(node.id(), node);
            }
        }
        List<Edge> edges = (definition.edges() == null ? List.<Edge>of() : definition.edges()).stream()
                .filter(edge -> edge != null && nodes.containsKey(edge.from())
                        && (nodes.containsKey(edge.to()) || WorkflowDefinition.END.equals(edge.to())))
                .toList();
        Set<Edge> back = backEdges(edges);
        for (Edge edge : edges) {
            arrows.add(new Arrow(edge.from(), edge.to(), edge.when(), back.contains(edge), false));
        }
        Set<String> withEdges = edges.stream().map(Edge::from).collect(Collectors.toSet());
        nodes.keySet().stream().filter(id -> !withEdges.contains(id))
                .forEach(id -> arrows.add(new Arrow(id, WorkflowDefinition.END, null, false, true)));
        assignLayers();
    }

    /** The graph of {@code definition}; edges between ids it does not define are left out. */
    public static WorkflowGraph of(WorkflowDefinition definition) {
        return new WorkflowGraph(definition);
    }

    /**
     * Reads what it can of a definition's JSON, for drawing a draft that may still be invalid: nodes without an id and
     * unknown kinds are kept as far as they go (a kind it does not know is drawn grey), nothing is checked.
     */
    public static WorkflowDefinition sketch(JsonNode json) {
        List<Node> nodes = new ArrayList<>();
        for (JsonNode node : json.path("nodes")) {
            String id = text(node, "id");
            if (id != null) {
                NodeKind kind = Coded.find(NodeKind.class, text(node, "kind")).orElse(null);
                nodes.add(new Node(id, kind, text(node, "label"), text(node, "agent"), text(node, "function"),
                        node.get("input"), text(node, "role"), condition(node.get("when")), null));
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (JsonNode edge : json.path("edges")) {
            String from = text(edge, "from");
            String to = text(edge, "to");
            if (from != null && to != null) {
                edges.add(new Edge(from, to, condition(edge.get("when"))));
            }
        }
        return new WorkflowDefinition(text(json, "description"), text(json, "start"), null, nodes, edges, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static Condition condition(JsonNode json) {
        return json == null || json.isNull() ? null : new Condition(json);
    }

    /** The layer {@code id} is drawn in, 0 for {@code start}; {@code end} is below all. */
    public int layer(String id) {
        Integer layer = layers.get(id);
        if (layer == null) {
            throw new IllegalArgumentException("No node '" + id + "' in the graph");
        }
        return layer;
    }

    /** The nodes drawn, without the end terminal. */
    public int nodeCount() {
        return nodes.size();
    }

    List<Arrow> arrows() {
        return List.copyOf(arrows);
    }

    /**
     * Depth first from {@code start}, then from any node not reached yet, in definition order: an edge to a node on
     * the current path closes a cycle.
     */
    private Set<Edge> backEdges(List<Edge> edges) {
        Map<String, List<Edge>> out = new HashMap<>();
        edges.forEach(edge -> out.computeIfAbsent(edge.from(), from -> new ArrayList<>()).add(edge));
        Set<Edge> back = new HashSet<>();
        Set<String> done = new HashSet<>();
        List<String> roots = new ArrayList<>();
        if (start != null && nodes.containsKey(start)) {
            roots.add(start);
        }
        roots.addAll(nodes.keySet());
        for (String root : roots) {
            if (!done.contains(root)) {
                visit(root, out, new HashSet<>(), done, back);
            }
        }
        return back;
    }

    private static void visit(String id, Map<String, List<Edge>> out, Set<String> onPath, Set<String> done,
                              Set<Edge> back) {
        // Recursion depth is the longest path; definitions have tens of nodes, not thousands.
        onPath.add(id);
        for (Edge edge : out.getOrDefault(id, List.of())) {
            if (onPath.contains(edge.to())) {
                back.add(edge);
            } else if (!done.contains(edge.to()) && !WorkflowDefinition.END.equals(edge.to())) {
                visit(edge.to(), out, onPath, done, back);
            }
        }
        onPath.remove(id);
        done.add(id);
    }

    /** Longest path over the forward edges (a DAG once back edges are set aside), relaxed until nothing changes. */
    private void assignLayers() {
        nodes.keySet().forEach(id -> layers.put(id, 0));
        boolean changed = true;
        for (int round = 0; changed && round <= nodes.size(); round++) {
            changed = false;
            for (Arrow arrow : arrows) {
                if (!arrow.back() && !WorkflowDefinition.END.equals(arrow.to())
                        && layers.get(arrow.to()) < layers.get(arrow.from()) + 1) {
                    layers.put(arrow.to(), layers.get(arrow.from()) + 1);
                    changed = true;
                }
            }
        }
        layers.put(WorkflowDefinition.END, layers.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1);
    }

    /** One sentence for the image's alt text: what the picture shows. */
    public String description() {
        Map<String, Long> kinds = nodes.values().stream().collect(Collectors.groupingBy(
                node -> node.kind() == null ? "unknown" : node.kind().code(), LinkedHashMap::new,
                Collectors.counting()));
        String parts = kinds.entrySet().stream().map(kind -> kind.getValue() + " " + kind.getKey())
                .collect(Collectors.joining(", "));
        long edges = arrows.stream().filter(arrow -> !arrow.implicit()).count();
        return "Workflow graph: " + nodes.size() + (nodes.size() == 1 ? " node" : " nodes")
                + (parts.isEmpty() ? "" : " (" + parts + ")") + ", " + edges + (edges == 1 ? " edge" : " edges")
                + (start == null ? "" : ", starting at " + start) + ".";
    }

    /** The picture as an SVG document. */
    public String svg() {
        Map<Integer, List<String>> rows = new LinkedHashMap<>();
        for (String id : nodes.keySet()) {
            rows.computeIfAbsent(layers.get(id), layer -> new ArrayList<>()).add(id);
        }
        int endLayer = layers.get(WorkflowDefinition.END);
        rows.computeIfAbsent(endLayer, layer -> new ArrayList<>()).add(WorkflowDefinition.END);
        int widest = rows.values().stream().mapToInt(List::size).max().orElse(1);
        double width = MARGIN * 2 + widest * BOX_WIDTH + (widest - 1) * GAP_X + RIGHT_ROOM;
        double height = MARGIN * 2 + (endLayer + 1) * BOX_HEIGHT + endLayer * GAP_Y;
        Map<String, double[]> at = new HashMap<>();
        rows.forEach((layer, ids) -> {
            double rowWidth = ids.size() * BOX_WIDTH + (ids.size() - 1) * GAP_X;
            double x = MARGIN + (widest * BOX_WIDTH + (widest - 1) * GAP_X - rowWidth) / 2;
            for (String id : ids) {
                at.put(id, new double[] {x, MARGIN + layer * (BOX_HEIGHT + GAP_Y)});
                x += BOX_WIDTH + GAP_X;
            }
        });
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                + "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"13\" "
                + "role=\"img\">", width, height, width, height));
        svg.append("<title>").append(Svg.escape(description())).append("</title>");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" "
                + "fill=\"#555\"/></marker></defs>");
        int detours = 0;
        for (Arrow arrow : arrows) {
            boolean around = arrow.back() || arrow.from().equals(arrow.to()) || crossesABox(arrow, at);
            appendArrow(svg, arrow, at.get(arrow.from()), at.get(arrow.to()), around ? detours++ : -1);
        }
        nodes.values().forEach(node -> appendNode(svg, node, at.get(node.id())));
        appendEnd(svg, at.get(WorkflowDefinition.END));
        return svg.append("</svg>").toString();
    }

    private void appendNode(StringBuilder svg, Node node, double[] xy) {
        String kind = node.kind() == null ? "unknown" : node.kind().code();
        String[] colours = switch (kind) {
            case "agent" -> new String[] {"#dbeafe", "#2563eb"};
            case "function" -> new String[] {"#dcfce7", "#16a34a"};
            case "approval" -> new String[] {"#fef3c7", "#d97706"};
            default -> new String[] {"#e5e7eb", "#6b7280"};
        };
        boolean first = node.id().equals(start);
        svg.append("<g class=\"node node-").append(kind).append(first ? " start" : "").append("\">");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"10\" "
                + "fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>", xy[0], xy[1], BOX_WIDTH, BOX_HEIGHT,
                colours[0], colours[1], first ? "3" : "1.5"));
        double middle = xy[0] + BOX_WIDTH / 2;
        svg.append(text(middle, xy[1] + 21, cut(node.title(), MAX_TITLE), "title", "bold"));
        svg.append(text(middle, xy[1] + 39, cut(subtitle(node, kind), MAX_TITLE), "kind", "normal"));
        svg.append("</g>");
    }

    /** The second line of a box: what the node runs. */
    private static String subtitle(Node node, String kind) {
        return switch (kind) {
            case "agent" -> "agent: " + (node.agent() == null ? "?" : node.agent());
            case "function" -> "function: " + (node.function() == null ? "?" : node.function());
            case "approval" -> "approval by " + (node.role() == null ? "?" : node.role());
            default -> "unknown kind";
        };
    }

    private static void appendEnd(StringBuilder svg, double[] xy) {
        double x = xy[0] + BOX_WIDTH / 2;
        double y = xy[1] + BOX_HEIGHT / 2;
        svg.append("<g class=\"end\">");
        svg.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"40\" ry=\"18\" fill=\"#374151\"/>",
                x, y));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#fff\">"
                + "end</text>", x, y + 4));
        svg.append("</g>");
    }

    /**
     * Whether the straight line of a forward arrow would run through a box of a layer it skips (e.g. a default edge
     * past the nodes of a conditional branch), where the box would hide it.
     */
    private boolean crossesABox(Arrow arrow, Map<String, double[]> at) {
        double[] from = at.get(arrow.from());
        double[] to = at.get(arrow.to());
        double x1 = from[0] + BOX_WIDTH / 2;
        double y1 = from[1] + BOX_HEIGHT;
        double x2 = to[0] + BOX_WIDTH / 2;
        double y2 = to[1];
        for (Map.Entry<String, double[]> box : at.entrySet()) {
            double[] xy = box.getValue();
            double middle = xy[1] + BOX_HEIGHT / 2;
            if (box.getKey().equals(arrow.from()) || box.getKey().equals(arrow.to()) || middle <= y1 || middle >= y2) {
                continue;
            }
            double x = x1 + (x2 - x1) * (middle - y1) / (y2 - y1);
            if (x >= xy[0] - 5 && x <= xy[0] + BOX_WIDTH + 5) {
                return true;
            }
        }
        return false;
    }

    /** {@code detour}: the how-manieth arrow drawn round the right of the boxes, -1 for a straight one. */
    private void appendArrow(StringBuilder svg, Arrow arrow, double[] from, double[] to, int detour) {
        String dash = arrow.when() == null ? "" : " stroke-dasharray=\"6 4\"";
        String css = "edge" + (arrow.back() ? " back" : "") + (detour >= 0 ? " detour" : "")
                + (arrow.when() == null ? "" : " conditional") + (arrow.implicit() ? " implicit" : "");
        svg.append("<g class=\"").append(css).append("\">");
        double labelX;
        double labelY;
        if (detour >= 0) {
            // Out of the source's right side, round the right of the boxes, into the target's right side.
            boolean toEnd = WorkflowDefinition.END.equals(arrow.to());
            double x1 = from[0] + BOX_WIDTH;
            double y1 = from[1] + BOX_HEIGHT / 2;
            double x2 = toEnd ? to[0] + BOX_WIDTH / 2 + 40 : to[0] + BOX_WIDTH;
            double y2 = to[1] + BOX_HEIGHT / 2;
            double bend = Math.max(from[0], to[0]) + BOX_WIDTH + 50 + 15 * detour;
            svg.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f\" "
                    + "fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\"%s marker-end=\"url(#arrow)\"/>",
                    x1, y1, bend, y1, bend, y2, x2, y2, dash));
            labelX = bend - 10;
            labelY = (y1 + y2) / 2;
        } else {
            double x1 = from[0] + BOX_WIDTH / 2;
            double y1 = from[1] + BOX_HEIGHT;
            double x2 = to[0] + BOX_WIDTH / 2;
            double y2 = WorkflowDefinition.END.equals(arrow.to()) ? to[1] + BOX_HEIGHT / 2 - 18 : to[1];
            svg.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f L %.1f %.1f\" fill=\"none\" "
                    + "stroke=\"#555\" stroke-width=\"1.5\"%s marker-end=\"url(#arrow)\"/>", x1, y1, x2, y2, dash));
            labelX = (x1 + x2) / 2 + 6;
            labelY = (y1 + y2) / 2;
        }
        if (arrow.when() != null) {
            svg.append(String.format(Locale.ROOT, "<text class=\"condition\" x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
                    + "fill=\"#374151\">%s</text>", labelX, labelY, Svg.escape(cut(label(arrow.when().json()),
                    MAX_LABEL))));
        }
        svg.append("</g>");
    }

    private static String text(double x, double y, String content, String css, String weight) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                + "font-weight=\"%s\" fill=\"#111827\">%s</text>", css, x, y, weight, Svg.escape(content));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * A condition as a reader says it: {@code {"path": "$nodes.assess.output.adjust", "equals": true}} is
     * {@code adjust = true}; {@code all}, {@code any} and {@code not} join their parts.
     */
    static String label(JsonNode condition) {
        if (condition == null || !condition.isObject()) {
            return "?";
        }
        if (condition.has("all") || condition.has("any")) {
            String joiner = condition.has("all") ? " and " : " or ";
            List<String> parts = new ArrayList<>();
            condition.path(condition.has("all") ? "all" : "any").forEach(part -> parts.add(label(part)));
            return String.join(joiner, parts);
        }
        if (condition.has("not")) {
            return "not (" + label(condition.get("not")) + ")";
        }
        String path = condition.path("path").asText("?");
        String subject = path.substring(path.lastIndexOf('.') + 1);
        for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String op = switch (field.getKey()) {
                case "equals" -> " = ";
                case "not_equals" -> " ≠ ";
                case "in" -> " in ";
                case "gt" -> " > ";
                case "gte" -> " ≥ ";
                case "lt" -> " < ";
                case "lte" -> " ≤ ";
                case "exists" -> field.getValue().asBoolean(true) ? " exists" : " is missing";
                default -> null;
            };
            if (op != null) {
                return field.getKey().equals("exists") ? subject + op : subject + op + value(field.getValue());
            }
        }
        return subject;
    }

    private static String value(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
