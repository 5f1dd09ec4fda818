package com.fitnesscrm.orchestrator.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.PlannedExercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.Session;
import com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue;
import com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngine;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The main backend's {@code focus_areas} shape the plan (issue 12, bug 2): named muscles get more weekly sets within
 * MRV, cardio and flexibility add timed work, strength makes the main lifts heavier, and what is not understood is
 * listed, never dropped silently.
 */
class WorkoutFocusTest {

    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.standard();
    private final WorkoutEngine engine = new WorkoutEngine(CATALOGUE);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void chest_and_legs_give_more_weekly_sets_for_chest_quads_hamstrings_and_glutes_than_no_focus_within_every_rule() {
        // The third: the main backend's request for a CRM client losing weight with a bad knee, whose 60-minute
        // sessions are full without the focus (it once changed nothing there: "no room left").
        for (String rest : List.of("", ", \"goal\": \"hypertrophy\", \"fitness_level\": \"intermediate\", "
                + "\"days_per_week\": 4, \"minutes_per_session\": 75", ", \"goal\": \"fat_loss\", "
                + "\"fitness_level\": \"beginner\", \"contraindications\": [\"knee\"], \"duration_weeks\": 4")) {
            Map<String, Double> plain = week1(plan("{\"focus_areas\": []" + rest + "}"));
            WorkoutPlan focused = plan("{\"focus_areas\": [\"chest\", \"legs\"]" + rest + "}");
            Map<String, Double> more = week1(focused);

            for (String muscle : List.of("chest", "quads", "hamstrings", "glutes")) {
                assertThat(more.get(muscle)).as(muscle + rest).isGreaterThan(plain.get(muscle))
                        .isLessThanOrEqualTo(WorkoutEngine.maximumVolume(
                                Coded.find(Muscle.class, muscle).orElseThrow()));
            }
            assertThat(focused.focusAreas()).containsExactly("chest", "legs");
            assertThat(focused.unknownFocusAreas()).isEmpty();
        }
    }

    @Test
    void the_plan_says_in_rules_checked_how_many_sets_the_focus_added_and_which_rule_capped_it() {
        WorkoutPlan plan = plan("{\"focus_areas\": [\"chest\", \"legs\"]}");

        assertThat(plan.rulesChecked()).anySatisfy(rule -> assertThat(rule)
                .matches("Focus chest: chest \\+\\d+(\\.5)? sets/week \\(6 → \\d+(\\.5)?\\), within MRV 22"));
        // glutes reach their MRV of 16 before the 4 extra sets: the plan says the MRV stopped it
        assertThat(plan.rulesChecked()).anySatisfy(rule -> assertThat(rule).startsWith("Focus legs: quads +")
                .contains("glutes +3 sets/week (13 → 16), capped at its MRV 16"));
        WorkoutPlan shortSessions = plan("{\"minutes_per_session\": 20, \"focus_areas\": [\"arms\"]}");
        assertThat(shortSessions.rulesChecked()).anySatisfy(rule -> assertThat(rule).startsWith("Focus arms: biceps")
                .contains("capped: no room left in the 20-minute sessions"));
    }

    @Test
    void cardio_adds_a_conditioning_bout_to_every_session_and_counts_it_toward_150_minutes() {
        WorkoutPlan plain = plan("{\"goal\": \"hypertrophy\"}");
        WorkoutPlan cardio = plan("{\"goal\": \"hypertrophy\", \"focus_areas\": [\"Cardio\"]}");

        assertThat(conditioning(plain)).isZero();
        assertThat(cardio.weeks().get(0).sessions()).allSatisfy(session -> assertThat(session.exercises())
                .anySatisfy(exercise -> {
                    assertThat(exercise.pattern()).isEqualTo("conditioning");
                    assertThat(exercise.minutes()).isBetween(10, 15);
                }));
        assertThat(cardio.cardio()).isNotNull();
        assertThat(cardio.cardio().inSessionMinutes() + cardio.cardio().extraMinutes()).isGreaterThanOrEqualTo(150);
        assertThat(cardio.goal()).isEqualTo("hypertrophy");
        assertThat(cardio.rulesChecked()).anySatisfy(rule -> assertThat(rule).startsWith("Focus cardio: "
                + "conditioning closes 3 of 3 sessions"));
    }

