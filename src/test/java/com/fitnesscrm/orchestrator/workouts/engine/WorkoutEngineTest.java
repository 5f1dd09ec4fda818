package com.fitnesscrm.orchestrator.workouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.PlannedExercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.Session;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.Week;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine on the examples of the issue, and the validator catching plans that break a rule. */
public class WorkoutEngineTest {

    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.standard();
    private final WorkoutEngine engine = new WorkoutEngine(CATALOGUE);
    private final WorkoutValidator validator = new WorkoutValidator(CATALOGUE);

    @ParameterizedTest
    @CsvSource({"1, full_body, Full body", "2, full_body_ab, Full body B", "3, full_body_abc, Full body C",
            "4, upper_lower, Lower B", "5, upper_lower_push_pull_legs, Legs A", "6, push_pull_legs, Legs B",
            "7, push_pull_legs_active_recovery, Active recovery"})
    void the_split_follows_the_days_a_week(int days, String split, String lastSession) {
        WorkoutPlan plan = engine.plan(request(Goal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, days, 60, 4));
        assertThat(plan.split()).isEqualTo(split);
        List<Session> sessions = plan.weeks().get(0).sessions();
        assertThat(sessions).hasSize(days);
        assertThat(sessions.get(days - 1).name()).isEqualTo(lastSession);
    }

    @Test
    void strength_main_lifts_are_heavy_and_rest_long_while_accessories_may_use_six_to_twelve_reps() {
        WorkoutPlan plan = engine.plan(request(Goal.STRENGTH, FitnessLevel.ADVANCED, 4, 90, 4));
        for (Session session : plan.weeks().get(0).sessions()) {
            PlannedExercise main = session.exercises().get(0);
            assertThat(main.reps().max()).isLessThanOrEqualTo(6);
            assertThat(main.restSeconds()).isBetween(120, 300);
            assertThat(main.intensity().percentMin()).isGreaterThanOrEqualTo(85);
            assertThat(session.exercises().subList(1, session.exercises().size()))
                    .allSatisfy(accessory -> assertThat(accessory.reps().max()).isLessThanOrEqualTo(12));
        }
    }

    @Test
    void a_sixteen_week_plan_deloads_in_weeks_6_and_12_with_less_volume_and_ten_percent_less_load() {
        WorkoutPlan plan = engine.plan(request(Goal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 4, 75, 16));
        assertThat(plan.weeks()).filteredOn(Week::deload).extracting(Week::week).containsExactly(6, 12);
        int loading = totalSets(plan.weeks().get(4));
        int deload = totalSets(plan.weeks().get(5));
        assertThat((double) deload / loading).isBetween(0.5, 0.7);
        PlannedExercise before = plan.weeks().get(4).sessions().get(0).exercises().get(0);
        PlannedExercise after = plan.weeks().get(5).sessions().get(0).exercises().get(0);
        assertThat(after.exerciseId()).isEqualTo(before.exerciseId());
        assertThat(after.intensity().percentMax()).isLessThanOrEqualTo((int) Math.ceil(before.intensity()
                .percentMax() * 0.9));
    }

    @Test
    void main_lifts_stay_and_accessories_rotate_within_their_substitution_group_between_blocks() {
        WorkoutPlan plan = engine.plan(request(Goal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 3, 60, 12));
        List<Session> first = plan.weeks().get(0).sessions();
        List<Session> second = plan.weeks().get(6).sessions();
        List<String> groupsBefore = first.stream().flatMap(session -> session.exercises().stream())
                .map(exercise -> CATALOGUE.byId(exercise.exerciseId()).orElseThrow().substitutionGroup()).toList();
        int rotated = 0;
        for (int day = 0; day < first.size(); day++) {
            assertThat(second.get(day).exercises().get(0).exerciseId())
                    .isEqualTo(first.get(day).exercises().get(0).exerciseId());
            List<String> before = first.get(day).exercises().stream().map(PlannedExercise::exerciseId).toList();
            for (PlannedExercise exercise : second.get(day).exercises()) {
                if (!before.contains(exercise.exerciseId())) {
                    rotated++;
                }
                assertThat(groupsBefore).contains(CATALOGUE.byId(exercise.exerciseId()).orElseThrow()
                        .substitutionGroup());
            }
        }
        assertThat(rotated).isGreaterThan(0);
    }

