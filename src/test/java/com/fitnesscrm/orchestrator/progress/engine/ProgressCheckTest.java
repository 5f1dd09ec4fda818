package com.fitnesscrm.orchestrator.progress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.progress.ProgressInput.Goal;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.progress.ProgressInput;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressCheckTest {

    private static final LocalDate DAY0 = LocalDate.of(2026, 9, 1);
    private final ProgressEngine engine = new ProgressEngine();
    private final ProgressCheck check = new ProgressCheck(engine);
    private final ProgressInput input = losing();
    private final ProgressReport rules = engine.report(input);

    @Test
    void the_engines_own_answer_passes() {
        assertThat(check.check(input, rules)).isEmpty();
    }

    @Test
    void a_narrative_that_restates_the_engines_numbers_passes() {
        var weight = rules.metrics().get("weight_kg");
        String narrative = "Your weight trend is " + weight.currentTrend() + " kg and falling "
                + Math.abs(weight.weeklyRate()) + " kg a week; expect 80 kg around "
                + rules.goals().get(0).eta().expected() + ".";
        assertThat(check.check(input, rules.withText(narrative, "Great work, keep going!", "llm"))).isEmpty();
    }

    @Test
    void a_narrative_with_a_number_the_engine_did_not_compute_is_caught() {
        String narrative = "You are losing 2.5 kg a week and will reach 80 kg on 2026-12-01.";
        assertThat(check.check(input, rules.withText(narrative, "Keep going!", "llm")))
                .anyMatch(v -> v.contains("number 2.5"))
                .anyMatch(v -> v.contains("date 2026-12-01"));
    }

    @Test
    void an_answer_that_changes_a_computed_number_or_dates_a_plateau_is_caught() {
        var changed = new ProgressReport(rules.clientId(), rules.asOf(), rules.metrics(),
                List.of(new ProgressReport.GoalForecast("weight_kg", 80, "kg", null, 84, "plateau",
                        rules.goals().get(0).eta(), null, "x")),
                rules.lifts(), rules.adherence(), rules.insights(), rules.narrative(), rules.motivation(), "llm");
        assertThat(check.check(input, changed))
                .anyMatch(v -> v.startsWith("goals must be exactly"))
                .anyMatch(v -> v.contains("status plateau and must have no ETA"));
    }

    private static ProgressInput losing() {
        List<Reading> readings = new ArrayList<>();
        java.util.Random random = new java.util.Random(5);
        for (int d = 0; d < 42; d++) {
            readings.add(new Reading(DAY0.plusDays(d), Metric.WEIGHT_KG, 88 - 0.6 * d / 7 + 0.3 * random.nextGaussian()));
        }
        return new ProgressInput("c9", DAY0.plusDays(41), readings, List.of(), List.of(),
                List.of(new Goal(Metric.WEIGHT_KG, 80, null)));
    }
}