    @ParameterizedTest
    @CsvSource({"flexibility", "mobility", "Stretching"})
    void flexibility_or_mobility_adds_timed_mobility_work(String word) {
        WorkoutPlan plain = plan("{\"goal\": \"strength\", \"minutes_per_session\": 90}");
        WorkoutPlan mobile = plan("{\"goal\": \"strength\", \"minutes_per_session\": 90, \"focus_areas\": [\"" + word
                + "\"]}");

        assertThat(exercises(plain)).noneMatch(exercise -> exercise.pattern().equals("mobility"));
        List<PlannedExercise> mobility = exercises(mobile).stream()
                .filter(exercise -> exercise.pattern().equals("mobility")).toList();
        assertThat(mobility).hasSize(3).allSatisfy(exercise -> assertThat(exercise.minutes()).isEqualTo(8));
        // mobility is not training volume
        assertThat(week1(mobile)).isEqualTo(week1(plain));
        assertThat(mobile.rulesChecked()).anySatisfy(rule -> assertThat(rule).isEqualTo("Focus flexibility: "
                + "mobility work closes 3 of 3 sessions, 24 min a week (8 min each)"));
    }

    @Test
    void core_gives_more_core_sets() {
        assertThat(week1(plan("{\"focus_areas\": [\"core\"]}")).get("abs"))
                .isGreaterThan(week1(plan("{}")).get("abs"));
        assertThat(week1(plan("{\"focus_areas\": [\"abs\"]}")).get("abs"))
                .isGreaterThan(week1(plan("{}")).get("abs"));
    }

    @Test
    void strength_moves_the_main_lifts_to_fewer_reps_longer_rest_and_heavier_loads_within_the_goals_ranges() {
        for (String goal : List.of("hypertrophy", "general_fitness")) {
            WorkoutPlan plain = plan("{\"goal\": \"" + goal + "\", \"fitness_level\": \"intermediate\"}");
            WorkoutPlan strong = plan("{\"goal\": \"" + goal + "\", \"fitness_level\": \"intermediate\", "
                    + "\"focus_areas\": [\"strength\"]}");
            for (int day = 0; day < 3; day++) {
                PlannedExercise before = plain.weeks().get(0).sessions().get(day).exercises().get(0);
                PlannedExercise after = strong.weeks().get(0).sessions().get(day).exercises().get(0);
                assertThat(after.exerciseId()).isEqualTo(before.exerciseId());
                assertThat(after.reps().max()).as(goal).isLessThan(before.reps().max());
                assertThat(after.intensity().percentMin()).as(goal).isGreaterThan(before.intensity().percentMin());
                // hypertrophy's main lifts rest 90 s already, its longest; general fitness's 60 s become 90
                assertThat(after.restSeconds()).as(goal).isEqualTo(90);
            }
            assertThat(strong.goal()).as("the goal stays").isEqualTo(goal);
        }
        WorkoutPlan strong = plan("{\"goal\": \"hypertrophy\", \"focus_areas\": [\"strength\"]}");
        assertThat(strong.rulesChecked()).contains("Focus strength: main lifts at 6–8 reps, 90 s rest, 80–85 % of "
                + "1RM: the heavy end of hypertrophy's ranges (NSCA)");
    }

    @Test
    void an_unknown_focus_area_beside_a_known_one_still_gives_a_plan_that_lists_it_as_ignored() {
        WorkoutPlan plan = plan("{\"focus_areas\": [\"chest\", \"banana\"]}");

        assertThat(plan.focusAreas()).containsExactly("chest");
        assertThat(plan.unknownFocusAreas()).containsExactly("banana");
        assertThat(plan.rulesChecked()).anySatisfy(rule -> assertThat(rule).startsWith("Focus 'banana' ignored: not "
                + "a muscle, body region, movement pattern or kind of training the planner knows"));
    }

