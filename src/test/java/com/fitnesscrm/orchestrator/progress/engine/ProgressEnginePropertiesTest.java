package com.fitnesscrm.orchestrator.progress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Goal;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import com.fitnesscrm.orchestrator.progress.ProgressInput;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What holds for any series a client may log, however short, gappy or wild: 300 random series each, every one drawn
 * from its own seed so that a failure names the seed that reproduces it.
 */
class ProgressEnginePropertiesTest {

    private static final int SERIES = 300;
    private static final LocalDate DAY0 = LocalDate.of(2026, 3, 1);
    private final ProgressEngine engine = new ProgressEngine();

    @Test
    void the_engines_own_report_always_passes_its_check() {
        for (long seed = 1; seed <= SERIES; seed++) {
            Random random = new Random(seed);
            ProgressInput input = series(random.nextLong(), 1 + random.nextInt(150), random.nextDouble() * 0.9,
                    40 + random.nextDouble() * 110);
            ProgressReport report = engine.report(input);

            assertThat(engine.check(input, report)).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void the_trend_stays_within_the_readings_and_dates_are_ordered() {
        for (long seed = 1; seed <= SERIES; seed++) {
            Random random = new Random(-seed);
            trendAndDatesHold(seed, series(random.nextLong(), 1 + random.nextInt(150), 0.3,
                    40 + random.nextDouble() * 110));
        }
    }

    private void trendAndDatesHold(long seed, ProgressInput input) {
        ProgressReport report = engine.report(input);

        double min = input.readings().stream().mapToDouble(Reading::value).min().orElseThrow();
        double max = input.readings().stream().mapToDouble(Reading::value).max().orElseThrow();
        assertThat(report.metrics().get("weight_kg").currentTrend()).as("seed %d", seed)
                .isBetween(min - 0.01, max + 0.01);
        var goal = report.goals().get(0);
        if (goal.eta() != null) {
            assertThat(goal.eta().earliest()).isAfterOrEqualTo(input.asOf());
            assertThat(goal.eta().earliest()).isBeforeOrEqualTo(goal.eta().expected());
            assertThat(goal.eta().expected()).isBeforeOrEqualTo(goal.eta().latest());
        }
        var rate = report.metrics().get("weight_kg").weeklyRateCi();
        if (rate != null) {
            assertThat(rate.get(0)).isLessThanOrEqualTo(report.metrics().get("weight_kg").weeklyRate());
            assertThat(rate.get(1)).isGreaterThanOrEqualTo(report.metrics().get("weight_kg").weeklyRate());
        }
    }

    private static ProgressInput series(long seed, int days, double missing, double target) {
        Random random = new Random(seed);
        double level = 50 + random.nextDouble() * 80;
        double rate = (random.nextDouble() - 0.5) * 3;
        double noise = random.nextDouble() * 2;
        List<Reading> readings = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            if (d > 0 && d < days - 1 && random.nextDouble() < missing) {
                continue;
            }
            double value = level + rate * d / 7 + noise * random.nextGaussian()
                    + (random.nextInt(30) == 0 ? (random.nextBoolean() ? 8 : -8) : 0);
            readings.add(new Reading(DAY0.plusDays(d), Metric.WEIGHT_KG, Math.max(1, value)));
        }
        return new ProgressInput("p", DAY0.plusDays(days - 1), readings, List.of(), List.of(),
                List.of(new Goal(Metric.WEIGHT_KG, target, null)));
    }
}
