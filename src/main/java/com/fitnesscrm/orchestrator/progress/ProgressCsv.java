package com.fitnesscrm.orchestrator.progress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measurements as a trainer pastes or uploads them: CSV with a header naming the input fields, e.g.
 * {@code date,weight_kg,waist_cm} (or {@code weight_lb}, {@code waist_in}); without a header, {@code date,weight_kg}.
 * Commas, semicolons or tabs separate; an empty cell is no reading. The rows become the input's {@code measurements}.
 */
public final class ProgressCsv {

    static final int MAX_LINES = 5000;
    private static final Pattern ROW = Pattern.compile("measurements\\[(\\d+)](\\.)?");

    private ProgressCsv() {
    }

    /** The Progress Monitor's input from pasted CSV and an optional goal ({@code metric} null for none). */
    public static com.fasterxml.jackson.databind.node.ObjectNode input(String csv, Metric metric, Double target,
                                                                       java.time.LocalDate byDate) {
        var input = JsonNodeFactory.instance.objectNode();
        input.set("measurements", measurements(csv));
        if (metric != null && target != null) {
            var goal = input.putArray("goals").addObject().put("metric", metric.code()).put("target", target);
            if (byDate != null) {
                goal.put("by_date", byDate.toString());
            }
        }
        return input;
    }

    /** @throws InvalidInputException naming the line, e.g. {@code line 3} */
    public static ArrayNode measurements(String text) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        List<String> lines = text == null ? List.of() : text.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (lines.isEmpty()) {
            return rows;
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("csv", "At most " + MAX_LINES + " lines, not " + lines.size() + ".");
        }
        boolean header = !Character.isDigit(lines.get(0).charAt(0));
        String[] columns = header ? split(lines.get(0)) : new String[] {"date", "weight_kg"};
        if (!columns[0].strip().equalsIgnoreCase("date")) {
            throw new InvalidInputException("line 1", "The first column must be 'date'.");
        }
        for (int i = header ? 1 : 0; i < lines.size(); i++) {
            String[] cells = split(lines.get(i));
            var row = rows.addObject();
            row.put("date", cells[0].strip());
            for (int c = 1; c < columns.length && c < cells.length; c++) {
                String cell = cells[c].strip();
                if (cell.isEmpty()) {
                    continue;
                }
                try {
                    row.put(columns[c].strip().toLowerCase(), Double.parseDouble(cell.replace(',', '.')));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("line " + (i + 1), "Line " + (i + 1) + ": '" + cell
                            + "' in column '" + columns[c].strip() + "' is not a number.");
                }
            }
        }
        return rows;
    }

    /** The reader's {@code measurements[4].date} as the trainer's "line 6" (with a header line). */
    public static String describe(InvalidInputException e, String text) {
        String firstLine = text == null ? "" : text.strip();
        int offset = !firstLine.isEmpty() && !Character.isDigit(firstLine.charAt(0)) ? 2 : 1;
        Matcher row = ROW.matcher(e.getMessage());
        StringBuilder result = new StringBuilder();
        while (row.find()) {
            row.appendReplacement(result, "line " + (Integer.parseInt(row.group(1)) + offset)
                    + (row.group(2) == null ? "" : ", "));
        }
        row.appendTail(result);
        return result.toString();
    }

    private static String[] split(String line) {
        return line.split(line.contains(";") ? ";" : line.contains("\t") ? "\t" : ",", -1);
    }
}
