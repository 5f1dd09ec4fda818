package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** A client's training age; an exercise's level is the lowest client level it is given to. */
public enum FitnessLevel {
    BEGINNER, INTERMEDIATE, ADVANCED;

    /** The value in JSON (Jackson reads it back by the same code). */
    @JsonValue
    public String code() {
        return Codes.code(this);
    }

    /** The value with this code, case and surrounding blanks ignored. */
    public static Optional<FitnessLevel> find(String code) {
        return Codes.find(FitnessLevel.class, code);
    }

    /** The allowed codes, comma-separated, for error messages. */
    public static String codes() {
        return Codes.list(FitnessLevel.class);
    }
}