    @Test
    void focus_areas_that_are_all_unknown_are_refused_naming_the_field_and_what_is_known() {
        assertThatThrownBy(() -> read("{\"focus_areas\": [\"banana\", \"Kale\"]}"))
                .isInstanceOfSatisfying(com.fitnesscrm.orchestrator.base.InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("focus_areas");
                    assertThat(e.getMessage()).contains("banana, Kale").contains("chest").contains("cardio");
                });
        // a goal in words is understood: the main backend's older bodies send them in focus_areas
        assertThat(read("{\"focus_areas\": [\"build muscle\"]}").goal()).isEqualTo(Goal.HYPERTROPHY);
        assertThat(read("{\"focus_areas\": []}").focusAreas()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Legs|legs", " upper body |upper_body", "Lower-Body|lower_body",
            "glutes|glutes", "arms|arms", "BACK|back", "shoulders|shoulders", "abs|core", "conditioning|cardio",
            "endurance|cardio", "mobility|flexibility", "push|push", "pull|pull", "squat|squat", "hinge|hinge",
            "leg day|legs", "Upper-body strength|upper_body strength", "pecs|chest", "posterior chain|hinge",
            "Chest, legs|chest legs", "push/pull|push pull", "arms and shoulders|arms shoulders",
            "core + cardio|core cardio", "full_body|full_body"})
    void synonyms_case_blanks_and_separators_of_the_main_backends_free_text_are_understood(String text,
                                                                                          String areas) {
        assertThat(read("{\"focus_areas\": [\"" + text + "\"]}").focusAreas()).extracting(FocusArea::code)
                .containsExactly(areas.split(" "));
        // one text instead of a list reads the same
        assertThat(read("{\"focus_areas\": \"" + text + "\"}").focusAreas()).extracting(FocusArea::code)
                .containsExactly(areas.split(" "));
    }

    @Test
    void more_than_20_focus_areas_or_one_over_60_characters_is_refused_naming_the_field() {
        String many = String.join(", ", java.util.Collections.nCopies(21, "\"chest\""));
        assertThatThrownBy(() -> read("{\"focus_areas\": [" + many + "]}"))
                .isInstanceOfSatisfying(com.fitnesscrm.orchestrator.base.InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("focus_areas"));
        assertThatThrownBy(() -> read("{\"focus_areas\": \"" + "chest,".repeat(21) + "\"}"))
                .isInstanceOfSatisfying(com.fitnesscrm.orchestrator.base.InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("focus_areas"));
        assertThatThrownBy(() -> read("{\"focus_areas\": [\"legs\", \"" + "a".repeat(61) + "\"]}"))
                .isInstanceOfSatisfying(com.fitnesscrm.orchestrator.base.InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("focus_areas[1]");
                    assertThat(e.getMessage()).contains("60 characters");
                });
        assertThatThrownBy(() -> read("{\"focus_areas\": [\"legs\", 7]}"))
                .isInstanceOfSatisfying(com.fitnesscrm.orchestrator.base.InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("focus_areas[1]"));
    }

    @Test
    void an_llm_plan_that_undoes_the_focus_or_drops_the_lists_breaks_a_rule() {
        WorkoutRequest request = read("{\"focus_areas\": [\"chest\", \"cardio\", \"banana\"]}");
        WorkoutPlan focused = engine.plan(request);
        assertThat(engine.check(request, focused)).isEmpty();

        // the plan without the focus, claiming to be the focused one: fewer chest sets and no conditioning
        WorkoutPlan plain = engine.plan(request.withFocus(List.of(), List.of()));
        WorkoutPlan undone = new WorkoutPlan(plain.clientId(), plain.goal(), plain.fitnessLevel(), plain.split(),
                plain.daysPerWeek(), plain.minutesPerSession(), plain.weeks(), plain.weeklySetsPerMuscle(),
                focused.cardio(), focused.rulesChecked(), "llm", "Enjoy.", null, focused.focusAreas(),
                focused.unknownFocusAreas());
        assertThat(engine.check(request, undone))
                .anySatisfy(violation -> assertThat(violation).contains("sets for chest; the focus asks for at least"))
                .anySatisfy(violation -> assertThat(violation).contains("minutes of conditioning; the focus asks"));

        WorkoutPlan listsDropped = new WorkoutPlan(focused.clientId(), focused.goal(), focused.fitnessLevel(),
                focused.split(), focused.daysPerWeek(), focused.minutesPerSession(), focused.weeks(),
                focused.weeklySetsPerMuscle(), focused.cardio(), focused.rulesChecked(), "llm", "Enjoy.");
        assertThat(engine.check(request, listsDropped))
                .anySatisfy(violation -> assertThat(violation).startsWith("focus_areas must be"))
                .anySatisfy(violation -> assertThat(violation).startsWith("unknown_focus_areas must be"));
    }

    @Test
    void the_llm_is_told_the_focus_and_what_was_not_understood() {
        String prompt = WorkoutOptimizerAgent.focus(read("{\"focus_areas\": [\"chest\", \"banana\"]}"));
        assertThat(prompt).contains("focus on: chest").contains("not understood and are ignored: banana");
        assertThat(WorkoutOptimizerAgent.focus(read("{}"))).isEmpty();
    }

    private WorkoutPlan plan(String body) {
        WorkoutRequest request = read(body);
        WorkoutPlan plan = engine.plan(request);
        assertThat(engine.check(request, plan)).as(body).isEmpty();
        return plan;
    }

    private WorkoutRequest read(String body) {
        try {
            return WorkoutInputReader.read(json.readTree(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Double> week1(WorkoutPlan plan) {
        return plan.weeklySetsPerMuscle().get(0).sets();
    }

    private static List<PlannedExercise> exercises(WorkoutPlan plan) {
        return plan.weeks().get(0).sessions().stream().map(Session::exercises).flatMap(List::stream).toList();
    }

    private static int conditioning(WorkoutPlan plan) {
        return exercises(plan).stream().filter(exercise -> exercise.pattern().equals("conditioning"))
                .mapToInt(PlannedExercise::minutes).sum();
    }
}
