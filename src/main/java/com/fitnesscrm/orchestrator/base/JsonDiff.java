package com.fitnesscrm.orchestrator.base;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two JSON values differ, as a list of paths with the value on each side: objects are compared key by key,
 * arrays index by index, and a changed scalar (or a value whose type changed) is one change at its path. Paths read as
 * the API names fields ({@code plan.weeks[2].sessions[0].name}, see {@link JsonLimits#join}); the whole value is the
 * empty path. Numbers are compared by value, so {@code 1} and {@code 1.0} are the same. At most a given number of
 * changes are listed, so that two large unrelated outputs still compare in bounded time and memory.
 */
public final class JsonDiff {

    /** How many changes {@link #between(JsonNode, JsonNode)} lists at most. */
    public static final int DEFAULT_LIMIT = 500;

    private JsonDiff() {
    }

    /**
     * One place where the two differ.
     *
     * @param left  {@code null}: absent on the left (added on the right); a JSON {@code null} is a {@code NullNode}
     * @param right {@code null}: absent on the right (removed)
     */
    public record Change(String path, JsonNode left, JsonNode right) {
    }

    /**
     * @param changes   in document order: the left side's keys first, then keys only the right side has
     * @param truncated there were more changes than the limit; {@code changes} holds the first ones
     */
    public record Result(List<Change> changes, boolean truncated) {

        public boolean same() {
            return changes.isEmpty();
        }
    }

    /** The changes from {@code left} to {@code right}, at most {@value #DEFAULT_LIMIT}. */
    public static Result between(JsonNode left, JsonNode right) {
        return between(left, right, DEFAULT_LIMIT);
    }

    /**
     * The changes from {@code left} to {@code right}, at most {@code limit}.
     *
     * @param left  {@code null} or a missing node: no value at all
     * @param right {@code null} or a missing node: no value at all
     */
    public static Result between(JsonNode left, JsonNode right, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The limit must be at least 1, not " + limit + ".");
        }
        Collector collector = new Collector(limit);
        collector.compare("", absentAsNull(left), absentAsNull(right));
        return new Result(List.copyOf(collector.changes), collector.truncated);
    }

    private static JsonNode absentAsNull(JsonNode node) {
        return node == null || node.isMissingNode() ? null : node;
    }

    /** Walks both trees, stopping once the limit is passed. */
    private static final class Collector {

        private final int limit;
        private final List<Change> changes = new ArrayList<>();
        private boolean truncated;

        Collector(int limit) {
            this.limit = limit;
        }

        void compare(String path, JsonNode left, JsonNode right) {
            if (truncated) {
                return;
            }
            if (left != null && right != null && left.isObject() && right.isObject()) {
                compareObjects(path, left, right);
            } else if (left != null && right != null && left.isArray() && right.isArray()) {
                compareArrays(path, left, right);
            } else if (!sameScalar(left, right)) {
                add(new Change(path, left, right));
            }
        }

        private void compareObjects(String path, JsonNode left, JsonNode right) {
            Set<String> keys = new LinkedHashSet<>();
            left.fieldNames().forEachRemaining(keys::add);
            right.fieldNames().forEachRemaining(keys::add);
            for (Iterator<String> it = keys.iterator(); it.hasNext() && !truncated; ) {
                String key = it.next();
                compare(JsonLimits.join(path, key), left.get(key), right.get(key));
            }
        }

        private void compareArrays(String path, JsonNode left, JsonNode right) {
            int size = Math.max(left.size(), right.size());
            for (int i = 0; i < size && !truncated; i++) {
                compare(path + "[" + i + "]", left.get(i), right.get(i));
            }
        }

        private void add(Change change) {
            if (changes.size() == limit) {
                truncated = true;
            } else {
                changes.add(change);
            }
        }

        /** Equal leaves; containers of different kinds (or a container and a scalar) are never the same here. */
        private static boolean sameScalar(JsonNode left, JsonNode right) {
            if (left == null || right == null) {
                return left == right;
            }
            if (left.isNumber() && right.isNumber()) {
                try {
                    return left.decimalValue().compareTo(right.decimalValue()) == 0;
                } catch (NumberFormatException notFinite) {
                    // NaN or infinity (JsonLimits keeps them out of storage, not out of every caller's tree)
                    return left.equals(right);
                }
            }
            return left.equals(right);
        }
    }
}
