package com.fitnesscrm.orchestrator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.progress.engine.ProgressEngine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: too little data is an honest answer that passes the engine's own rules, and absurd numbers are refused
 * with their plausible range before the engine does arithmetic with them.
 */
class ProgressInsufficientDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private final ObjectMapper json = new ObjectMapper();
    private final ProgressEngine engine = new ProgressEngine();

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"client_id\": 1}",
        "{\"lifts\": [{\"date\": \"2026-02-20\", \"exercise\": \"squat\", \"load_kg\": 100, \"reps\": 5}]}"})
    void too_little_data_says_so_in_words_and_status_and_passes_its_own_check(String body) throws Exception {
        ProgressInput input = ProgressInputReader.read(json.readTree(body), TODAY);
        ProgressReport report = engine.report(input);

        assertThat(report.narrative()).isNotBlank();
        assertThat(engine.check(input, report)).isEmpty();
        assertThat(ProgressPrediction.of(report).status()).isEqualTo("insufficient_data");
    }

    @Test
    void a_measured_trend_without_a_goal_keeps_no_status() {
        List<ProgressInput.Reading> readings = new java.util.ArrayList<>();
        for (int day = 0; day < 30; day++) {
            readings.add(new ProgressInput.Reading(TODAY.minusDays(30 - day), Metric.WEIGHT_KG, 90 - day * 0.1));
        }
        ProgressReport report = engine.report(new ProgressInput("c", TODAY, readings, List.of(), List.of(),
                List.of()));
        assertThat(ProgressPrediction.of(report).status()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "1e308", "19.9", "400.1", "0", "-1"})
    void a_goal_weight_outside_20_to_400_kg_is_refused_with_the_range(String weight) throws Exception {
        assertThatThrownBy(() -> ProgressInputReader.read(json.readTree("{\"current_metrics\": {\"weight\": 82}, "
                + "\"goal_metrics\": {\"weight\": " + weight + "}}"), TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("goal_metrics.weight");
                    assertThat(e.getMessage()).contains("20–400 kg");
                });
    }

    @Test
    void pounds_are_checked_after_conversion_and_the_range_is_said_in_pounds_too() throws Exception {
        assertThatThrownBy(() -> ProgressInputReader.read(json.readTree(
                "{\"current_metrics\": {\"weight_lb\": 30}}"), TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("20–400 kg (44.1–881.8 lb)"));
        assertThat(ProgressInputReader.read(json.readTree("{\"current_metrics\": {\"weight_lb\": 180}}"), TODAY)
                .readings()).hasSize(1);
    }

    @Test
    void an_absurd_load_or_rep_count_is_refused_naming_the_field() throws Exception {
        assertThatThrownBy(() -> ProgressInputReader.read(json.readTree("{\"lifts\": [{\"date\": \"2026-02-20\", "
                + "\"exercise\": \"squat\", \"load_kg\": 1e308, \"reps\": 5}]}"), TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("lifts[0].load_kg"));
        assertThatThrownBy(() -> ProgressInputReader.read(json.readTree("{\"lifts\": [{\"date\": \"2026-02-20\", "
                + "\"exercise\": \"squat\", \"load_kg\": 100, \"reps\": 2147483647}]}"), TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("lifts[0].reps"));
    }

    @Test
    void the_engine_itself_caps_a_safe_rate_date_for_a_target_no_reader_would_pass() {
        ProgressInput input = new ProgressInput("c", TODAY, List.of(new ProgressInput.Reading(TODAY,
                Metric.WEIGHT_KG, 82)), List.of(), List.of(), List.of(new ProgressInput.Goal(Metric.WEIGHT_KG,
                9.2e18, null)));
        ProgressReport report = engine.report(input);
        assertThat(report.goals().get(0).eta().latest()).isBeforeOrEqualTo(TODAY.plusDays(3650));
    }
}
