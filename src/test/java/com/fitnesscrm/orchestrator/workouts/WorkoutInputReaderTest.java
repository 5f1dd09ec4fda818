package com.fitnesscrm.orchestrator.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkoutInputReaderTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_main_backends_plan_body_gets_sensible_defaults_for_everything_else() {
        WorkoutRequest request = read("{\"client_id\": 42, \"duration_weeks\": 8, \"focus_areas\": [\"upper body\", "
                + "\"build muscle\"], \"sessions_per_week\": 4}");

        assertThat(request.clientId()).isEqualTo("42");
        assertThat(request.weeks()).isEqualTo(8);
        assertThat(request.daysPerWeek()).isEqualTo(4);
        assertThat(request.goal()).isEqualTo(Goal.HYPERTROPHY);
        assertThat(request.fitnessLevel()).isEqualTo(FitnessLevel.BEGINNER);
        assertThat(request.minutesPerSession()).isEqualTo(60);
        assertThat(request.equipment()).isEqualTo(EnumSet.allOf(Equipment.class)); // a commercial gym
        assertThat(request.contraindications()).isEmpty();
    }

    @Test
    void an_empty_body_is_three_days_of_sixty_minutes_for_four_weeks_of_general_fitness() {
        WorkoutRequest request = read("{}");
        assertThat(request.goal()).isEqualTo(Goal.GENERAL_FITNESS);
        assertThat(request.daysPerWeek()).isEqualTo(3);
        assertThat(request.minutesPerSession()).isEqualTo(60);
        assertThat(request.weeks()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource({"lose weight, FAT_LOSS", "Build Muscle, HYPERTROPHY", "cardio, ENDURANCE", "strength, STRENGTH",
            "get stronger, STRENGTH", "stay healthy, GENERAL_FITNESS", "fat_loss, FAT_LOSS", "running, ENDURANCE",
            // words inside other words mean nothing: crunches is no run, a power clean no lean, maximal no max
            "crunches, GENERAL_FITNESS", "power clean, STRENGTH", "maximal endurance, ENDURANCE"})
    void free_text_goals_map_onto_the_goals(String text, Goal goal) {
        assertThat(read("{\"goals\": [\"" + text + "\"]}").goal()).isEqualTo(goal);
    }

    @Test
    void the_older_field_names_are_read_and_the_new_ones_win() {
        WorkoutRequest request = read("{\"available_equipment\": [\"dumbbell\"], \"time_per_session\": 45, "
                + "\"sessions_per_week\": 2, \"days_per_week\": 5}");
        assertThat(request.equipment()).containsExactlyInAnyOrder(Equipment.BODYWEIGHT, Equipment.DUMBBELL);
        assertThat(request.minutesPerSession()).isEqualTo(45);
        assertThat(request.daysPerWeek()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"goal\": \"yoga\"}|goal|strength, hypertrophy, fat_loss, endurance, general_fitness",
            "{\"fitness_level\": \"pro\"}|fitness_level|beginner, intermediate, advanced",
            "{\"days_per_week\": 0}|days_per_week|from 1 to 7",
            "{\"sessions_per_week\": 8}|sessions_per_week|from 1 to 7",
            "{\"minutes_per_session\": 10}|minutes_per_session|from 15 to 180",
            "{\"weeks\": 17}|weeks|from 1 to 16",
            "{\"duration_weeks\": 2.5}|duration_weeks|whole number",
            "{\"equipment\": [\"barbell\", \"sofa\"]}|equipment[1]|pullup_bar",
            "{\"contraindications\": [\"elbow\"]}|contraindications[0]|knee, lower_back, shoulder, wrist, hip, pregnancy",
            "{\"history\": [{\"exercise_id\": \"moon_press\", \"load\": 20, \"reps\": 8}]}|history[0].exercise_id|catalogue",
            "{\"history\": [{\"exercise_id\": \"goblet_squat\", \"load\": -5, \"reps\": 8}]}|history[0].load|0 to 1000"})
    void an_unknown_value_or_out_of_range_number_names_the_field_and_what_is_allowed(String body, String field,
                                                                                    String allowed) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(allowed);
        });
    }

    @Test
    void history_names_exercises_by_id_or_by_name() {
        WorkoutRequest request = read("{\"history\": [{\"exercise\": \"Barbell back squat\", \"load\": 100, "
                + "\"reps\": 7, \"rir\": 1}]}");
        assertThat(request.history()).containsExactly(new WorkoutRequest.HistoryEntry("back_squat", 100, 7, 1));
    }

    private WorkoutRequest read(String body) {
        try {
            JsonNode node = json.readTree(body);
            return WorkoutInputReader.read(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
