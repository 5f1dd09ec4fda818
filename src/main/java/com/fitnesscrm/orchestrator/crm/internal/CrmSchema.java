package com.fitnesscrm.orchestrator.crm.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which CRM tables and columns exist, as found at the last discovery (immutable; replaced whole on refresh). A table
 * counts as usable only with all its required columns; an absent optional column is read as NULL.
 */
final class CrmSchema {

    static final CrmSchema NONE = new CrmSchema(Map.of());

    private final Map<CrmTable, Set<String>> columns;

    CrmSchema(Map<CrmTable, Set<String>> columns) {
        this.columns = columns.isEmpty() ? Map.of() : new EnumMap<>(columns);
    }

    /** The table exists with every required column. */
    boolean usable(CrmTable table) {
        Set<String> present = columns.get(table);
        return present != null && present.containsAll(table.required());
    }

    boolean has(CrmTable table, String column) {
        Set<String> present = columns.get(table);
        return present != null && present.contains(column);
    }

    boolean found() {
        return !columns.isEmpty();
    }

    List<CrmTable> present() {
        return columns.keySet().stream().sorted().toList();
    }

    /** {@code col} or {@code NULL AS col}, for every column of the table this feature reads. */
    String select(CrmTable table, String alias) {
        List<String> parts = new ArrayList<>();
        for (String column : table.required()) {
            parts.add(alias + ".\"" + column + "\" AS " + column);
        }
        for (String column : table.optional()) {
            parts.add(has(table, column) ? alias + ".\"" + column + "\" AS " + column : "NULL AS " + column);
        }
        return String.join(", ", parts);
    }

    /** Per table found, the columns this feature reads that it lacks. */
    Map<String, List<String>> missingColumns() {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (CrmTable table : present()) {
            List<String> lacking = new ArrayList<>();
            for (String column : table.required()) {
                if (!has(table, column)) {
                    lacking.add(column);
                }
            }
            for (String column : table.optional()) {
                if (!has(table, column)) {
                    lacking.add(column);
                }
            }
            if (!lacking.isEmpty()) {
                missing.put(table.table(), List.copyOf(lacking));
            }
        }
        return missing;
    }

    /**
     * One sentence per degraded feature. With no CRM table at all there is nothing to degrade (the agents simply work
     * from their requests), so the list is empty.
     */
    List<String> degraded() {
        List<String> sentences = new ArrayList<>();
        if (!found()) {
            return sentences;
        }
        for (CrmTable table : CrmTable.values()) {
            Set<String> present = columns.get(table);
            if (present == null) {
                sentences.add("No " + table.table() + " table: " + table.feature() + " unavailable.");
                continue;
            }
            List<String> lackingRequired = table.required().stream().filter(c -> !present.contains(c)).toList();
            if (!lackingRequired.isEmpty()) {
                sentences.add(table.table() + " lacks " + String.join(", ", lackingRequired) + ": "
                        + table.feature() + " unavailable.");
                continue;
            }
            for (String column : table.optional()) {
                if (!present.contains(column)) {
                    sentences.add(table.table() + "." + column + " is missing: " + table.cost(column) + ".");
                }
            }
        }
        return sentences;
    }
}
