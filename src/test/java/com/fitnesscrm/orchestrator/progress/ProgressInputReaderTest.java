package com.fitnesscrm.orchestrator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProgressInputReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void reads_the_main_backends_shape_with_the_current_reading_dated_today() throws Exception {
        ProgressInput input = read("""
                {"client_id": 7, "current_metrics": {"weight": 82, "body_fat": 24},
                 "goal_metrics": {"weight": 76},
                 "historical_data": [{"date": "2026-11-01", "weight": 84.5, "notes": "after holiday"}]}""");

        assertThat(input.clientId()).isEqualTo("7");
        assertThat(input.readings()).extracting(ProgressInput.Reading::metric, ProgressInput.Reading::value,
                ProgressInput.Reading::date).contains(
                org.assertj.core.groups.Tuple.tuple(Metric.WEIGHT_KG, 82.0, TODAY),
                org.assertj.core.groups.Tuple.tuple(Metric.BODY_FAT_PCT, 24.0, TODAY),
                org.assertj.core.groups.Tuple.tuple(Metric.WEIGHT_KG, 84.5, LocalDate.of(2026, 11, 1)));
        assertThat(input.goals()).singleElement().satisfies(goal -> {
            assertThat(goal.metric()).isEqualTo(Metric.WEIGHT_KG);
            assertThat(goal.target()).isEqualTo(76);
        });
    }

    @Test
    void converts_pounds_and_inches_when_the_field_says_so() throws Exception {
        ProgressInput input = read("""
                {"measurements": [{"date": "2026-11-20", "weight_lb": 180, "waist_in": 34}],
                 "goals": [{"metric": "weight_lb", "target": 170}]}""");

        assertThat(input.readings().get(0).value()).isCloseTo(81.65, within(0.01));
        assertThat(input.readings().get(1).metric()).isEqualTo(Metric.WAIST_CM);
        assertThat(input.readings().get(1).value()).isCloseTo(86.36, within(0.01));
        assertThat(input.goals().get(0).target()).isCloseTo(77.11, within(0.01));
    }

    @Test
    void refuses_an_impossible_date_a_negative_value_and_a_goal_without_data_naming_the_field() {
        assertRefused("""
                {"measurements": [{"date": "2026-11-20", "weight_kg": 80}, {"date": "2026-02-30", "weight_kg": 80}]}""",
                "measurements[1].date");
        assertRefused("""
                {"measurements": [{"date": "2026-11-20", "waist_cm": -80}]}""", "measurements[0].waist_cm");
        assertRefused("""
                {"current_metrics": {"weight": 82}, "goal_metrics": {"body_fat": 18}}""", "goal_metrics.body_fat");
        assertRefused("""
                {"measurements": [{"date": "2026-11-20", "weight_kg": 80}],
                 "goals": [{"metric": "waist_cm", "target": 80}]}""", "goals[0].metric");
        assertRefused("""
                {"measurements": [{"date": "2027-01-20", "weight_kg": 80}]}""", "measurements[0].date");
        assertRefused("""
                {"sessions": [{"date": "2026-11-20", "status": "late"}]}""", "sessions[0].status");
    }

    private void assertRefused(String body, String field) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private ProgressInput read(String body) throws Exception {
        JsonNode node = json.readTree(body);
        return ProgressInputReader.read(node, TODAY);
    }
}