    @Test
    void a_client_who_beat_the_target_reps_starts_heavier_and_one_who_did_not_keeps_the_load() {
        WorkoutPlan first = engine.plan(request(Goal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 3, 60, 4));
        PlannedExercise squat = first.weeks().get(0).sessions().get(0).exercises().get(0);
        int target = squat.reps().max();
        WorkoutRequest beaten = withHistory(new WorkoutRequest.HistoryEntry(squat.exerciseId(), 100, target + 2, 1));
        WorkoutRequest missed = withHistory(new WorkoutRequest.HistoryEntry(squat.exerciseId(), 100, target - 1, 0));

        PlannedExercise heavier = engine.plan(beaten).weeks().get(0).sessions().get(0).exercises().get(0);
        PlannedExercise same = engine.plan(missed).weeks().get(0).sessions().get(0).exercises().get(0);

        assertThat(heavier.suggestedLoadKg()).isEqualTo(105.0); // +5 % for a lower-body lift
        assertThat(heavier.progression()).contains("beat");
        assertThat(same.suggestedLoadKg()).isEqualTo(100.0);
        assertThat(validator.check(beaten, engine.plan(beaten))).isEmpty();
    }

    @Test
    void a_client_with_bad_knees_and_only_dumbbells_gets_neither_knee_loading_exercises_nor_machines() {
        WorkoutRequest request = new WorkoutRequest("c", Goal.GENERAL_FITNESS, FitnessLevel.BEGINNER,
                EnumSet.of(Equipment.BODYWEIGHT, Equipment.DUMBBELL), 3, 45, 4, Set.of(Contraindication.KNEE),
                List.of());
        WorkoutPlan plan = engine.plan(request);
        List<PlannedExercise> all = plan.weeks().stream().flatMap(week -> week.sessions().stream())
                .flatMap(session -> session.exercises().stream()).toList();
        assertThat(all).allSatisfy(exercise -> {
            assertThat(exercise.contraindications()).doesNotContain("knee");
            assertThat(exercise.equipment()).isSubsetOf("bodyweight", "dumbbell");
        });
        assertThat(plan.weeks().get(0).sessions()).allSatisfy(session ->
                assertThat(session.estimatedMinutes()).isLessThanOrEqualTo(45));
    }

    @Test
    void fat_loss_adds_conditioning_toward_150_minutes_a_week() {
        WorkoutPlan plan = engine.plan(request(Goal.FAT_LOSS, FitnessLevel.BEGINNER, 3, 60, 4));
        assertThat(plan.cardio().inSessionMinutes()).isPositive();
        assertThat(plan.cardio().inSessionMinutes() + plan.cardio().extraMinutes()).isBetween(150, 300);
    }

    // --- The validator catches what an LLM might get wrong ---------------------------------------------------------

    @Test
    void the_validator_refuses_a_plan_made_for_another_client_goal_or_schedule() {
        WorkoutRequest request = request(Goal.STRENGTH, FitnessLevel.INTERMEDIATE, 3, 60, 4);
        WorkoutPlan plan = engine.plan(request);
        WorkoutPlan retargeted = new WorkoutPlan("someone-else", Goal.ENDURANCE.code(), "advanced", plan.split(),
                plan.daysPerWeek(), 90, plan.weeks(), plan.weeklySetsPerMuscle(), plan.cardio(), plan.rulesChecked(),
                "llm", "Trust me.");

        assertThat(validator.check(request, plan)).isEmpty();
        assertThat(validator.check(request, retargeted)).anyMatch(violation -> violation.startsWith("client_id"))
                .anyMatch(violation -> violation.startsWith("goal")).anyMatch(violation -> violation.startsWith(
                        "fitness_level")).anyMatch(violation -> violation.startsWith("minutes_per_session"));
    }

    @Test
    void the_validator_catches_more_pushing_than_pulling() {
        WorkoutRequest request = request(Goal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 4, 60, 1);
        WorkoutPlan plan = changeExercises(engine.plan(request), exercise -> exercise.pattern().endsWith("_pull")
                ? withSets(exercise, 1) : exercise);
        assertThat(validator.check(request, plan)).anyMatch(violation -> violation.contains("pulling sets"));
    }

