package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue;
import com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngine;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One plan from the Workout Optimizer's rules engine, and the same plan checked by its validator (the runtime does
 * both on every run): target < 50 ms per plan. A warmed-up loop over a fixed mix of requests (the largest plan — 16
 * weeks of 7 days of 180 minutes — among them), timing each plan; p50, p99 and the maximum are printed and p99
 * asserted. Run with {@code ./mvnw -Pbenchmark verify -Dit.test=WorkoutPlanBenchmark}.
 */
class WorkoutPlanBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.workout.warmup", 3_000);
    private static final int PLANS = Integer.getInteger("benchmark.workout.plans", 5_000);

    private final WorkoutEngine engine = new WorkoutEngine(ExerciseCatalogue.standard());

    @Test
    void one_plan_takes_less_than_50_ms_with_the_rules_engine() {
        List<WorkoutRequest> requests = requests(200);
        int violations = 0;
        for (int i = 0; i < WARM_UP; i++) {
            violations += engine.check(requests.get(i % requests.size()), engine.plan(requests.get(i
                    % requests.size()))).size();
        }
        long[] plan = new long[PLANS];
        long[] planAndCheck = new long[PLANS];
        for (int i = 0; i < PLANS; i++) {
            WorkoutRequest request = requests.get(i % requests.size());
            long start = System.nanoTime();
            WorkoutPlan result = engine.plan(request);
            long planned = System.nanoTime();
            violations += engine.check(request, result).size();
            long checked = System.nanoTime();
            plan[i] = planned - start;
            planAndCheck[i] = checked - start;
        }
        print("plan", plan);
        print("plan + check", planAndCheck);
        WorkoutRequest largest = new WorkoutRequest("bench", Goal.HYPERTROPHY, FitnessLevel.ADVANCED,
                EnumSet.allOf(Equipment.class), 7, 180, 16, Set.of(), List.of());
        long[] large = new long[500];
        for (int i = 0; i < large.length; i++) {
            long start = System.nanoTime();
            engine.check(largest, engine.plan(largest));
            large[i] = System.nanoTime() - start;
        }
        print("largest plan + check (16 weeks × 7 days × 180 min)", large);
        assertThat(violations).isZero();
        assertThat(percentile(planAndCheck, 0.99)).as("p99 of one plan and its check, ms").isLessThan(50.0);
        assertThat(percentile(large, 0.99)).as("p99 of the largest plan and its check, ms").isLessThan(50.0);
    }

    private static List<WorkoutRequest> requests(int count) {
        Random random = new Random(42);
        List<WorkoutRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EnumSet<Equipment> equipment = EnumSet.of(Equipment.BODYWEIGHT);
            Arrays.stream(Equipment.values()).filter(item -> random.nextInt(3) > 0).forEach(equipment::add);
            EnumSet<Contraindication> conditions = EnumSet.noneOf(Contraindication.class);
            Arrays.stream(Contraindication.values()).filter(item -> random.nextInt(6) == 0).forEach(conditions::add);
            requests.add(new WorkoutRequest("bench-" + i, Goal.values()[random.nextInt(Goal.values().length)],
                    FitnessLevel.values()[random.nextInt(3)], equipment, 1 + random.nextInt(7), 15 + random.nextInt(166),
                    1 + random.nextInt(16), conditions, List.of()));
        }
        return requests;
    }

    private static void print(String what, long[] nanos) {
        System.out.printf("WorkoutPlanBenchmark %-50s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d plans)%n", what,
                percentile(nanos, 0.50), percentile(nanos, 0.99), percentile(nanos, 1.0), nanos.length);
    }

    private static double percentile(long[] nanos, double share) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
