package com.fitnesscrm.orchestrator.workouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.PlannedExercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.Session;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.Week;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random valid requests: every plan the rules engine makes passes every rule, checked twice — by the
 * validator the runtime uses, and by assertions written here independently of it for the rules a client would
 * notice first. Each request comes from its own seed, so a failure names the seed that reproduces it.
 */
class WorkoutEnginePropertyTest {

    private static final int REQUESTS = 2000;
    private static final long FIRST_SEED = 0x5EED_0000L;
    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.standard();
    private static final WorkoutEngine ENGINE = new WorkoutEngine(CATALOGUE);
    private static final WorkoutValidator VALIDATOR = new WorkoutValidator(CATALOGUE);

    @Test
    void every_plan_passes_every_rule() {
        int muscleFocused = 0;
        int gained = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + REQUESTS; seed++) {
            WorkoutRequest request = randomRequest(new Random(seed));
            checkPlan(seed, request);
            if (!request.focusMuscles().isEmpty()) {
                muscleFocused++;
                gained += checkFocus(seed, request) ? 1 : 0;
            }
        }
        // Short sessions and muscles already at MRV leave no room; most requests must still gain.
        assertThat(muscleFocused).isGreaterThan(REQUESTS / 4);
        assertThat(gained).as("muscle-focused plans where a focused muscle gained sets").isGreaterThan(
                muscleFocused * 6 / 10);
    }

    /**
     * Against the same request without its muscle focus (cardio, flexibility and strength kept, as they shape the
     * week before the muscle focus adds to it): no focused muscle has fewer sets in week 1, and a muscle that gave
     * sets to the focus keeps its MV; true when a focused one has more.
     */
    private static boolean checkFocus(long seed, WorkoutRequest request) {
        List<FocusArea> kept = request.focusAreas().stream().filter(area -> area.muscles().isEmpty()).toList();
        Map<String, Double> without = ENGINE.plan(request.withFocus(kept, request.unknownFocusAreas()))
                .weeklySetsPerMuscle().get(0).sets();
        Map<String, Double> with = ENGINE.plan(request).weeklySetsPerMuscle().get(0).sets();
        for (Map.Entry<String, Double> entry : with.entrySet()) {
            Muscle muscle = Coded.find(Muscle.class, entry.getKey()).orElseThrow();
            double floor = request.focusMuscles().contains(muscle) ? without.get(entry.getKey())
                    : Math.min(without.get(entry.getKey()), GoalRules.minimumVolume(request, muscle));
            assertThat(entry.getValue()).as("seed %d, %s with the focus", seed, entry.getKey())
                    .isGreaterThanOrEqualTo(floor - 1e-9);
        }
        return request.focusMuscles().stream().anyMatch(muscle -> with.get(muscle.code())
                > without.get(muscle.code()) + 1e-9);
    }

    private static void checkPlan(long seed, WorkoutRequest request) {
        WorkoutPlan plan = ENGINE.plan(request);

        assertThat(VALIDATOR.check(request, plan)).as("seed %d, violations for %s", seed, request).isEmpty();

        assertThat(plan.weeks()).hasSize(request.weeks());
        assertThat(plan.engine()).isEqualTo("rules");
        for (Week week : plan.weeks()) {
            assertThat(week.sessions()).hasSize(request.daysPerWeek());
            assertThat(week.deload()).isEqualTo(week.week() % 6 == 0);
            int pushing = 0;
            int pulling = 0;
            for (Session session : week.sessions()) {
                assertThat(session.estimatedMinutes()).isLessThanOrEqualTo(request.minutesPerSession());
                int seconds = session.exercises().stream().anyMatch(e -> e.minutes() == null)
                        ? (request.minutesPerSession() <= 30 ? 300 : 600) : 0;
                for (PlannedExercise planned : session.exercises()) {
                    Exercise exercise = CATALOGUE.byId(planned.exerciseId()).orElseThrow();
                    // equipment: only what the client has, bodyweight always
                    assertThat(exercise.equipment()).allMatch(item -> item == Equipment.BODYWEIGHT
                            || request.equipment().contains(item));
                    assertThat(exercise.contraindications()).noneMatch(request.contraindications()::contains);
                    seconds += planned.minutes() != null ? planned.minutes() * 60
                            : planned.sets() * (planned.reps().max() * 4 + planned.restSeconds());
                    if (planned.pattern().endsWith("_push")) {
                        pushing += planned.sets();
                    } else if (planned.pattern().endsWith("_pull")) {
                        pulling += planned.sets();
                    }
                }
                assertThat(seconds).isLessThanOrEqualTo(request.minutesPerSession() * 60);
            }
            assertThat(pulling).as("seed %d, week %d pulling vs pushing", seed, week.week()).isGreaterThanOrEqualTo(pushing);
            for (Map.Entry<String, Double> entry : plan.weeklySetsPerMuscle().get(week.week() - 1).sets().entrySet()) {
                assertThat(entry.getValue()).isLessThanOrEqualTo(
                        GoalRules.MRV.get(Coded.find(Muscle.class, entry.getKey()).orElseThrow()));
            }
        }
        assertThat(ENGINE.plan(request)).as("deterministic").isEqualTo(plan);
    }

    /** Any valid request: every goal, level, equipment set, day count, length, condition set and a history. */
    private static WorkoutRequest randomRequest(Random random) {
        Set<Equipment> equipment = EnumSet.of(Equipment.BODYWEIGHT);
        equipment.addAll(someOf(random, Equipment.values()));
        List<Exercise> exercises = CATALOGUE.all();
        List<WorkoutRequest.HistoryEntry> history = new ArrayList<>();
        for (int i = random.nextInt(21); i > 0; i--) {
            history.add(new WorkoutRequest.HistoryEntry(exercises.get(random.nextInt(exercises.size())).id(),
                    Math.round(random.nextDouble() * 3000) / 10.0, 1 + random.nextInt(30),
                    random.nextDouble() < 0.3 ? null : random.nextInt(6)));
        }
        WorkoutRequest request = new WorkoutRequest("client-1", pick(random, Goal.values()),
                pick(random, FitnessLevel.values()), equipment, 1 + random.nextInt(7), 15 + random.nextInt(166),
                1 + random.nextInt(16), someOf(random, Contraindication.values()), history);
        // Half the requests focus: up to four areas of any kind, now and then beside one the planner does not know.
        if (random.nextBoolean()) {
            List<FocusArea> areas = new ArrayList<>();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                areas.add(pick(random, FocusArea.values()));
            }
            request = request.withFocus(areas, random.nextDouble() < 0.2 ? List.of("banana") : List.of());
        }
        return request;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A random subset, empty as often as full sets are likely. */
    private static <T> Set<T> someOf(Random random, T[] values) {
        Set<T> chosen = new LinkedHashSet<>();
        double share = random.nextDouble();
        for (T value : values) {
            if (random.nextDouble() < share) {
                chosen.add(value);
            }
        }
        return chosen;
    }
}
