package com.fitnesscrm.orchestrator.workouts;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngine;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weekly hard sets a plan was written within (Renaissance Periodization's landmarks): each muscle's MRV, which
 * no plan passes, and its MV where the MV rule applies to the plan's goal, level, days and minutes. The engine holds
 * the numbers; views draw them (the planner's chart) through this record, not by reaching into the engine.
 *
 * @param maximum every muscle's MRV
 * @param minimum the MV of the muscles it applies to; empty where it applies to none, or the plan's goal or level
 *                is not one the planner knows
 */
public record VolumeLandmarks(Map<Muscle, Integer> maximum, Map<Muscle, Double> minimum) {

    public static VolumeLandmarks of(WorkoutPlan plan) {
        Map<Muscle, Integer> mrv = new EnumMap<>(Muscle.class);
        for (Muscle muscle : Muscle.values()) {
            mrv.put(muscle, WorkoutEngine.maximumVolume(muscle));
        }
        return new VolumeLandmarks(Collections.unmodifiableMap(mrv), Collections.unmodifiableMap(minimum(plan)));
    }

    private static Map<Muscle, Double> minimum(WorkoutPlan plan) {
        Goal goal = Coded.find(Goal.class, plan.goal()).orElse(null);
        FitnessLevel level = Coded.find(FitnessLevel.class, plan.fitnessLevel()).orElse(null);
        Map<Muscle, Double> mv = new EnumMap<>(Muscle.class);
        if (goal == null || level == null || plan.daysPerWeek() < 1 || plan.daysPerWeek() > 7) {
            return mv;
        }
        WorkoutRequest request = new WorkoutRequest(null, goal, level, Set.of(), plan.daysPerWeek(),
                plan.minutesPerSession(), 1, Set.of(), List.of());
        for (Muscle muscle : Muscle.values()) {
            double minimum = WorkoutEngine.minimumVolume(request, muscle);
            if (minimum > 0) {
                mv.put(muscle, minimum);
            }
        }
        return mv;
    }
}
