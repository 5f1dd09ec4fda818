package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Whether an exercise moves several joints (compound) or one (isolation). */
public enum Mechanics {
    COMPOUND, ISOLATION;

    /** The value in JSON (Jackson reads it back by the same code). */
    @JsonValue
    public String code() {
        return Codes.code(this);
    }

    /** The value with this code, case and surrounding blanks ignored. */
    public static Optional<Mechanics> find(String code) {
        return Codes.find(Mechanics.class, code);
    }

    /** The allowed codes, comma-separated, for error messages. */
    public static String codes() {
        return Codes.list(Mechanics.class);
    }
}
