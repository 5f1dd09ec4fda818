package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** An exercise's movement pattern; each week of a plan covers the main ones. */
public enum Pattern {
    SQUAT, HINGE, LUNGE, HORIZONTAL_PUSH, VERTICAL_PUSH, HORIZONTAL_PULL, VERTICAL_PULL, CORE, CARRY, CONDITIONING, ISOLATION,
    /** Stretches and mobility drills, given in minutes like conditioning, for a flexibility focus. */
    MOBILITY;

    /** The value in JSON (Jackson reads it back by the same code). */
    @JsonValue
    public String code() {
        return Codes.code(this);
    }

    /** The value with this code, case and surrounding blanks ignored. */
    public static Optional<Pattern> find(String code) {
        return Codes.find(Pattern.class, code);
    }

    /** Given in minutes rather than sets: conditioning and mobility, which count toward no muscle's volume. */
    public boolean timed() {
        return this == CONDITIONING || this == MOBILITY;
    }

    /** Whether the pattern with this code is timed. */
    public static boolean timed(String code) {
        return find(code).map(Pattern::timed).orElse(false);
    }

    /** The allowed codes, comma-separated, for error messages. */
    public static String codes() {
        return Codes.list(Pattern.class);
    }
}
