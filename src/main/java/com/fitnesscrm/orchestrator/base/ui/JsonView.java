package com.fitnesscrm.orchestrator.base.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON value as a reader wants it: a tree of key, value and type (objects and arrays below the second level start
 * collapsed), a "Raw JSON" switch to the indented text, and "Copy JSON" to the clipboard. A text that is not JSON (a
 * step recorded before steps were written as JSON) is shown as text. Bounded for the largest accepted payloads:
 * at most {@value #MAX_NODES} values become rows, and the raw text is cut at {@value #MAX_RAW_CHARS} characters.
 * Every text is a grid cell or a {@code <pre>}'s text, never HTML.
 */
public class JsonView extends Composite<Div> {

    public static final int MAX_NODES = 500;
    public static final int MAX_RAW_CHARS = 100_000;
    private static final int ALL_ROWS_VISIBLE_UP_TO = 25;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One row of the tree; identity, not value, tells rows apart (two rows may read the same). */
    public static final class Node {
        private final String key;
        private final String value;
        private final String type;

        Node(String key, String value, String type) {
            this.key = key;
            this.value = value;
            this.type = type;
        }

        public String key() {
            return key;
        }

        public String value() {
            return value;
        }

        public String type() {
            return type;
        }
    }

    private final TreeGrid<Node> tree = new TreeGrid<>();
    private final Pre raw = new Pre();
    private final Span note = new Span();
    private final Button copy = new Button("Copy JSON", VaadinIcon.COPY_O.create(), event -> copy());
    private final Button rawToggle = new Button("Raw JSON", VaadinIcon.CODE.create(), event -> toggleRaw());
    private final HorizontalLayout actions = new HorizontalLayout(copy, rawToggle, note);
    private JsonNode shown;
    private String text = "—";
    private int total;

    public JsonView() {
        Div content = getContent();
        content.addClassName("json-view");
        content.setWidthFull();
        raw.addClassName("run-json");
        note.addClassName("json-view-note");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        rawToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        actions.setSpacing(false);
        tree.addHierarchyColumn(Node::key).setHeader("Key").setAutoWidth(true).setFlexGrow(0).setResizable(true)
                .setKey("key");
        tree.addColumn(Node::value).setHeader("Value").setFlexGrow(1).setKey("value")
                .setTooltipGenerator(Node::value);
        tree.addColumn(Node::type).setHeader("Type").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setKey("type");
        tree.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        tree.addClassName("json-view-tree");
        content.add(actions, tree, raw);
        show((JsonNode) null);
    }

    /** Shows {@code node}; {@code null} or JSON null as "—". */
    public void show(JsonNode node) {
        JsonNode next = node == null || node.isNull() ? null : node;
        if (next != null && next.equals(shown)) {
            return; // a refresh of a running run: keep what the reader opened
        }
        shown = next;
        text = pretty(shown);
        raw.setText(text);
        note.setText("");
        boolean container = shown != null && shown.isContainerNode() && !shown.isEmpty();
        actions.setVisible(shown != null);
        rawToggle.setVisible(container);
        tree.setVisible(container);
        raw.setVisible(!container);
        total = container ? count(shown) - 1 : 0;
        if (container) {
            fill(shown);
        }
        copy.setText("Copy JSON");
    }

    /**
     * Shows a stored text: as JSON when it is a JSON object or array, else as the text it is (e.g. a step written
     * by an older version as a Java {@code toString()}).
     */
    public void showText(String stored) {
        JsonNode parsed = parseContainer(stored);
        if (parsed != null) {
            show(parsed);
            return;
        }
        show((JsonNode) null);
        text = stored == null || stored.isBlank() ? "—" : stored;
        raw.setText(text);
        actions.setVisible(stored != null && !stored.isBlank());
        copy.setText("Copy");
    }

    /** {@code stored} as JSON when it is an object or array, else {@code null}. */
    public static JsonNode parseContainer(String stored) {
        if (stored == null) {
            return null;
        }
        String trimmed = stored.strip();
        if (!(trimmed.startsWith("{") && trimmed.endsWith("}") || trimmed.startsWith("[") && trimmed.endsWith("]"))) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(trimmed);
            return node != null && node.isContainerNode() ? node : null;
        } catch (JsonProcessingException e) {
            return null; // "[1, 2" or a record's "WorkoutPlan[…]" text
        }
    }

    /** The indented text as the raw view shows it (cut when long), or the stored text. */
    public String getText() {
        return text;
    }

    /** Whether the tree (rather than the raw text) is what the reader sees. */
    public boolean isTreeShown() {
        return tree.isVisible();
    }

    /** The rows the tree holds (at most {@value #MAX_NODES} values, plus "… N more" rows), depth first. */
    public List<Node> rows() {
        List<Node> rows = new ArrayList<>();
        TreeData<Node> data = ((TreeDataProvider<Node>) tree.getDataProvider()).getTreeData();
        data.getRootItems().forEach(root -> collect(data, root, rows));
        return rows;
    }

    /** How many values (at any depth) the shown JSON has. */
    public int valueCount() {
        return total;
    }

    public static String pretty(JsonNode node) {
        if (node == null || node.isNull()) {
            return "—";
        }
        String pretty;
        try {
            pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            pretty = node.toString();
        }
        // A megabyte of input would be several of indented text in the browser: show the start, say the rest.
        if (pretty.length() > MAX_RAW_CHARS) {
            return pretty.substring(0, MAX_RAW_CHARS) + "\n… " + (pretty.length() - MAX_RAW_CHARS)
                    + " more characters, not shown here; Copy JSON copies all of it.";
        }
        return pretty;
    }

    private void fill(JsonNode root) {
        TreeData<Node> data = new TreeData<>();
        List<Node> expand = new ArrayList<>();
        addBreadthFirst(data, root, expand);
        tree.setDataProvider(new TreeDataProvider<>(data));
        tree.expand(expand);
        if (total > MAX_NODES) {
            note.setText("Showing " + MAX_NODES + " of " + total + " values; the raw JSON below has more.");
            raw.setVisible(true);
        }
        if (total <= ALL_ROWS_VISIBLE_UP_TO) {
            tree.setAllRowsVisible(true);
        } else {
            tree.setAllRowsVisible(false);
            tree.setHeight("24rem");
        }
    }

    private record Pending(Node row, JsonNode value, int depth) {
    }

    /**
     * Adds the members level by level, so that when the budget runs out it is the deep detail that is left out
     * (as "… N more" rows), not the top-level keys after a long first array. Containers on the first level are
     * opened; deeper ones start collapsed.
     */
    private static void addBreadthFirst(TreeData<Node> data, JsonNode root, List<Node> expand) {
        int budget = MAX_NODES;
        ArrayDeque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending(null, root, 0));
        while (!queue.isEmpty()) {
            Pending container = queue.poll();
            List<Map.Entry<String, JsonNode>> members = members(container.value());
            for (int i = 0; i < members.size(); i++) {
                if (budget <= 0) {
                    int rest = 0;
                    for (int j = i; j < members.size(); j++) {
                        rest += count(members.get(j).getValue());
                    }
                    data.addItem(container.row(), new Node("…", rest + " more", ""));
                    break;
                }
                budget--;
                JsonNode value = members.get(i).getValue();
                Node row = new Node(members.get(i).getKey(), describe(value), type(value));
                data.addItem(container.row(), row);
                if (value.isContainerNode() && !value.isEmpty()) {
                    if (container.depth() == 0) {
                        expand.add(row);
                    }
                    queue.add(new Pending(row, value, container.depth() + 1));
                }
            }
        }
    }

    private static List<Map.Entry<String, JsonNode>> members(JsonNode node) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                members.add(it.next());
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                members.add(Map.entry("[" + i + "]", node.get(i)));
            }
        }
        return members;
    }

    private static void collect(TreeData<Node> data, Node node, List<Node> rows) {
        rows.add(node);
        data.getChildren(node).forEach(child -> collect(data, child, rows));
    }

    /** Values in {@code node}, itself included. */
    private static int count(JsonNode node) {
        int count = 1;
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                count += count(child);
            }
        }
        return count;
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "{" + value.size() + (value.size() == 1 ? " key}" : " keys}");
        }
        if (value.isArray()) {
            return "[" + value.size() + (value.size() == 1 ? " item]" : " items]");
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static String type(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "text";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    private void toggleRaw() {
        boolean showRaw = tree.isVisible();
        tree.setVisible(!showRaw);
        raw.setVisible(showRaw || total > MAX_NODES);
        rawToggle.setText(showRaw ? "Tree" : "Raw JSON");
        rawToggle.setIcon(showRaw ? VaadinIcon.TREE_TABLE.create() : VaadinIcon.CODE.create());
    }

    /** Copies all of it (not the cut raw text) as indented JSON, and says whether the browser let it. */
    private void copy() {
        String all;
        if (shown == null) {
            all = text;
        } else {
            try {
                all = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(shown);
            } catch (JsonProcessingException e) {
                all = shown.toString();
            }
        }
        UI.getCurrent().getPage().executeJs("return navigator.clipboard.writeText($0)", all).then(
                done -> Notification.show("Copied to the clipboard", 2000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS),
                refused -> Notification.show("The browser did not allow copying (" + refused + "); select the raw "
                        + "JSON instead.", 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING));
    }
}
