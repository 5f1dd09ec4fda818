package com.fitnesscrm.orchestrator.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.progress.ProgressInput;
import com.fitnesscrm.orchestrator.progress.ProgressInputReader;
import com.fitnesscrm.orchestrator.workouts.WorkoutInputReader;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example inputs that the OpenAPI document and Try it share: real input for each agent, kept recent. */
class AgentExamplesTest {

    private static final LocalDate WRITTEN_ON = AgentExamples.WRITTEN_ON;

    @Test
    void the_workout_example_is_read_by_the_workout_optimizer_as_written() {
        WorkoutRequest request = WorkoutInputReader.read(example("workout_optimization", WRITTEN_ON));
        assertThat(request.clientId()).isEqualTo("42");
        assertThat(request.goal().code()).isEqualTo("hypertrophy");
        assertThat(request.daysPerWeek()).isEqualTo(4);
        assertThat(request.weeks()).isEqualTo(8);
    }

    @Test
    void the_progress_example_is_a_recent_history_the_progress_monitor_accepts_on_any_later_day() {
        for (LocalDate today : List.of(WRITTEN_ON, WRITTEN_ON.plusDays(3), WRITTEN_ON.plusDays(200))) {
            ObjectNode example = example("progress_monitoring", today);
            assertThatCode(() -> ProgressInputReader.read(example, today)).as(today.toString())
                    .doesNotThrowAnyException();
            List<LocalDate> dates = dates(example);
            LocalDate latest = dates.stream().max(LocalDate::compareTo).orElseThrow();
            // Never in the future, and never older than the 28 days after which a goal is stale.
            assertThat(latest).as(today.toString()).isBeforeOrEqualTo(today).isAfter(today.minusDays(28));
        }
        ProgressInput input = ProgressInputReader.read(example("progress_monitoring", WRITTEN_ON), WRITTEN_ON);
        assertThat(input.goals()).isNotEmpty();
    }

    @Test
    void dates_move_by_whole_weeks_so_weekdays_stay() {
        List<LocalDate> written = dates(example("progress_monitoring", WRITTEN_ON));
        List<LocalDate> later = dates(example("progress_monitoring", WRITTEN_ON.plusDays(17)));
        assertThat(later).hasSameSizeAs(written);
        for (int i = 0; i < written.size(); i++) {
            assertThat(later.get(i)).isEqualTo(written.get(i).plusWeeks(2));
        }
    }

    @Test
    void a_type_without_an_example_has_none_and_its_editor_starts_from_an_empty_object() {
        assertThat(AgentExamples.input("no_such_type", WRITTEN_ON)).isEmpty();
        assertThat(AgentExamples.input("../application", WRITTEN_ON)).isEmpty();
        assertThat(AgentExamples.text("sum_test", WRITTEN_ON)).isEqualTo("{}");
    }

    @Test
    void each_call_gives_a_copy_that_the_caller_may_change() {
        example("workout_optimization", WRITTEN_ON).put("goal", "strength");
        assertThat(example("workout_optimization", WRITTEN_ON).get("goal").asText()).isEqualTo("hypertrophy");
    }

    private static ObjectNode example(String type, LocalDate today) {
        return AgentExamples.input(type, today).orElseThrow();
    }

    private static List<LocalDate> dates(JsonNode node) {
        List<LocalDate> dates = new ArrayList<>();
        node.forEach(child -> dates.addAll(dates(child)));
        if (node.isObject() && node.hasNonNull("date")) {
            dates.add(LocalDate.parse(node.get("date").asText()));
        }
        return dates;
    }
}
