package com.fitnesscrm.orchestrator.progress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.progress.ProgressReport.Anomaly;
import com.fitnesscrm.orchestrator.progress.ProgressReport.GoalForecast;
import com.fitnesscrm.orchestrator.progress.ProgressReport.MetricAnalysis;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's "Done when": on seeded synthetic series with a known truth, the weekly rate is within 10% (median), the
 * ETA interval covers the true date in at least 90% of series, and plateaus and outliers are found with F1 ≥ 0.9.
 * The figures are printed for the design note.
 */
class ProgressEngineAccuracyTest {

    private static final int LINEAR_SERIES = 400;
    private static final int PLATEAU_SERIES = 200;

    private static final ProgressEngine engine = new ProgressEngine();
    private static final List<Outcome> linear = new ArrayList<>();
    private static final List<Outcome> plateaus = new ArrayList<>();

    record Outcome(SyntheticSeries series, MetricAnalysis analysis, GoalForecast goal, LocalDate trueGoalDate) {
    }

    @BeforeAll
    static void analyse() {
        Random random = new Random(20261125);
        for (int i = 0; i < LINEAR_SERIES; i++) {
            double rate = (random.nextBoolean() ? 1 : -1) * (0.2 + random.nextDouble() * 0.8);
            SyntheticSeries series = SyntheticSeries.linear(random, rate, 56);
            int weeksAhead = 4 + random.nextInt(9);
            ProgressReport report = engine.report(series.input(List.of(series.goalAhead(weeksAhead))));
            linear.add(new Outcome(series, report.metrics().get("weight_kg"), report.goals().get(0),
                    series.lastDay().plusDays(weeksAhead * 7L)));
        }
        for (int i = 0; i < PLATEAU_SERIES; i++) {
            SyntheticSeries series = SyntheticSeries.plateauAfterLoss(random);
            ProgressReport report = engine.report(series.input(List.of()));
            plateaus.add(new Outcome(series, report.metrics().get("weight_kg"), null, null));
        }
    }

    @Test
    void measures_the_weekly_rate_within_ten_percent_median_error() {
        List<Double> errors = linear.stream().map(o -> o.analysis().weeklyRate() == null ? 1.0
                : Math.abs(o.analysis().weeklyRate() - o.series().trueRate()) / Math.abs(o.series().trueRate()))
                .sorted().toList();
        double median = errors.get(errors.size() / 2);
        double p90 = errors.get(errors.size() * 9 / 10);
        System.out.printf("progress accuracy: weekly rate error median %.1f%%, p90 %.1f%% over %d series%n",
                median * 100, p90 * 100, errors.size());
        assertThat(median).isLessThan(0.10);
    }

    @Test
    void eta_interval_covers_the_true_date_in_at_least_90_percent_of_series() {
        long covered = linear.stream().filter(o -> o.goal().status().equals("on_track")
                && !o.goal().eta().earliest().isAfter(o.trueGoalDate())
                && !o.goal().eta().latest().isBefore(o.trueGoalDate())).count();
        double coverage = (double) covered / linear.size();
        List<Long> widths = linear.stream().filter(o -> o.goal().eta() != null)
                .map(o -> o.goal().eta().earliest().until(o.goal().eta().latest(), java.time.temporal.ChronoUnit.DAYS))
                .sorted().toList();
        System.out.printf("progress accuracy: ETA coverage %.1f%% (%d of %d), median interval %d days%n",
                coverage * 100, covered, linear.size(), widths.get(widths.size() / 2));
        assertThat(coverage).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void finds_plateaus_after_a_loss_phase_with_f1_of_at_least_0_9() {
        long truePositives = plateaus.stream().filter(o -> o.analysis().plateau()).count();
        long falseNegatives = plateaus.size() - truePositives;
        long falsePositives = linear.stream().filter(o -> o.analysis().plateau()).count();
        double f1 = f1(truePositives, falsePositives, falseNegatives);
        System.out.printf("progress accuracy: plateau F1 %.3f (TP %d, FP %d, FN %d)%n", f1, truePositives,
                falsePositives, falseNegatives);
        assertThat(f1).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void finds_single_day_spikes_with_f1_of_at_least_0_9() {
        long truePositives = 0;
        long falsePositives = 0;
        long falseNegatives = 0;
        List<Outcome> all = new ArrayList<>(linear);
        all.addAll(plateaus);
        for (Outcome outcome : all) {
            Set<LocalDate> found = outcome.analysis().anomalies().stream().map(Anomaly::date)
                    .collect(Collectors.toSet());
            Set<LocalDate> spikes = outcome.series().spikes();
            long hits = found.stream().filter(spikes::contains).count();
            truePositives += hits;
            falsePositives += found.size() - hits;
            falseNegatives += spikes.size() - hits;
        }
        double f1 = f1(truePositives, falsePositives, falseNegatives);
        System.out.printf("progress accuracy: outlier F1 %.3f (TP %d, FP %d, FN %d)%n", f1, truePositives,
                falsePositives, falseNegatives);
        assertThat(f1).isGreaterThanOrEqualTo(0.9);
    }

    private static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
