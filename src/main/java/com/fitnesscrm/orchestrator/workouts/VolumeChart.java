package com.fitnesscrm.orchestrator.workouts;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weekly hard sets per muscle as an SVG bar chart drawn on the server: one group of bars per muscle, one bar per
 * week (deload weeks lighter), and the muscle's MRV as a tick. Shown through an {@code <img>}, where SVG cannot run
 * scripts; every text is XML-escaped all the same.
 */
public final class VolumeChart {

    private static final int ROW = 26;
    private static final int LABEL = 110;
    private static final int WIDTH = 640;

    private VolumeChart() {
    }

    public static String svg(WorkoutPlan plan) {
        List<WorkoutPlan.WeekVolume> weeks = plan.weeklySetsPerMuscle();
        int height = Muscle.values().length * ROW + 40;
        double scale = (WIDTH - LABEL - 20) / 26.0; // the largest MRV is 26 sets
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">",
                WIDTH, height, WIDTH, height));
        svg.append("<title>").append(escape("Weekly sets per muscle, " + weeks.size() + " weeks")).append("</title>");
        int y = 10;
        for (Muscle muscle : Muscle.values()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 14,
                    escape(muscle.code().replace('_', ' '))));
            double barHeight = Math.max(2.0, (ROW - 6.0) / Math.max(1, weeks.size()));
            for (int index = 0; index < weeks.size(); index++) {
                Map<String, Double> sets = weeks.get(index).sets();
                double value = sets.getOrDefault(muscle.code(), 0.0);
                boolean deload = plan.weeks().get(index).deload();
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s</title></rect>", LABEL, y + index * barHeight, value * scale,
                        barHeight * 0.9, deload ? "#9fc5f8" : "#1a73e8", escape("Week " + (index + 1) + ": "
                                + value + " sets")));
            }
            int mrv = GoalRules.MRV.get(muscle);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#d93025\" "
                    + "stroke-width=\"2\"><title>MRV %d</title></line>", LABEL + mrv * scale, LABEL + mrv * scale, y,
                    y + ROW - 4, mrv));
            y += ROW;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#5f6368\">%s</text>", LABEL, y + 18,
                escape("Bars: sets per week (light = deload). Red tick: MRV.")));
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
