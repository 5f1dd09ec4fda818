package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The muscle groups whose weekly sets are counted (Renaissance Periodization's landmarks in the engine's
 * {@code GoalRules}).
 */
public enum Muscle {
    CHEST, BACK, QUADS, HAMSTRINGS, GLUTES, SIDE_DELTS, REAR_DELTS, FRONT_DELTS, BICEPS, TRICEPS, CALVES, ABS;

    /** The value in JSON (Jackson reads it back by the same code). */
    @JsonValue
    public String code() {
        return Codes.code(this);
    }

    /** The value with this code, case and surrounding blanks ignored. */
    public static Optional<Muscle> find(String code) {
        return Codes.find(Muscle.class, code);
    }

    /** The allowed codes, comma-separated, for error messages. */
    public static String codes() {
        return Codes.list(Muscle.class);
    }
}
