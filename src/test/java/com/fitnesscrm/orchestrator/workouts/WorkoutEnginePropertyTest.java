package com.fitnesscrm.orchestrator.workouts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.PlannedExercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.Session;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.Week;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Thousands of random valid requests: every plan the rules engine makes passes every rule, checked twice — by the
 * validator the runtime uses, and by assertions written here independently of it for the rules a client would
 * notice first.
 */
class WorkoutEnginePropertyTest {

    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.standard();
    private static final WorkoutEngine ENGINE = new WorkoutEngine(CATALOGUE);
    private static final WorkoutValidator VALIDATOR = new WorkoutValidator(CATALOGUE);

    @Property(tries = 2000)
    void every_plan_passes_every_rule(@ForAll("requests") WorkoutRequest request) {
        WorkoutPlan plan = ENGINE.plan(request);

        assertThat(VALIDATOR.check(request, plan)).as("violations for %s", request).isEmpty();

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
            assertThat(pulling).as("week %d pulling vs pushing", week.week()).isGreaterThanOrEqualTo(pushing);
            for (Map.Entry<String, Double> entry : plan.weeklySetsPerMuscle().get(week.week() - 1).sets().entrySet()) {
                assertThat(entry.getValue()).isLessThanOrEqualTo(GoalRules.MRV.get(Muscle.find(entry.getKey())
                        .orElseThrow()));
            }
        }
        assertThat(ENGINE.plan(request)).as("deterministic").isEqualTo(plan);
    }

    @Provide
    Arbitrary<WorkoutRequest> requests() {
        Arbitrary<Goal> goal = Arbitraries.of(Goal.class);
        Arbitrary<FitnessLevel> level = Arbitraries.of(FitnessLevel.class);
        Arbitrary<Set<Equipment>> equipment = Arbitraries.of(Equipment.class).set();
        Arbitrary<Integer> days = Arbitraries.integers().between(1, 7);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(15, 180);
        Arbitrary<Integer> weeks = Arbitraries.integers().between(1, 16);
        Arbitrary<Set<Contraindication>> conditions = Arbitraries.of(Contraindication.class).set();
        Arbitrary<WorkoutRequest.HistoryEntry> entry = Combinators.combine(
                Arbitraries.of(CATALOGUE.all().stream().map(Exercise::id).toList()),
                Arbitraries.doubles().between(0, 300).ofScale(1), Arbitraries.integers().between(1, 30),
                Arbitraries.integers().between(0, 5).injectNull(0.3)).as(WorkoutRequest.HistoryEntry::new);
        Arbitrary<List<WorkoutRequest.HistoryEntry>> history = entry.list().ofMaxSize(20);
        return Combinators.combine(goal, level, equipment, days, minutes, weeks, conditions, history)
                .as((g, l, e, d, m, w, c, h) -> new WorkoutRequest("client-1", g, l, withBodyweight(e), d, m, w, c, h));
    }

    private static Set<Equipment> withBodyweight(Set<Equipment> equipment) {
        java.util.EnumSet<Equipment> all = java.util.EnumSet.of(Equipment.BODYWEIGHT);
        all.addAll(equipment);
        return all;
    }
}
