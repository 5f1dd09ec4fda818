package com.fitnesscrm.orchestrator.workouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue file itself: big enough, well-formed, and with something for every client. */
class WorkoutCatalogueTest {

    private final List<Exercise> exercises = ExerciseCatalogue.standard().all();

    @Test
    void holds_at_least_150_exercises_with_unique_ids() {
        assertThat(exercises).hasSizeGreaterThanOrEqualTo(150);
        assertThat(exercises.stream().map(Exercise::id).distinct()).hasSize(exercises.size());
        assertThat(exercises).allSatisfy(exercise -> {
            assertThat(exercise.primaryMuscles()).isNotEmpty();
            assertThat(exercise.equipment()).isNotEmpty();
            assertThat(exercise.name()).isNotBlank();
        });
    }

    @Test
    void a_beginner_with_only_bodyweight_and_every_contraindication_still_has_an_exercise_for_every_main_pattern() {
        EnumSet<Contraindication> all = EnumSet.allOf(Contraindication.class);
        for (Pattern pattern : List.of(Pattern.SQUAT, Pattern.HINGE, Pattern.LUNGE, Pattern.HORIZONTAL_PUSH,
                Pattern.HORIZONTAL_PULL, Pattern.VERTICAL_PULL, Pattern.CORE, Pattern.CONDITIONING)) {
            assertThat(exercises).as(pattern.code()).anyMatch(exercise -> exercise.pattern() == pattern
                    && exercise.allowedFor(EnumSet.of(Equipment.BODYWEIGHT), all, FitnessLevel.BEGINNER));
        }
    }

    @Test
    void exercises_of_one_substitution_group_share_their_pattern_and_primary_muscles() {
        Map<String, List<Exercise>> groups = exercises.stream().collect(Collectors.groupingBy(
                Exercise::substitutionGroup));
        groups.forEach((group, members) -> {
            assertThat(members).as(group).extracting(Exercise::pattern).containsOnly(members.get(0).pattern());
            if (members.get(0).pattern() != Pattern.CONDITIONING) {
                assertThat(members).as(group).allSatisfy(member -> assertThat(member.primaryMuscles())
                        .containsAnyElementsOf(members.get(0).primaryMuscles()));
            }
        });
    }
}
