package com.fitnesscrm.orchestrator.workouts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trainers browse the exercise catalogue stored in the database: search by name, filter by pattern, equipment, muscle. */
class ExercisesViewKT extends KaribuTest {

    private ExercisesView view;

    @BeforeEach
    void openExercises() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(ExercisesView.class);
        view = _get(ExercisesView.class);
    }

    @Test
    void the_whole_catalogue_of_at_least_150_exercises_is_listed() {
        assertThat(GridKt._size(view.grid)).isGreaterThanOrEqualTo(150);
        assertThat(GridKt._get(view.grid, 0).name()).isEqualTo("Barbell back squat");
    }

    @Test
    void searching_by_name_ignores_case_and_lists_only_matching_exercises() {
        view.search.setValue("PUSH-UP");
        assertThat(rows()).isNotEmpty().allSatisfy(exercise -> assertThat(exercise.name().toLowerCase())
                .contains("push-up"));
        view.search.setValue("100%_nothing");
        assertThat(rows()).isEmpty();
    }

    @Test
    void filters_by_pattern_equipment_and_muscle_combine() {
        view.pattern.setValue(Pattern.VERTICAL_PULL);
        view.equipment.setValue(Equipment.BANDS);
        assertThat(rows()).isNotEmpty().allSatisfy(exercise -> {
            assertThat(exercise.pattern()).isEqualTo(Pattern.VERTICAL_PULL);
            assertThat(exercise.equipment()).contains(Equipment.BANDS);
        });
        view.pattern.clear();
        view.equipment.clear();
        view.muscle.setValue(Muscle.CALVES);
        assertThat(rows()).isNotEmpty().allSatisfy(exercise -> assertThat(exercise.primaryMuscles().contains(
                Muscle.CALVES) || exercise.secondaryMuscles().contains(Muscle.CALVES)).isTrue());
    }

    @Test
    void clicking_an_exercise_shows_its_muscles_equipment_contraindications_and_substitutes() {
        view.search.setValue("Barbell back squat");
        GridKt._clickItem(view.grid, 0, 1, false, false, false, false);

        FormLayout details = _get(FormLayout.class, spec -> spec.withId("exercise-details"));
        assertThat(text(details, "exercise-primary-muscles")).contains("Quads");
        assertThat(text(details, "exercise-equipment")).contains("Barbell");
        assertThat(text(details, "exercise-not-for")).contains("Knee");
        assertThat(text(details, "exercise-substitutes")).isNotBlank().doesNotContain("Barbell back squat")
                .doesNotContain("None");
    }

    @Test
    void the_exercise_name_keeps_its_room_beside_the_lists() {
        assertThat(view.grid.getColumnByKey("name").getWidth()).isEqualTo("16em");
        assertThat(view.grid.getColumnByKey("name").isFrozen()).isTrue();
    }

    @Test
    void an_admin_may_browse_the_catalogue_too() {
        startNewSession();
        login(UserRole.ADMIN);
        UI.getCurrent().navigate(ExercisesView.class);
        assertThat(GridKt._size(_get(ExercisesView.class).grid)).isGreaterThanOrEqualTo(150);
    }

    private static String text(FormLayout details, String className) {
        return _get(details, Span.class, spec -> spec.withClasses(className)).getText();
    }

    private List<Exercise> rows() {
        List<Exercise> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(view.grid); i++) {
            rows.add(GridKt._get(view.grid, i));
        }
        return rows;
    }
}
