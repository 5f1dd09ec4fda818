package com.fitnesscrm.orchestrator.health.ui;

import static com.fitnesscrm.orchestrator.base.ui.Svg.escape;
import static com.fitnesscrm.orchestrator.base.ui.Svg.line;
import static com.fitnesscrm.orchestrator.base.ui.Svg.rect;
import static com.fitnesscrm.orchestrator.base.ui.Svg.text;

import com.fitnesscrm.orchestrator.health.HealthStatus;
import com.fitnesscrm.orchestrator.health.HealthTimeline;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each component's status over 24 h or 7 d as an SVG drawn on the server: a row per component, coloured by the worst
 * status its checks had in each step (green healthy, amber warning, red critical, grey no check), a time axis and a
 * legend. Steps of the same status are one shape with a tooltip saying when. Shapes and escaping are
 * {@link com.fitnesscrm.orchestrator.base.ui.Svg}'s, as the other charts'; shown through an {@code <img>}, where SVG
 * cannot run scripts, and every text (component names come from the database) is escaped all the same.
 * {@link #description} says the same in words for the image's alternative text.
 */
final class HealthChart {

    static final int WIDTH = 720;
    private static final int LABEL = 110;
    private static final int RIGHT = 12;
    private static final int ROW = 18;
    private static final int TOP = 26;
    private static final int AXIS = 28;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final Map<String, String> LEGEND = Map.of("healthy", "#2e7d32", "warning", "#f9a825",
            "critical", "#c62828", "no check", "#e0e0e0");

    private HealthChart() {
    }

    static String svg(HealthTimeline timeline, ZoneId zone) {
        int rows = Math.max(1, timeline.components().size());
        int height = TOP + rows * ROW + AXIS;
        double step = (WIDTH - LABEL - RIGHT) / (double) timeline.buckets();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "class=\"hc-svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" "
                + "font-size=\"11\" role=\"img\">", WIDTH, height, WIDTH, height));
        svg.append("<title>").append(escape(title(timeline))).append("</title>");
        // A light card behind the chart, so that it stays legible on a dark page too.
        svg.append(rect(0, 0, WIDTH, height, "#ffffff", "1", "hc-card"));
        int x = LABEL;
        for (String status : List.of("healthy", "warning", "critical", "no check")) {
            svg.append(rect(x, 6, 12, 12, LEGEND.get(status), "1", "hc-" + status.replace(' ', '-')));
            svg.append(text(x + 16, 16, status, "#202124", "hc-legend", null));
            x += 100;
        }
        int y = TOP;
        for (Map.Entry<String, List<HealthStatus>> component : timeline.components().entrySet()) {
            svg.append(text(LABEL - 8, y + ROW - 5, component.getKey(), "#202124", "hc-label", "end"));
            List<HealthStatus> statuses = component.getValue();
            int start = 0;
            for (int i = 1; i <= statuses.size(); i++) {
                if (i == statuses.size() || statuses.get(i) != statuses.get(start)) {
                    String name = statuses.get(start) == null ? "no check" : statuses.get(start).code();
                    Instant from = timeline.from().plus(timeline.bucket().multipliedBy(start));
                    Instant to = timeline.from().plus(timeline.bucket().multipliedBy(i));
                    String tooltip = component.getKey() + ": " + name + ", " + WHEN.format(from.atZone(zone)) + "–"
                            + WHEN.format(to.atZone(zone));
                    svg.append(rect(LABEL + start * step, y + 2, (i - start) * step, ROW - 4, LEGEND.get(name), "1",
                            "hc-" + name.replace(' ', '-')).replace("/>", "><title>" + escape(tooltip)
                            + "</title></rect>"));
                    start = i;
                }
            }
            y += ROW;
        }
        svg.append(axis(timeline, zone, y));
        return svg.append("</svg>").toString();
    }

    /** Ticks every 3 hours over a day, every midnight over a week. */
    private static String axis(HealthTimeline timeline, ZoneId zone, int y) {
        StringBuilder axis = new StringBuilder(line(LABEL, y, WIDTH - RIGHT, y, "#616161", "1", null, "hc-axis"));
        boolean week = timeline.bucket().compareTo(Duration.ofHours(1)) >= 0;
        double perSecond = (WIDTH - LABEL - RIGHT) / (double) Duration.between(timeline.from(), timeline.to())
                .toSeconds();
        var tick = timeline.from().atZone(zone).truncatedTo(ChronoUnit.HOURS);
        while (tick.toInstant().isBefore(timeline.to())) {
            boolean shown = week ? tick.getHour() == 0 : tick.getHour() % 3 == 0;
            if (shown && !tick.toInstant().isBefore(timeline.from())) {
                double x = LABEL + Duration.between(timeline.from(), tick.toInstant()).toSeconds() * perSecond;
                axis.append(line(x, y, x, y + 4, "#616161", "1", null, "hc-axis"));
                axis.append(text(Math.min(x, WIDTH - RIGHT - 16), y + 16, (week ? DAY : HOUR).format(tick),
                        "#424242", "hc-tick", "middle"));
            }
            tick = tick.plusHours(1);
        }
        return axis.toString();
    }

    static String title(HealthTimeline timeline) {
        boolean week = timeline.bucket().compareTo(Duration.ofHours(1)) >= 0;
        return "Status of each component over the " + (week ? "last 7 days, by the hour"
                : "last 24 hours, by the quarter hour");
    }

    /** The chart in words: per component, in how many steps it was critical, a warning, or not checked. */
    static String description(HealthTimeline timeline) {
        if (timeline.components().isEmpty()) {
            return title(timeline) + ": no checks stored in this time.";
        }
        List<String> parts = new ArrayList<>();
        timeline.components().forEach((component, statuses) -> parts.add(String.format(Locale.ROOT,
                "%s critical in %d, warning in %d, not checked in %d", component, count(statuses,
                        HealthStatus.CRITICAL), count(statuses, HealthStatus.WARNING), count(statuses, null))));
        return title(timeline) + " (" + timeline.buckets() + " steps): " + String.join("; ", parts) + ".";
    }

    private static long count(List<HealthStatus> statuses, HealthStatus status) {
        return statuses.stream().filter(s -> s == status).count();
    }
}
