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

    @Test
    void the_y_axis_has_four_to_six_round_ticks_covering_the_data() {
        assertThat(ProgressChart.Ticks.of(84.1, 88.2).values()).containsExactly(82.0, 84.0, 86.0, 88.0, 90.0);
        assertThat(ProgressChart.Ticks.of(21.3, 22.1).values()).hasSizeBetween(4, 6)
                .allSatisfy(tick -> assertThat(Math.round(tick * 10) / 10.0).isEqualTo(tick));
        for (double[] range : new double[][] {{0, 1}, {79.5, 80}, {60, 140}, {12.25, 12.3}, {5000, 5001}, {80, 80}}) {
            ProgressChart.Ticks ticks = ProgressChart.Ticks.of(range[0], range[1]);
            assertThat(ticks.values()).as("ticks of %s", java.util.Arrays.toString(range)).hasSizeBetween(4, 6);
            assertThat(ticks.from()).isLessThanOrEqualTo(range[0]);
            assertThat(ticks.to()).isGreaterThanOrEqualTo(range[1]);
        }
    }

    @Test
    void the_axes_carry_tick_labels_dates_and_the_unit_and_no_white_background() {
        Series sixWeeks = new Series(List.of(new Point(DAY, 84.1), new Point(DAY.plusDays(42), 88.2)),
                List.of(new Point(DAY, 84.1), new Point(DAY.plusDays(42), 88.0)), List.of(), null, null);
        String svg = ProgressChart.svg(sixWeeks, null, "kg");

        assertThat(svg).contains(">86</text>").contains(">88</text>").contains(">kg</text>")
                .contains(">5 Jan</text>").contains(">12 Jan</text>").contains(">9 Feb</text>")
                .doesNotContain("#ffffff").doesNotContain("fill=\"white\"");
        assertThat(svg.split("pc-y-tick", -1)).hasSizeBetween(5, 7);
    }

    @Test
    void dates_tick_by_days_weeks_or_months_as_the_span_needs() {
        assertThat(ProgressChart.dateTicks(DAY, DAY.plusDays(5))).hasSize(6);
        assertThat(ProgressChart.dateTicks(DAY, DAY.plusDays(42))).allSatisfy(date ->
                assertThat(date.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY)).hasSizeBetween(5, 8);
        assertThat(ProgressChart.dateTicks(DAY, DAY.plusDays(400))).allSatisfy(date ->
                assertThat(date.getDayOfMonth()).isEqualTo(1)).hasSizeBetween(4, 8);
    }

    @Test
    void the_legend_names_each_series_shown_and_only_those() {
        GoalForecast goal = new GoalForecast("weight_kg", 76, "kg", null, 79.5, "on_track",
                new Eta(DAY.plusDays(40), DAY.plusDays(50), DAY.plusDays(70), "measured_trend"), null, "n");

        assertThat(ProgressChart.legend(series, goal, "kg").keySet()).containsExactly("Readings",
                "Trend (moving average)", "Goal 76.0 kg", "Expected date and range", "Anomaly (left out of the trend)");
        Series plain = new Series(series.raw(), series.trend(), List.of(), null, null);
        assertThat(ProgressChart.legend(plain, null, "kg").keySet()).containsExactly("Readings",
                "Trend (moving average)");
    }
}
