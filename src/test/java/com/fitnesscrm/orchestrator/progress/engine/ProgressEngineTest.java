package com.fitnesscrm.orchestrator.progress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Goal;
import com.fitnesscrm.orchestrator.progress.ProgressInput.LiftSet;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Session;
import com.fitnesscrm.orchestrator.progress.ProgressInput.SessionStatus;
import com.fitnesscrm.orchestrator.progress.ProgressInput;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProgressEngineTest {

    private static final LocalDate DAY0 = LocalDate.of(2026, 9, 1);
    private final ProgressEngine engine = new ProgressEngine();

    @Test
    void one_reading_and_a_goal_gets_dates_from_safe_rates_and_says_they_are_assumed() {
        LocalDate today = LocalDate.of(2026, 11, 25);
        ProgressReport report = engine.report(new ProgressInput("c1", today,
                List.of(new Reading(today, Metric.WEIGHT_KG, 82)), List.of(), List.of(),
                List.of(new Goal(Metric.WEIGHT_KG, 76, null))));

        assertThat(report.metrics().get("weight_kg").trendStatus()).isEqualTo("insufficient_data");
        assertThat(report.metrics().get("weight_kg").weeklyRate()).isNull();
        var goal = report.goals().get(0);
        assertThat(goal.status()).isEqualTo("insufficient_data");
        // 6 kg at 1% (0.82 kg) a week is 7.3 weeks; at 0.5% (0.41 kg) 14.6 weeks.
        assertThat(goal.eta().earliest()).isEqualTo(today.plusDays(51));
        assertThat(goal.eta().latest()).isEqualTo(today.plusDays(103));
        assertThat(goal.eta().expected()).isEqualTo(today.plusDays(68));
        assertThat(goal.eta().basis()).isEqualTo("safe_rate");
        assertThat(goal.note()).contains("0.5–1% of body weight a week").contains("not a measurement");
    }

    @Test
    void trend_is_an_ema_of_the_first_reading_of_each_day_with_gaps_interpolated() {
        ProgressReport report = engine.report(input(List.of(reading(0, 80), reading(0, 90), reading(2, 81)),
                List.of()));

        // day 1 is interpolated to 80.5: 80 → 80.05 → 80.145
        assertThat(report.metrics().get("weight_kg").currentTrend()).isCloseTo(80.15, within(0.005));
        assertThat(report.metrics().get("weight_kg").readings()).isEqualTo(3);
    }

    @Test
    void daily_swings_of_a_kilo_are_water_not_anomalies_but_a_typo_is() {
        List<Reading> readings = new ArrayList<>();
        for (int d = 0; d < 42; d++) {
            readings.add(reading(d, 80 - 0.05 * d + (d % 2 == 0 ? 0.5 : -0.5)));
        }
        assertThat(engine.report(input(readings, List.of())).metrics().get("weight_kg").anomalies()).isEmpty();

        readings.set(20, reading(20, 87));
        var anomalies = engine.report(input(readings, List.of())).metrics().get("weight_kg").anomalies();
        assertThat(anomalies).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.date()).isEqualTo(DAY0.plusDays(20));
            assertThat(anomaly.reason()).contains("above the trend");
        });
    }

    @Test
    void a_steady_loss_is_measured_with_an_interval_and_the_goal_dated_around_the_true_day() {
        List<Reading> readings = line(90, -0.5, 56, 0.4, 1);
        ProgressReport report = engine.report(input(readings, List.of(new Goal(Metric.WEIGHT_KG, 85, null))));

        var weight = report.metrics().get("weight_kg");
        assertThat(weight.weeklyRate()).isCloseTo(-0.5, within(0.1));
        assertThat(weight.weeklyRateCi().get(0)).isLessThan(weight.weeklyRate());
        assertThat(weight.weeklyRateCi().get(1)).isGreaterThan(weight.weeklyRate());
        assertThat(weight.plateau()).isFalse();
        assertThat(weight.fastLoss()).isFalse();
        assertThat(weight.change().vs4Weeks()).isCloseTo(-2.0, within(0.4));
        var goal = report.goals().get(0);
        assertThat(goal.status()).isEqualTo("on_track");
        // truly reached at 10 weeks: 55/7 weeks of data so far, 2.14 weeks to go
        LocalDate truth = DAY0.plusDays(70);
        assertThat(goal.eta().earliest()).isBeforeOrEqualTo(truth);
        assertThat(goal.eta().latest()).isAfterOrEqualTo(truth);
        assertThat(report.insights()).anyMatch(s -> s.contains("falling 0.") && s.contains("a week"));
    }

    @Test
    void loss_faster_than_one_percent_a_week_is_flagged() {
        ProgressReport report = engine.report(input(line(80, -1.2, 42, 0.3, 2), List.of()));

        assertThat(report.metrics().get("weight_kg").fastLoss()).isTrue();
        assertThat(report.insights()).anyMatch(s -> s.contains("faster than the safe 1%"));
    }

    @Test
    void goals_say_reached_wrong_direction_or_plateau_and_then_give_no_date() {
        List<Reading> gaining = line(80, 0.5, 42, 0.3, 3);
        var wrong = engine.report(input(gaining, List.of(new Goal(Metric.WEIGHT_KG, 75, null)))).goals().get(0);
        assertThat(wrong.status()).isEqualTo("wrong_direction");
        assertThat(wrong.eta()).isNull();

        var reached = engine.report(input(gaining, List.of(new Goal(Metric.WEIGHT_KG, 81, null)))).goals().get(0);
        assertThat(reached.status()).isEqualTo("reached");
        assertThat(reached.eta()).isNull();

        List<Reading> flat = line(80, 0, 42, 0.3, 4);
        var plateau = engine.report(input(flat, List.of(new Goal(Metric.WEIGHT_KG, 75, null))));
        assertThat(plateau.metrics().get("weight_kg").plateau()).isTrue();
        assertThat(plateau.goals().get(0).status()).isEqualTo("plateau");
        assertThat(plateau.goals().get(0).eta()).isNull();
    }

    @Test
    void lifts_use_epley_with_reps_in_reserve_and_flag_a_three_week_stall() {
        List<LiftSet> sets = List.of(
                new LiftSet(DAY0, "Bench press", 100, 5, 2),
                new LiftSet(DAY0, "Bench press", 90, 12, 0),        // more than 10 reps: not used
                new LiftSet(DAY0.plusDays(7), "bench press", 102.5, 5, 2),
                new LiftSet(DAY0.plusDays(14), "Bench press", 100, 5, 2),
                new LiftSet(DAY0.plusDays(28), "Bench press", 102.5, 5, 1),
                new LiftSet(DAY0.plusDays(35), "Squat", 100, 5, 0));
        var report = engine.report(new ProgressInput("c1", DAY0.plusDays(35), List.of(), sets, List.of(),
                List.of()));

        var bench = report.lifts().get(0);
        assertThat(bench.exercise()).isEqualTo("Bench press");
        assertThat(bench.sessions().get(0).e1rmKg()).isEqualTo(123.3); // 100 × (1 + 7/30)
        assertThat(bench.bestE1rmKg()).isEqualTo(126.4);
        assertThat(bench.stalled()).isTrue();
        assertThat(bench.suggestion()).contains("deload");
        assertThat(report.lifts().get(1).stalled()).isFalse();
    }

    @Test
    void adherence_risk_follows_days_since_the_last_session_and_bookings() {
        LocalDate today = DAY0.plusDays(30);
        assertThat(adherence(today, List.of(new Session(today.minusDays(2), SessionStatus.COMPLETED),
                new Session(today.plusDays(2), SessionStatus.SCHEDULED))).risk()).isEqualTo("green");
        assertThat(adherence(today, List.of(new Session(today.minusDays(2), SessionStatus.COMPLETED))).risk())
                .isEqualTo("yellow");
        assertThat(adherence(today, List.of(new Session(today.minusDays(8), SessionStatus.COMPLETED),
                new Session(today.plusDays(2), SessionStatus.SCHEDULED))).risk()).isEqualTo("yellow");
        var red = adherence(today, List.of(new Session(today.minusDays(20), SessionStatus.COMPLETED),
                new Session(today.minusDays(15), SessionStatus.COMPLETED),
                new Session(today.minusDays(5), SessionStatus.NO_SHOW),
                new Session(today.plusDays(2), SessionStatus.SCHEDULED)));
        assertThat(red.risk()).isEqualTo("red");
        assertThat(red.completed()).isEqualTo(2);
        assertThat(red.planned()).isEqualTo(3);
        assertThat(red.daysSinceLastSession()).isEqualTo(15);
    }

    private ProgressReport.Adherence adherence(LocalDate today, List<Session> sessions) {
        return engine.report(new ProgressInput("c1", today, List.of(new Reading(today, Metric.WEIGHT_KG, 80)),
                List.of(), sessions, List.of())).adherence();
    }

    private static ProgressInput input(List<Reading> readings, List<Goal> goals) {
        LocalDate last = readings.stream().map(Reading::date).max(LocalDate::compareTo).orElseThrow();
        return new ProgressInput("c1", last, readings, List.of(), List.of(), goals);
    }

    private static Reading reading(int day, double kg) {
        return new Reading(DAY0.plusDays(day), Metric.WEIGHT_KG, kg);
    }

    private static List<Reading> line(double start, double weeklyRate, int days, double noise, long seed) {
        Random random = new Random(seed);
        List<Reading> readings = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            readings.add(reading(d, start + weeklyRate * d / 7 + noise * random.nextGaussian()));
        }
        return readings;
    }
}
