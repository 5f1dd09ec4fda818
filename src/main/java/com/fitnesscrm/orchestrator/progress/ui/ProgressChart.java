package com.fitnesscrm.orchestrator.progress.ui;

import static com.fitnesscrm.orchestrator.base.ui.Svg.circle;
import static com.fitnesscrm.orchestrator.base.ui.Svg.line;
import static com.fitnesscrm.orchestrator.base.ui.Svg.rect;
import static com.fitnesscrm.orchestrator.base.ui.Svg.text;

import com.fitnesscrm.orchestrator.progress.ProgressAnalysis.Point;
import com.fitnesscrm.orchestrator.progress.ProgressAnalysis.Series;
import com.fitnesscrm.orchestrator.progress.ProgressReport.GoalForecast;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One metric's chart as SVG, drawn on the server: raw readings, anomalies (rings), the EMA trend, the fitted rate over
 * its window projected to the goal, the goal line and the ETA band with the expected date; a y-axis with 4–6 round
 * ticks and the unit, an x-axis with date ticks. No npm build can run here (STACK.md, pitfall 1), so no chart library.
 *
 * <p>Each shape carries a class ({@code pc-…}) that the theme's styles.css colours with Lumo's properties, so the chart
 * follows the light and dark theme when it is part of the page; the presentation attributes are the fallback
 * colours when the SVG is opened on its own. Every text is XML-escaped; no text of a user, the LLM or the database is
 * drawn (dates, numbers, and the metric's unit and label from our own {@code Metric}).
 */
final class ProgressChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 24;
    private static final int BOTTOM = 36;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private ProgressChart() {
    }

    /** What the legend beside the chart lists, in order: a name and the {@code pc-…} class of its swatch. */
    static Map<String, String> legend(Series series, GoalForecast goal, String unit) {
        Map<String, String> legend = new LinkedHashMap<>();
        legend.put("Readings", "pc-raw");
        legend.put("Trend (moving average)", "pc-trend");
        if (series.fitStart() != null && series.fitEnd() != null) {
            legend.put("Measured rate", "pc-fit");
        }
        if (goal != null) {
            legend.put("Goal " + number(goal.target(), 0.1) + " " + unit, "pc-goal");
            if (goal.eta() != null) {
                legend.put("Expected date and range", "pc-eta");
            }
        }
        if (!series.anomalies().isEmpty()) {
            legend.put("Anomaly (left out of the trend)", "pc-anomaly");
        }
        return legend;
    }

    static String svg(Series series, GoalForecast goal, String unit) {
        LocalDate first = series.raw().get(0).date();
        LocalDate last = series.raw().get(series.raw().size() - 1).date();
        if (goal != null && goal.eta() != null && goal.eta().latest().isAfter(last)) {
            last = goal.eta().latest();
        }
        List<Double> values = new ArrayList<>();
        series.raw().forEach(p -> values.add(p.value()));
        series.trend().forEach(p -> values.add(p.value()));
        if (goal != null) {
            values.add(goal.target());
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        Ticks ticks = Ticks.of(min, max);
        Scale scale = new Scale(first, Math.max(1, ChronoUnit.DAYS.between(first, last)), ticks.from(), ticks.to());

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pc-svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">");
        svg.append(grid(scale, ticks, first, last, unit));
        if (goal != null && goal.eta() != null) {
            double x1 = scale.x(goal.eta().earliest());
            double x2 = scale.x(goal.eta().latest());
            svg.append(rect(x1, TOP, Math.max(1, x2 - x1), HEIGHT - TOP - BOTTOM, "#2e7d32", "0.15", "pc-eta"));
            double xe = scale.x(goal.eta().expected());
            svg.append(line(xe, TOP, xe, HEIGHT - BOTTOM, "#2e7d32", "1", null, "pc-goal"));
            svg.append(text(Math.min(xe + 3, WIDTH - 90), TOP + 12, "ETA " + goal.eta().expected(), "#2e7d32",
                    "pc-goal-text", null));
        }
        if (goal != null) {
            double y = scale.y(goal.target());
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#2e7d32", "1.5", "6 4", "pc-goal"));
            svg.append(text(LEFT + 4, y - 4, "goal " + number(goal.target(), 0.1) + " " + unit, "#2e7d32",
                    "pc-goal-text", null));
        }
        for (Point p : series.raw()) {
            svg.append(circle(scale.x(p.date()), scale.y(p.value()), 2.5, "#9e9e9e", null, "pc-raw"));
        }
        StringBuilder trend = new StringBuilder();
        for (Point p : series.trend()) {
            trend.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(p.date()), scale.y(p.value())));
        }
        svg.append("<polyline class=\"pc-trend\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"")
                .append(trend.toString().strip()).append("\"/>");
        if (series.fitStart() != null && series.fitEnd() != null) {
            // the measured rate over its window, and where it leads
            svg.append(line(scale.x(series.fitStart().date()), scale.y(series.fitStart().value()),
                    scale.x(series.fitEnd().date()), scale.y(series.fitEnd().value()), "#0d47a1", "1.5", "4 3",
                    "pc-fit"));
            if (goal != null && goal.eta() != null && "measured_trend".equals(goal.eta().basis())) {
                svg.append(line(scale.x(series.fitEnd().date()), scale.y(series.fitEnd().value()),
                        scale.x(goal.eta().expected()), scale.y(goal.target()), "#2e7d32", "1.5", "2 3",
                        "pc-goal"));
            }
        }
        for (Point p : series.anomalies()) {
            svg.append(circle(scale.x(p.date()), scale.y(p.value()), 6, "none", "#c62828", "pc-anomaly"));
        }
        return svg.append("</svg>").toString();
    }

    /** The grid lines, both axes with their ticks, and the unit over the y-axis. */
    private static String grid(Scale scale, Ticks ticks, LocalDate first, LocalDate last, String unit) {
        StringBuilder axes = new StringBuilder();
        for (double value : ticks.values()) {
            double y = scale.y(value);
            axes.append(line(LEFT, y, WIDTH - RIGHT, y, "#e0e0e0", "1", null, "pc-grid"));
            axes.append(text(LEFT - 6, y + 4, number(value, ticks.step()), "#424242", "pc-tick pc-y-tick", "end"));
        }
        List<LocalDate> dates = dateTicks(first, last);
        boolean months = dates.size() > 1 && dates.get(0).getDayOfMonth() == 1 && dates.get(1).getDayOfMonth() == 1;
        boolean years = first.getYear() != last.getYear();
        for (LocalDate date : dates) {
            double x = scale.x(date);
            axes.append(line(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4, "#616161", "1", null, "pc-axis"));
            String label = months ? MONTH.format(date) : (years ? DAY_YEAR : DAY).format(date);
            // a label centred on a tick near the right edge would be cut off by the drawing's border
            boolean atEnd = x > WIDTH - RIGHT - 36;
            axes.append(text(atEnd ? Math.min(x + 8, WIDTH - 2) : x, HEIGHT - BOTTOM + 16, label, "#424242",
                    "pc-tick pc-x-tick", atEnd ? "end" : "middle"));
        }
        axes.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#616161", "1", null, "pc-axis"));
        axes.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#616161", "1", null, "pc-axis"));
        axes.append(text(LEFT - 6, TOP - 10, unit, "#424242", "pc-tick pc-unit", "end"));
        return axes.toString();
    }

    /** Round values for the y-axis: 4 to 6 ticks of 1, 2, 2.5 or 5 times a power of ten, spanning the data. */
    record Ticks(double from, double to, double step) {

        static Ticks of(double min, double max) {
            if (max - min < 1e-9) {
                double pad = Math.max(Math.abs(min) * 0.02, 0.5);
                min -= pad;
                max += pad;
            }
            // a little room, so no reading sits on the frame
            double margin = (max - min) * 0.04;
            min -= margin;
            max += margin;
            double range = max - min;
            Ticks best = null;
            int top = (int) Math.floor(Math.log10(range)) + 1;
            for (int exponent = top - 2; exponent <= top; exponent++) {
                for (double mantissa : new double[] {1, 2, 2.5, 5}) {
                    double step = mantissa * Math.pow(10, exponent);
                    Ticks candidate = new Ticks(Math.floor(min / step + 1e-9) * step,
                            Math.ceil(max / step - 1e-9) * step, step);
                    if (candidate.count() >= 4 && candidate.count() <= 6) {
                        return candidate;
                    }
                    // none in 4..6 cannot happen for these steps; the nearest to 5 if it ever did
                    if (best == null || Math.abs(candidate.count() - 5) < Math.abs(best.count() - 5)) {
                        best = candidate;
                    }
                }
            }
            return best;
        }

        long count() {
            return Math.round((to - from) / step) + 1;
        }

        List<Double> values() {
            List<Double> values = new ArrayList<>();
            for (long i = 0; i < count(); i++) {
                values.add(Double.parseDouble(number(from + i * step, step))); // 21.2, not 21.200000000000003
            }
            return values;
        }
    }

    /** Dates for the x-axis: days, weeks (Mondays), months or quarters, whichever gives at most 8 ticks. */
    static List<LocalDate> dateTicks(LocalDate first, LocalDate last) {
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        for (int step : new int[] {1, 2, 7, 14}) {
            if (days / step <= 7) {
                LocalDate start = step >= 7 ? first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)) : first;
                return every(start, last, step, ChronoUnit.DAYS);
            }
        }
        for (int step : new int[] {1, 2, 3, 6, 12, 24, 60}) {
            if (ChronoUnit.MONTHS.between(first, last) / step <= 7) {
                LocalDate start = first.getDayOfMonth() == 1 ? first : first.plusMonths(1).withDayOfMonth(1);
                return every(start, last, step, ChronoUnit.MONTHS);
            }
        }
        return List.of(first, last);
    }

    private static List<LocalDate> every(LocalDate start, LocalDate last, int step, ChronoUnit unit) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = start; !date.isAfter(last); date = date.plus(step, unit)) {
            dates.add(date);
        }
        return dates;
    }

    private record Scale(LocalDate first, long days, double bottom, double top) {

        double x(LocalDate date) {
            return LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(first, date) / (double) days;
        }

        double y(double value) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (top - value) / (top - bottom);
        }
    }

    /** A value with as many decimals as {@code step} needs (2.5 → one, 0.25 → two, 5 → none). */
    static String number(double value, double step) {
        int decimals = 0;
        while (decimals < 4 && Math.abs(step * Math.pow(10, decimals) - Math.round(step * Math.pow(10, decimals)))
                > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
