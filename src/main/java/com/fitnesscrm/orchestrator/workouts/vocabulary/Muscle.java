package com.fitnesscrm.orchestrator.workouts.vocabulary;

import com.fitnesscrm.orchestrator.base.JsonCoded;

/**
 * The muscle groups whose weekly sets are counted (Renaissance Periodization's landmarks in the engine's
 * {@code GoalRules}).
 */
public enum Muscle implements JsonCoded {
    CHEST, BACK, QUADS, HAMSTRINGS, GLUTES, SIDE_DELTS, REAR_DELTS, FRONT_DELTS, BICEPS, TRICEPS, CALVES, ABS
}
