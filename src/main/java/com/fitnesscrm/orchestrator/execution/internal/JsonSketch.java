package com.fitnesscrm.orchestrator.execution.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A step's result as JSON that fits its column: the whole value when it is short, else a sketch of it that is still
 * valid JSON (long arrays keep their first items and say "… N more", long texts are cut, deep levels are summarised),
 * so the run detail view can show it as a tree. Cutting the JSON text itself, as a plain summary is cut, would leave
 * a fragment nobody can parse.
 */
final class JsonSketch {

    /** How much a sketch gives up, least first: items kept per array, characters per text, levels kept. */
    private static final int[][] LEVELS = {
            {10, 200, 8}, {5, 120, 6}, {3, 80, 5}, {2, 60, 4}, {1, 40, 3}, {1, 30, 2}, {0, 20, 1}};

    private JsonSketch() {
    }

    /** {@code value} as JSON text of at most {@code maxChars} characters; a plain text stays text. */
    static String of(ObjectMapper mapper, Object value, int maxChars) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        JsonNode tree;
        try {
            tree = mapper.valueToTree(value);
        } catch (IllegalArgumentException e) {
            return value.toString(); // not a bean Jackson can write: the text is all there is
        }
        String full = write(mapper, tree);
        if (full.length() <= maxChars) {
            return full;
        }
        for (int[] level : LEVELS) {
            String sketch = write(mapper, shrink(tree, level[0], level[1], level[2], 1));
            if (sketch.length() <= maxChars) {
                return sketch;
            }
        }
        return write(mapper, JsonNodeFactory.instance.objectNode().put("…", full.length()
                + " characters of JSON, too long to keep with the step"));
    }

    private static JsonNode shrink(JsonNode node, int items, int chars, int depth, int level) {
        if (node.isTextual() && node.textValue().length() > chars) {
            return TextNode.valueOf(node.textValue().substring(0, chars) + "…");
        }
        if (!node.isContainerNode()) {
            return node;
        }
        if (level > depth) {
            return TextNode.valueOf(node.isObject() ? "{… " + node.size() + " keys}" : "[… " + node.size()
                    + " items]");
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            int kept = Math.min(items, node.size());
            for (int i = 0; i < kept; i++) {
                array.add(shrink(node.get(i), items, chars, depth, level + 1));
            }
            if (node.size() > kept) {
                array.add("… " + (node.size() - kept) + " more");
            }
            return array;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            object.set(field.getKey(), shrink(field.getValue(), items, chars, depth, level + 1));
        }
        return object;
    }

    private static String write(ObjectMapper mapper, JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return tree.toString();
        }
    }
}
