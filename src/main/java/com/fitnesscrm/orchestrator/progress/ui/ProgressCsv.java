package com.fitnesscrm.orchestrator.progress.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.progress.Metric;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measurements as a trainer pastes or uploads them: CSV with a header naming the input fields, e.g.
 * {@code date,weight_kg,waist_cm} (or {@code weight_lb}, {@code waist_in}); without a header, {@code date,weight_kg}.
 * The separator is read from the first line: a tab, a semicolon (then a decimal comma is read as a point: what
 * European Excel writes, {@code 05/01/2026;81,5}) or a comma (a decimal comma only inside quotes). Dates are ISO
 * ({@code 2026-01-05}), {@code DD.MM.YYYY}, or {@code DD/MM/YYYY} and {@code MM/DD/YYYY}: which of the two the file
 * uses is decided by any date whose day is above 12; when none is, the caller must say ({@link DateOrder}). A byte
 * order mark, CRLF line ends, blank lines and {@code #} comments are ignored; an empty cell is no reading. Errors
 * name the line as the trainer's editor numbers it, and the column. The rows become the input's
 * {@code measurements}.
 */
public final class ProgressCsv {

    static final int MAX_LINES = 5000;
    private static final Pattern ROW = Pattern.compile("measurements\\[(\\d+)](\\.)?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ T].*)?");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?: .*)?");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})(?: .*)?");
    /** Digits with at most one decimal point; no exponent, hex, NaN or Infinity that Java would also take. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final String DATE_FORMATS = "write it as 2026-01-31, 31/01/2026, 01/31/2026 or 31.01.2026";

    /** How to read a date like {@code 03/04/2026}: 3 April (day first) or March 4 (month first). */
    public enum DateOrder {
        DAY_FIRST, MONTH_FIRST;

        /** The order the locale writes short dates in ({@code en-US} month first, {@code de}, {@code en-GB} day). */
        public static DateOrder of(Locale locale) {
            String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                    IsoChronology.INSTANCE, locale == null ? Locale.ROOT : locale);
            int day = pattern.indexOf('d');
            int month = pattern.indexOf('M');
            return month >= 0 && day >= 0 && month < day ? MONTH_FIRST : DAY_FIRST;
        }
    }

    /** Refused because every date could be read either way and no order was given: the caller asks the trainer. */
    public static final class DateOrderNeededException extends InvalidInputException {

        DateOrderNeededException(String example) {
            super("date_order", "Dates like " + example + " can be read day first or month first, and no date in "
                    + "the file has a day above 12 to tell: choose whether the day or the month comes first.");
        }
    }

    private record Line(int number, String text) {
    }

    private record Table(char separator, List<String> columns, List<Line> rows) {
    }

    /** The order to read slashed dates in ({@code null}: not known), and a date that leaves it open. */
    private record Dates(DateOrder order, String openExample) {
    }

    private ProgressCsv() {
    }

    /** The Progress Monitor's input from pasted CSV and an optional goal ({@code metric} null for none). */
    public static ObjectNode input(String csv, Metric metric, Double target, LocalDate byDate) {
        return input(csv, null, metric, target, byDate);
    }

    /**
     * As {@link #input(String, Metric, Double, LocalDate)}, reading dates the file leaves open in {@code order}.
     *
     * @throws DateOrderNeededException when the file's dates are all ambiguous and {@code order} is null
     */
    public static ObjectNode input(String csv, DateOrder order, Metric metric, Double target, LocalDate byDate) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.set("measurements", measurements(csv, order));
        if (metric != null && target != null) {
            ObjectNode goal = input.putArray("goals").addObject().put("metric", metric.code()).put("target", target);
            if (byDate != null) {
                goal.put("by_date", byDate.toString());
            }
        }
        return input;
    }

    /** @throws InvalidInputException naming the line and column, e.g. {@code line 3} */
    public static ArrayNode measurements(String text) {
        return measurements(text, null);
    }

    /** @throws InvalidInputException naming the line and column; {@link DateOrderNeededException} as above */
    public static ArrayNode measurements(String text, DateOrder order) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        Table table = table(text);
        if (table == null) {
            return rows;
        }
        List<String[]> cells = new ArrayList<>();
        for (Line line : table.rows()) {
            cells.add(cells(line, table));
        }
        Dates dates = dateOrder(table, cells, order);
        // Left open: read the file anyway, so that its other faults are said before the question is asked.
        DateOrder fileOrder = dates.order() == null ? DateOrder.DAY_FIRST : dates.order();
        for (int r = 0; r < cells.size(); r++) {
            Line line = table.rows().get(r);
            String[] row = cells.get(r);
            ObjectNode json = rows.addObject();
            json.put("date", isoDate(row[0], line.number(), fileOrder));
            for (int c = 1; c < row.length; c++) {
                String cell = row[c];
                if (cell.isEmpty()) {
                    continue;
                }
                String column = c < table.columns().size() ? table.columns().get(c) : "";
                if (column.isEmpty()) {
                    throw new InvalidInputException("line " + line.number(), "Line " + line.number() + ": '" + cell
                            + "' is in column " + (c + 1) + ", which the header does not name.");
                }
                json.put(column, number(cell, column, line.number()));
            }
        }
        if (dates.order() == null && dates.openExample() != null) {
            throw new DateOrderNeededException(dates.openExample());
        }
        return rows;
    }

    /** Whether the file's dates can be read either way, so the trainer must say which (and nothing else is wrong). */
    public static boolean needsDateOrder(String text) {
        try {
            measurements(text, null);
            return false;
        } catch (DateOrderNeededException e) {
            return true;
        } catch (InvalidInputException e) {
            return false; // reported when the file is read for real
        }
    }

    /**
     * A file to start from, as Excel in {@code locale} reads it: the header and two example rows, separated by
     * semicolons with decimal commas where the locale writes decimals with a comma, else by commas.
     */
    public static String template(Locale locale) {
        boolean decimalComma = DecimalFormatSymbols.getInstance(locale == null ? Locale.ROOT : locale)
                .getDecimalSeparator() == ',';
        String lines = """
                date,weight_kg,body_fat_pct,waist_cm
                2026-01-05,84.2,22.5,92
                2026-01-06,84.0,,91.5
                """;
        if (decimalComma) {
            lines = lines.replace(',', ';').replace('.', ',');
        }
        return lines.replace("\n", "\r\n"); // as Excel writes it
    }

    /** The reader's {@code measurements[4].date} as the trainer's "line 6, date" (counting every line of the text). */
    public static String describe(InvalidInputException e, String text) {
        Table table;
        try {
            table = table(text);
        } catch (InvalidInputException unreadable) {
            table = null;
        }
        Matcher row = ROW.matcher(e.getMessage());
        StringBuilder result = new StringBuilder();
        while (row.find()) {
            int index = Integer.parseInt(row.group(1));
            String line = table != null && index < table.rows().size()
                    ? String.valueOf(table.rows().get(index).number()) : "?";
            row.appendReplacement(result, "line " + line + (row.group(2) == null ? "" : ", "));
        }
        row.appendTail(result);
        return result.toString();
    }

    /** The lines that hold something, numbered as in the text, with the separator and the columns. */
    private static Table table(String text) {
        if (text == null) {
            return null;
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel's UTF-8 byte order mark
        String[] all = body.split("\r\n|\r|\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (!line.isEmpty() && !line.startsWith("#") && !isOnlySeparators(line)) {
                lines.add(new Line(i + 1, all[i]));
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("csv", "At most " + MAX_LINES + " lines, not " + lines.size() + ".");
        }
        Line first = lines.get(0);
        char separator = separator(first.text());
        String[] firstCells = split(first.text(), separator);
        boolean header = firstCells.length > 0 && !firstCells[0].isEmpty() && !Character.isDigit(firstCells[0]
                .charAt(0));
        List<String> columns = new ArrayList<>();
        if (header) {
            for (String cell : firstCells) {
                columns.add(cell.toLowerCase(Locale.ROOT));
            }
            if (!columns.get(0).equals("date")) {
                throw new InvalidInputException("line " + first.number(), "Line " + first.number() + ": the first "
                        + "column must be 'date', not '" + firstCells[0] + "'.");
            }
        } else {
            columns.addAll(List.of("date", "weight_kg"));
        }
        return new Table(separator, columns, header ? lines.subList(1, lines.size()) : lines);
    }

    /** Excel writes {@code ;;;} for a row it thinks is in use: it is an empty line. */
    private static boolean isOnlySeparators(String line) {
        return line.chars().allMatch(c -> c == ';' || c == ',' || c == '\t' || c == ' ' || c == '"');
    }

    /** A tab or semicolon in the first line is the separator (a comma there may be a decimal); else a comma. */
    private static char separator(String firstLine) {
        boolean quoted = false;
        boolean semicolon = false;
        for (char c : firstLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\t') {
                return '\t';
            } else if (!quoted && c == ';') {
                semicolon = true;
            }
        }
        return semicolon ? ';' : ',';
    }

    private static String[] cells(Line line, Table table) {
        String[] cells = split(line.text(), table.separator());
        int named = table.columns().size();
        for (int c = named; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
                String hint = table.separator() == ','
                        ? " A decimal comma in a comma-separated file? Write 81.5, or separate the columns with ';'."
                        : "";
                throw new InvalidInputException("line " + line.number(), "Line " + line.number() + " has "
                        + cells.length + " values, but the header names " + named + " columns." + hint);
            }
        }
        return cells;
    }

    /** Cells split at {@code separator} outside double quotes, unquoted ({@code ""} is a quote) and stripped. */
    private static String[] split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells.toArray(String[]::new);
    }

    /**
     * The order the file's slashed dates are in: decided by a day above 12, else {@code given}; a file that has both
     * orders is refused.
     */
    private static Dates dateOrder(Table table, List<String[]> cells, DateOrder given) {
        Line dayFirst = null;
        Line monthFirst = null;
        String ambiguous = null;
        for (int r = 0; r < cells.size(); r++) {
            Matcher slashed = SLASHED.matcher(cells.get(r)[0]);
            if (!slashed.matches()) {
                continue;
            }
            int a = Integer.parseInt(slashed.group(1));
            int b = Integer.parseInt(slashed.group(3));
            Line line = table.rows().get(r);
            if (a > 12 && b <= 12 && dayFirst == null) {
                dayFirst = line;
            } else if (b > 12 && a <= 12 && monthFirst == null) {
                monthFirst = line;
            } else if (a <= 12 && b <= 12 && ambiguous == null) {
                ambiguous = cells.get(r)[0];
            }
        }
        if (dayFirst != null && monthFirst != null) {
            Line later = dayFirst.number() > monthFirst.number() ? dayFirst : monthFirst;
            Line earlier = later == dayFirst ? monthFirst : dayFirst;
            throw new InvalidInputException("line " + later.number(), "Line " + later.number() + ": '"
                    + dateCell(table, later) + "' in column 'date' puts the " + (later == dayFirst ? "day" : "month")
                    + " first, but line " + earlier.number() + " ('" + dateCell(table, earlier) + "') puts the "
                    + (later == dayFirst ? "month" : "day") + " first; use one order in the whole file.");
        }
        if (dayFirst != null) {
            return new Dates(DateOrder.DAY_FIRST, null);
        }
        if (monthFirst != null) {
            return new Dates(DateOrder.MONTH_FIRST, null);
        }
        return new Dates(given, ambiguous);
    }

    private static String dateCell(Table table, Line line) {
        return split(line.text(), table.separator())[0];
    }

    /**
     * The date as ISO text; whether it is a real day (not 2026-02-30) the input reader checks, naming the field,
     * which {@link #describe} turns into the line.
     */
    private static String isoDate(String cell, int line, DateOrder order) {
        Matcher iso = ISO.matcher(cell);
        if (iso.matches()) {
            return iso(iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher dotted = DOTTED.matcher(cell);
        if (dotted.matches()) {
            return iso(dotted.group(3), dotted.group(2), dotted.group(1));
        }
        Matcher slashed = SLASHED.matcher(cell);
        if (slashed.matches()) {
            int a = Integer.parseInt(slashed.group(1));
            int b = Integer.parseInt(slashed.group(3));
            if (a > 12 && b > 12) {
                throw new InvalidInputException("line " + line, "Line " + line + ": '" + cell + "' in column "
                        + "'date' has no month (both " + a + " and " + b + " are above 12).");
            }
            boolean monthFirst = order == DateOrder.MONTH_FIRST;
            return iso(slashed.group(4), monthFirst ? slashed.group(1) : slashed.group(3),
                    monthFirst ? slashed.group(3) : slashed.group(1));
        }
        throw new InvalidInputException("line " + line, "Line " + line + ": '" + cell + "' in column 'date' is not "
                + "a date; " + DATE_FORMATS + ".");
    }

    private static String iso(String year, String month, String day) {
        return year + "-" + (month.length() == 1 ? "0" : "") + month + "-" + (day.length() == 1 ? "0" : "") + day;
    }

    private static double number(String cell, String column, int line) {
        // With ';' or a tab between the columns a comma is a decimal comma; with ',' it can be one inside quotes.
        String text = cell.replace(',', '.');
        if (NUMBER.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        throw new InvalidInputException("line " + line, "Line " + line + ": '" + cell + "' in column '" + column
                + "' is not a number.");
    }
}
