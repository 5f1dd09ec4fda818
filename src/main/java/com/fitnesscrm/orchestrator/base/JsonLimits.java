package com.fitnesscrm.orchestrator.base;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * What JSON we accept and store, anywhere it comes from (a REST body, the try-it dialog, a stored run run again), so
 * that every stored value can be read back and written out again: at most {@value #MAX_DEPTH} levels of nesting
 * (the outer object or array is level 1), no NUL character (PostgreSQL refuses it in text and jsonb), no unpaired
 * UTF-16 surrogate (it has no UTF-8 form), no number beyond a double's range (it would be stored as the text
 * "Infinity"). Bodies are also at most 1 MB. See docs/decisions/0011-hostile-input.md.
 */
public final class JsonLimits {

    public static final int MAX_DEPTH = 64;
    /** The parser stops at the first level past the limit, so no deeper tree is ever built. */
    public static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).maxNumberLength(1000).maxNameLength(50_000).build();

    private JsonLimits() {
    }

    /**
     * Refuses a value that breaks a limit, naming its JSON path under {@code root} (e.g. {@code input_data.notes[1]}).
     *
     * @param level the nesting level of {@code node} itself: 1 for a whole body, 2 for a field of it
     */
    public static void check(JsonNode node, String root, int level) {
        check(node, root, level, root == null || root.isEmpty() ? null : root);
    }

    /** {@code top}: the body's member the value is under, named by a refusal for depth (the full path is long). */
    private static void check(JsonNode node, String root, int level, String top) {
        if (node == null) {
            return;
        }
        if (node.isContainerNode()) {
            if (level > MAX_DEPTH) {
                throw tooDeep(top == null ? root : top);
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    var field = it.next();
                    String path = join(root, field.getKey());
                    text(field.getKey(), path, "key");
                    check(field.getValue(), path, level + 1, top == null ? path : top);
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    String path = root + "[" + i + "]";
                    check(node.get(i), path, level + 1, top == null ? path : top);
                }
            }
        } else if (node.isTextual()) {
            text(node.textValue(), root, "text");
        } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw new InvalidInputException(root, "'" + root + "' is a number beyond what can be stored "
                    + "(at most ±1.7976931348623157e308).");
        }
    }

    /** A text field (a name, a note) that is stored: no NUL, no unpaired surrogate. */
    public static void text(String value, String path, String what) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new InvalidInputException(path, "The " + what + " at '" + path + "' contains a NUL "
                        + "character (\\u0000), which cannot be stored; remove it.");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw new InvalidInputException(path, "The " + what + " at '" + path + "' contains an unpaired "
                            + "surrogate (\\u" + Integer.toHexString(c) + "), which is not valid Unicode.");
                }
                i++;
            }
        }
    }

    /** The refusal for a value nested past the limit; {@code field} is where it starts (e.g. {@code input_data}). */
    public static InvalidInputException tooDeep(String field) {
        String shown = field == null || field.isEmpty() ? "The body" : "'" + field + "'";
        return new InvalidInputException(field == null ? "" : field, shown + " is nested more than " + MAX_DEPTH
                + " levels deep; at most " + MAX_DEPTH + " levels are accepted (the outer object is level 1).") {
            @Override
            public Map<String, Object> details() {
                return Map.of("limit", MAX_DEPTH);
            }

            @Override
            public InvalidInputException under(String parent) {
                return tooDeep(parent);
            }
        };
    }

    /** A path as the API names fields: {@code a.b[2].c}; a key with odd characters shown escaped. */
    public static String join(String root, String key) {
        String shown = escape(key);
        return root == null || root.isEmpty() ? shown : root + "." + shown;
    }

    private static String escape(String key) {
        StringBuilder out = null;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(key.substring(0, i));
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? key : out.toString();
    }
}
