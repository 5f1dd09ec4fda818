package com.fitnesscrm.orchestrator.progress.ui;

import com.fitnesscrm.orchestrator.progress.ProgressAnalysis.Point;
import com.fitnesscrm.orchestrator.progress.ProgressAnalysis.Series;
import com.fitnesscrm.orchestrator.progress.ProgressReport.GoalForecast;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One metric's chart as SVG, drawn on the server: raw readings (grey), anomalies (red rings), the EMA trend (blue),
 * the fitted rate over its window (dark blue dashed) projected to the goal, the goal (green dashed) and the ETA band
 * (green) with the expected date. No npm build can run here (STACK.md,
 * pitfall 1), and an SVG shown through {@code <img>} runs no scripts; text is XML-escaped all the same.
 */
final class ProgressChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    private ProgressChart() {
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
        double pad = Math.max((max - min) * 0.08, 0.5);
        Scale scale = new Scale(first, Math.max(1, ChronoUnit.DAYS.between(first, last)), min - pad, max + pad);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        if (goal != null && goal.eta() != null) {
            double x1 = scale.x(goal.eta().earliest());
            double x2 = scale.x(goal.eta().latest());
            svg.append(rect(x1, TOP, Math.max(1, x2 - x1), HEIGHT - TOP - BOTTOM, "#2e7d32", "0.15"));
            double xe = scale.x(goal.eta().expected());
            svg.append(line(xe, TOP, xe, HEIGHT - BOTTOM, "#2e7d32", "1", null));
            svg.append(text(Math.min(xe + 3, WIDTH - 90), TOP + 12, "ETA " + goal.eta().expected(), "#2e7d32"));
        }
        if (goal != null) {
            double y = scale.y(goal.target());
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#2e7d32", "1.5", "6 4"));
            svg.append(text(LEFT + 4, y - 4, "goal " + number(goal.target()) + " " + unit, "#2e7d32"));
        }
        for (Point p : series.raw()) {
            svg.append(circle(scale.x(p.date()), scale.y(p.value()), 2.5, "#9e9e9e", null));
        }
        StringBuilder trend = new StringBuilder();
        for (Point p : series.trend()) {
            trend.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(p.date()), scale.y(p.value())));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"")
                .append(trend.toString().strip()).append("\"/>");
        if (series.fitStart() != null && series.fitEnd() != null) {
            // the measured rate over its window, and where it leads
            svg.append(line(scale.x(series.fitStart().date()), scale.y(series.fitStart().value()),
                    scale.x(series.fitEnd().date()), scale.y(series.fitEnd().value()), "#0d47a1", "1.5", "4 3"));
            if (goal != null && goal.eta() != null && "measured_trend".equals(goal.eta().basis())) {
                svg.append(line(scale.x(series.fitEnd().date()), scale.y(series.fitEnd().value()),
                        scale.x(goal.eta().expected()), scale.y(goal.target()), "#2e7d32", "1.5", "2 3"));
            }
        }
        for (Point p : series.anomalies()) {
            svg.append(circle(scale.x(p.date()), scale.y(p.value()), 6, "none", "#c62828"));
        }
        svg.append(axes(scale, first, last, unit));
        return svg.append("</svg>").toString();
    }

    private static String axes(Scale scale, LocalDate first, LocalDate last, String unit) {
        StringBuilder axes = new StringBuilder();
        axes.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#616161", "1", null));
        axes.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#616161", "1", null));
        axes.append(text(LEFT, HEIGHT - 12, first.toString(), "#424242"));
        axes.append(text(WIDTH - RIGHT - 64, HEIGHT - 12, last.toString(), "#424242"));
        axes.append(text(4, scale.y(scale.top()) + 10, number(scale.top()), "#424242"));
        axes.append(text(4, scale.y(scale.bottom()), number(scale.bottom()), "#424242"));
        axes.append(text(4, HEIGHT / 2.0, unit, "#424242"));
        return axes.toString();
    }

    private record Scale(LocalDate first, long days, double bottom, double top) {

        double x(LocalDate date) {
            return LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(first, date) / (double) days;
        }

        double y(double value) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (top - value) / (top - bottom);
        }
    }

    private static String rect(double x, double y, double w, double h, String fill, String opacity) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
                + "fill-opacity=\"%s\"/>", x, y, w, h, fill, opacity);
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, String width,
                               String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"%s\"%s/>", x1, y1, x2, y2, stroke, width,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String circle(double x, double y, double r, String fill, String stroke) {
        return String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"%s/>", x, y, r,
                fill, stroke == null ? "" : " stroke=\"" + stroke + "\" stroke-width=\"2\"");
    }

    private static String text(double x, double y, String content, String fill) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>", x, y, fill,
                escape(content));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
