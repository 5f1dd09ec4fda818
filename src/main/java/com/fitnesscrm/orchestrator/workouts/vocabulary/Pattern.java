package com.fitnesscrm.orchestrator.workouts.vocabulary;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.JsonCoded;

/** An exercise's movement pattern; each week of a plan covers the main ones. */
public enum Pattern implements JsonCoded {
    SQUAT, HINGE, LUNGE, HORIZONTAL_PUSH, VERTICAL_PUSH, HORIZONTAL_PULL, VERTICAL_PULL, CORE, CARRY, CONDITIONING, ISOLATION,
    /** Stretches and mobility drills, given in minutes like conditioning, for a flexibility focus. */
    MOBILITY;

    /** Given in minutes rather than sets: conditioning and mobility, which count toward no muscle's volume. */
    public boolean timed() {
        return this == CONDITIONING || this == MOBILITY;
    }

    /** Whether the pattern with this code is timed. */
    public static boolean timed(String code) {
        return Coded.find(Pattern.class, code).map(Pattern::timed).orElse(false);
    }
}
