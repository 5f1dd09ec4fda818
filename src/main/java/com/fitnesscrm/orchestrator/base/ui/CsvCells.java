package com.fitnesscrm.orchestrator.base.ui;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Cells of a CSV export for spreadsheets: RFC 4180 quoting, and text that a spreadsheet would run as a formula
 * (starting with {@code =}, {@code +}, {@code -} or {@code @}) kept as text with a leading apostrophe (OWASP's CSV
 * injection advice). Plain numbers, negative ones included, stay numbers.
 */
public final class CsvCells {

    /** Line end of every row, as Excel writes it. */
    public static final String LINE_END = "\r\n";

    private CsvCells() {
    }

    /** One row, its cells separated by commas and ended by {@link #LINE_END}; {@code null} is an empty cell. */
    public static String row(List<?> values) {
        return values.stream().map(value -> cell(value == null ? "" : String.valueOf(value)))
                .collect(Collectors.joining(",")) + LINE_END;
    }

    public static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
