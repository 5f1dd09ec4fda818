package com.fitnesscrm.orchestrator.workouts.ui;

import static com.fitnesscrm.orchestrator.base.ui.Svg.escape;

import com.fitnesscrm.orchestrator.workouts.VolumeLandmarks;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weekly hard sets per muscle as an SVG bar chart drawn on the server: one row per muscle, one bar per run of
 * identical weeks (within a block every loading week has the same sets, so "Weeks 1–5" is one bar and the deload
 * another), each bar labelled with its number, an axis with ticks in sets / week, the muscle's MRV as a red mark and,
 * where the MV rule applies, its MV as a dashed one, with a legend. Shown through an {@code <img>}, where SVG cannot
 * run scripts; every text is XML-escaped all the same. {@link #description} says the same in words, for the image's
 * alternative text. The marks come from {@link VolumeLandmarks}.
 */
final class VolumeChart {

    private static final int WIDTH = 640;
    private static final int LABEL = 96;
    private static final int RIGHT = 40;
    private static final int BAR = 10;
    private static final int GAP = 2;
    private static final int ROW_PADDING = 8;
    private static final int LEGEND_ROW = 18;
    private static final int AXIS = 40;
    private static final String[] LOADING_COLOURS = {"#1a73e8", "#12805c", "#8e24aa", "#e37400"};
    private static final String DELOAD_COLOUR = "#9fc5f8";
    private static final String MRV_COLOUR = "#d93025";
    private static final String MV_COLOUR = "#5f6368";

    private VolumeChart() {
    }

    /** A run of consecutive weeks with the same sets: one bar per muscle. */
    record Series(int firstWeek, int lastWeek, boolean deload, Map<String, Double> sets) {

        String label() {
            return (firstWeek == lastWeek ? "Week " + firstWeek : "Weeks " + firstWeek + "–" + lastWeek)
                    + (deload ? " · deload" : "");
        }
    }

    static List<Series> series(WorkoutPlan plan) {
        List<Series> series = new ArrayList<>();
        List<WorkoutPlan.WeekVolume> weeks = plan.weeklySetsPerMuscle();
        for (int index = 0; index < weeks.size(); index++) {
            boolean deload = index < plan.weeks().size() && plan.weeks().get(index).deload();
            Map<String, Double> sets = weeks.get(index).sets();
            Series last = series.isEmpty() ? null : series.get(series.size() - 1);
            if (last != null && last.deload() == deload && last.sets().equals(sets)) {
                series.set(series.size() - 1, new Series(last.firstWeek(), weeks.get(index).week(), deload, sets));
            } else {
                series.add(new Series(weeks.get(index).week(), weeks.get(index).week(), deload, sets));
            }
        }
        return series;
    }

    static String svg(WorkoutPlan plan) {
        List<Series> series = series(plan);
        VolumeLandmarks landmarks = VolumeLandmarks.of(plan);
        Map<Muscle, Double> mv = landmarks.minimum();
        double top = Math.max(26, series.stream().flatMap(s -> s.sets().values().stream())
                .mapToDouble(Double::doubleValue).max().orElse(0));
        int axisMax = (int) Math.ceil(top / 5) * 5;
        double scale = (WIDTH - LABEL - RIGHT) / (double) axisMax;
        int rowHeight = Math.max(1, series.size()) * (BAR + GAP) + ROW_PADDING;
        List<String[]> legend = new ArrayList<>();
        for (int index = 0; index < series.size(); index++) {
            legend.add(new String[] {colour(series, index), series.get(index).label()});
        }
        legend.add(new String[] {"mrv", "MRV (most sets one recovers from)"});
        if (!mv.isEmpty()) {
            legend.add(new String[] {"mv", "MV (fewest sets to keep muscle)"});
        }
        int perLine = 3;
        int legendHeight = ((legend.size() + perLine - 1) / perLine) * LEGEND_ROW + 6;
        int plotTop = legendHeight;
        int plotBottom = plotTop + Muscle.values().length * rowHeight;
        int height = plotBottom + AXIS;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">",
                WIDTH, height, WIDTH, height));
        svg.append("<title>").append(escape("Weekly sets per muscle, " + plan.weeklySetsPerMuscle().size()
                + " weeks")).append("</title>");
        svg.append("<desc>").append(escape(description(plan))).append("</desc>");
        // A light card behind the chart, so that it stays legible on a dark page too.
        svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" rx=\"6\" "
                + "fill=\"#ffffff\"/>", WIDTH, height));
        for (int index = 0; index < legend.size(); index++) {
            int x = 8 + (index % perLine) * ((WIDTH - 16) / perLine);
            int y = 4 + (index / perLine) * LEGEND_ROW;
            String mark = legend.get(index)[0];
            if ("mrv".equals(mark)) {
                svg.append(line(x + 6, x + 6, y, y + 12, MRV_COLOUR, false));
            } else if ("mv".equals(mark)) {
                svg.append(line(x + 6, x + 6, y, y + 12, MV_COLOUR, true));
            } else {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
                        + "fill=\"%s\"/>", x, y, mark));
            }
            svg.append(text(x + 18, y + 10, "start", "#202124", 11, legend.get(index)[1]));
        }
        // Grid lines and the axis first, so the bars and their numbers sit on top.
        for (int tick = 0; tick <= axisMax; tick += 5) {
            double x = LABEL + tick * scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#e0e0e0\""
                    + "/>", x, x, plotTop, plotBottom));
            svg.append(line(x, x, plotBottom, plotBottom + 5, "#5f6368", false));
            svg.append(text(x, plotBottom + 17, "middle", "#3c4043", 11, String.valueOf(tick)));
        }
        svg.append(line(LABEL, LABEL + axisMax * scale, plotBottom, plotBottom, "#5f6368", false));
        svg.append(text(LABEL + axisMax * scale / 2, plotBottom + 33, "middle", "#3c4043", 12, "sets / week"));
        int y = plotTop;
        for (Muscle muscle : Muscle.values()) {
            svg.append(text(LABEL - 8, y + rowHeight / 2.0 + 4, "end", "#202124", 12,
                    muscle.code().replace('_', ' ')));
            for (int index = 0; index < series.size(); index++) {
                Series bar = series.get(index);
                double value = bar.sets().getOrDefault(muscle.code(), 0.0);
                double barY = y + ROW_PADDING / 2.0 + index * (BAR + GAP);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
                        + "fill=\"%s\"><title>%s</title></rect>", LABEL, barY, value * scale, BAR,
                        colour(series, index), escape(bar.label() + ": " + number(value) + " sets of "
                                + muscle.code().replace('_', ' '))));
                svg.append(text(LABEL + value * scale + 3, barY + BAR - 1, "start", "#202124", 10, number(value)));
            }
            int mrv = landmarks.maximum().get(muscle);
            svg.append(line(LABEL + mrv * scale, LABEL + mrv * scale, y + 2, y + rowHeight - 2, MRV_COLOUR, false)
                    .replace("/>", "><title>MRV " + mrv + "</title></line>"));
            if (mv.containsKey(muscle)) {
                double at = LABEL + mv.get(muscle) * scale;
                svg.append(line(at, at, y + 2, y + rowHeight - 2, MV_COLOUR, true)
                        .replace("/>", "><title>MV " + number(mv.get(muscle)) + "</title></line>"));
            }
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    /** The chart in words: each bar's number, per run of weeks, and what the marks mean. */
    static String description(WorkoutPlan plan) {
        StringBuilder text = new StringBuilder("Weekly sets per muscle for each week of the plan, in sets / week");
        for (Series bar : series(plan)) {
            text.append(". ").append(bar.label()).append(": ");
            List<String> values = new ArrayList<>();
            for (Muscle muscle : Muscle.values()) {
                values.add(muscle.code().replace('_', ' ') + " " + number(bar.sets().getOrDefault(muscle.code(),
                        0.0)));
            }
            text.append(String.join(", ", values));
        }
        return text.append(". Red marks: each muscle's MRV").append(VolumeLandmarks.of(plan).minimum().isEmpty() ? ""
                : "; dashed marks: its MV").append('.').toString();
    }

    private static String colour(List<Series> series, int index) {
        if (series.get(index).deload()) {
            return DELOAD_COLOUR;
        }
        int loading = (int) series.subList(0, index).stream().filter(s -> !s.deload()).count();
        return LOADING_COLOURS[loading % LOADING_COLOURS.length];
    }

    private static String line(double x1, double x2, double y1, double y2, String colour, boolean dashed) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"2\"%s/>", x1, x2, y1, y2, colour, dashed ? " stroke-dasharray=\"3 2\"" : "");
    }

    private static String text(double x, double y, String anchor, String colour, int size, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\" "
                + "font-size=\"%d\">%s</text>", x, y, anchor, colour, size, escape(content));
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
