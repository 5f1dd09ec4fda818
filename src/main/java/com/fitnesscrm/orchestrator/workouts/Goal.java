package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** A client's training goal; the engine's {@code GoalRules} holds what NSCA prescribes for each. */
public enum Goal {
    STRENGTH, HYPERTROPHY, FAT_LOSS, ENDURANCE, GENERAL_FITNESS;

    /** The value in JSON (Jackson reads it back by the same code). */
    @JsonValue
    public String code() {
        return Codes.code(this);
    }

    /** The value with this code, case and surrounding blanks ignored. */
    public static Optional<Goal> find(String code) {
        return Codes.find(Goal.class, code);
    }

    /** The allowed codes, comma-separated, for error messages. */
    public static String codes() {
        return Codes.list(Goal.class);
    }
}
