package com.fitnesscrm.orchestrator.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.progress.ProgressAnalysis.Point;
import com.fitnesscrm.orchestrator.progress.ProgressAnalysis.Series;
import com.fitnesscrm.orchestrator.progress.ProgressReport.Eta;
import com.fitnesscrm.orchestrator.progress.ProgressReport.GoalForecast;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressChartTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);
    private final Series series = new Series(List.of(new Point(DAY, 80), new Point(DAY.plusDays(10), 79)),
            List.of(new Point(DAY, 80), new Point(DAY.plusDays(10), 79.5)), List.of(new Point(DAY.plusDays(10), 79)),
            null, null);

    @Test
    void draws_the_goal_line_the_eta_band_and_rings_the_anomalies() {
        GoalForecast goal = new GoalForecast("weight_kg", 76, "kg", null, 79.5, "on_track",
                new Eta(DAY.plusDays(40), DAY.plusDays(50), DAY.plusDays(70), "measured_trend"), null, "n");
        String svg = ProgressChart.svg(series, goal, "kg");

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("goal 76.0 kg").contains("ETA 2026-02-20")
                .contains("fill-opacity=\"0.15\"").contains("stroke=\"#c62828\"").contains("<polyline");
    }

    @Test
    void projects_the_measured_rate_to_the_goal_only_when_the_dates_are_measured() {
        Series fitted = new Series(series.raw(), series.trend(), List.of(), new Point(DAY, 80),
                new Point(DAY.plusDays(10), 79.3));
        Eta measured = new Eta(DAY.plusDays(40), DAY.plusDays(50), DAY.plusDays(70), "measured_trend");
        Eta assumed = new Eta(DAY.plusDays(40), DAY.plusDays(50), DAY.plusDays(70), "safe_rate");

        assertThat(ProgressChart.svg(fitted, goal(measured), "kg")).contains("stroke-dasharray=\"4 3\"")
                .contains("stroke-dasharray=\"2 3\"");
        assertThat(ProgressChart.svg(fitted, goal(assumed), "kg")).doesNotContain("stroke-dasharray=\"2 3\"");
    }

    private static GoalForecast goal(Eta eta) {
        return new GoalForecast("weight_kg", 76, "kg", null, 79.5, "on_track", eta, null, "n");
    }

    @Test
    void text_is_xml_escaped_so_the_image_cannot_carry_markup() {
        String svg = ProgressChart.svg(series, null, "<script>alert(1)</script>");

        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;");
    }
}
