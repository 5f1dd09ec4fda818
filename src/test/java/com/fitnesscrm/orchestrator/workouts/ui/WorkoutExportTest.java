package com.fitnesscrm.orchestrator.workouts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue;
import com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngine;
import com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngineTest;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CSV export and the SVG chart: what a trainer downloads and sees, safe whatever text a plan holds. */
class WorkoutExportTest {

    private final WorkoutPlan plan = new WorkoutEngine(ExerciseCatalogue.standard()).plan(new WorkoutRequest("c-1",
            Goal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, EnumSet.allOf(Equipment.class), 3, 60, 6, Set.of(),
            List.of()));

    @Test
    void the_csv_has_a_line_per_exercise_of_every_week_under_a_header() {
        String[] lines = PlanCsv.of(plan).split("\r\n");
        long exercises = plan.weeks().stream().flatMap(week -> week.sessions().stream())
                .mapToLong(session -> session.exercises().size()).sum();
        assertThat(lines).hasSize((int) exercises + 1);
        assertThat(lines[0]).startsWith("week,deload,day,session,exercise,pattern,sets,reps");
        assertThat(lines[1]).startsWith("1,false,1,Full body A,Barbell back squat,squat,");
    }

    @Test
    void csv_cells_that_a_spreadsheet_would_run_as_formulas_are_kept_as_text_and_quotes_are_escaped() {
        WorkoutPlan hostile = WorkoutEngineTest.changeExercises(plan, e -> new WorkoutPlan.PlannedExercise(
                e.exerciseId(), e.name(), e.pattern(), e.mechanics(), e.primaryMuscles(), e.secondaryMuscles(),
                e.equipment(), e.contraindications(), e.sets(), e.reps(), e.restSeconds(), e.intensity(),
                e.progression(), e.suggestedLoadKg(), e.minutes(), "=HYPERLINK(\"http://x\")", e.difficulty()));
        String line = PlanCsv.of(hostile).split("\r\n")[1];
        assertThat(line).endsWith(",\"'=HYPERLINK(\"\"http://x\"\")\"");
    }

    @Test
    void the_chart_has_a_bar_per_muscle_and_run_of_identical_weeks_and_escapes_its_text() {
        String svg = VolumeChart.svg(plan);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
        // six weeks: weeks 1–5 have the same sets (one bar), week 6 is the deload (another); issue 12 numbers each
        assertThat(svg.split("<title>Weeks 1–5: ", -1)).hasSize(Muscle.values().length + 1);
        assertThat(svg.split("<title>Week 6 · deload: ", -1)).hasSize(Muscle.values().length + 1);
        assertThat(svg).contains(">side delts<").contains("MRV 26").doesNotContain("<script");
        assertThat(com.fitnesscrm.orchestrator.base.ui.Svg.escape("<img src=x onerror='a'>&")).isEqualTo(
                "&lt;img src=x onerror=&apos;a&apos;&gt;&amp;");
    }
}