    @Test
    void the_validator_catches_too_many_sets_too_long_sessions_and_wrong_catalogue_facts() {
        WorkoutRequest request = request(Goal.HYPERTROPHY, FitnessLevel.INTERMEDIATE, 3, 45, 1);
        WorkoutPlan plan = engine.plan(request);
        WorkoutPlan tooMuch = changeExercises(plan, exercise -> withSets(exercise, 6));
        assertThat(validator.check(request, tooMuch)).anyMatch(violation -> violation.contains("takes"))
                .anyMatch(violation -> violation.contains("MRV") || violation.contains("weekly_sets_per_muscle"));
        WorkoutPlan renamed = changeExercises(plan, exercise -> new PlannedExercise(exercise.exerciseId(),
                "Kipping muscle-up", exercise.pattern(), exercise.mechanics(), exercise.primaryMuscles(),
                exercise.secondaryMuscles(), exercise.equipment(), exercise.contraindications(), exercise.sets(),
                exercise.reps(), exercise.restSeconds(), exercise.intensity(), exercise.progression(),
                exercise.suggestedLoadKg(), exercise.minutes(), exercise.reason(), exercise.difficulty()));
        assertThat(validator.check(request, renamed)).anyMatch(violation -> violation.contains("catalogue's"));
    }

    @Test
    void the_validator_catches_a_contraindicated_exercise() {
        WorkoutRequest request = new WorkoutRequest("c", Goal.STRENGTH, FitnessLevel.ADVANCED,
                EnumSet.allOf(Equipment.class), 3, 60, 1, Set.of(Contraindication.LOWER_BACK), List.of());
        Exercise deadlift = CATALOGUE.byId("conventional_deadlift").orElseThrow();
        WorkoutPlan plan = changeExercises(engine.plan(request), exercise -> exercise.pattern().equals("hinge")
                ? new PlannedExercise(deadlift.id(), deadlift.name(), "hinge", "compound", List.of("hamstrings",
                "glutes", "back"), List.of("quads", "abs"), List.of("barbell"), List.of("lower_back", "hip",
                "pregnancy"), exercise.sets(), exercise.reps(), exercise.restSeconds(), exercise.intensity(),
                exercise.progression(), null, null, exercise.reason(), "intermediate") : exercise);
        assertThat(validator.check(request, plan)).anyMatch(violation -> violation.contains("contraindicated"));
    }

    private static WorkoutRequest request(Goal goal, FitnessLevel level, int days, int minutes, int weeks) {
        return new WorkoutRequest("client-1", goal, level, EnumSet.allOf(Equipment.class), days, minutes, weeks,
                Set.of(), List.of());
    }

    private static WorkoutRequest withHistory(WorkoutRequest.HistoryEntry entry) {
        return new WorkoutRequest("client-1", Goal.HYPERTROPHY, FitnessLevel.INTERMEDIATE,
                EnumSet.allOf(Equipment.class), 3, 60, 4, Set.of(), List.of(entry));
    }

    private static int totalSets(Week week) {
        return week.sessions().stream().flatMap(session -> session.exercises().stream())
                .filter(exercise -> exercise.minutes() == null).mapToInt(PlannedExercise::sets).sum();
    }

    private static PlannedExercise withSets(PlannedExercise e, int sets) {
        return new PlannedExercise(e.exerciseId(), e.name(), e.pattern(), e.mechanics(), e.primaryMuscles(),
                e.secondaryMuscles(), e.equipment(), e.contraindications(), sets, e.reps(), e.restSeconds(),
                e.intensity(), e.progression(), e.suggestedLoadKg(), e.minutes(), e.reason(), e.difficulty());
    }

    public static WorkoutPlan changeExercises(WorkoutPlan plan, UnaryOperator<PlannedExercise> change) {
        List<Week> weeks = new ArrayList<>();
        for (Week week : plan.weeks()) {
            List<Session> sessions = week.sessions().stream().map(session -> new Session(session.day(),
                    session.name(), session.estimatedMinutes(), session.exercises().stream().map(change).toList()))
                    .toList();
            weeks.add(new Week(week.week(), week.deload(), sessions));
        }
        return new WorkoutPlan(plan.clientId(), plan.goal(), plan.fitnessLevel(), plan.split(), plan.daysPerWeek(),
                plan.minutesPerSession(), weeks, plan.weeklySetsPerMuscle(), plan.cardio(), plan.rulesChecked(),
                plan.engine(), plan.coachExplanation());
    }
}
