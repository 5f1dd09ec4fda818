package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** What a client can train with; bodyweight is always available. */
public enum Equipment {
    BODYWEIGHT, DUMBBELL, BARBELL, RACK, BENCH, KETTLEBELL, CABLE, MACHINE, BANDS, PULLUP_BAR, CARDIO_MACHINE;

    /** The value in JSON (Jackson reads it back by the same code). */
    @JsonValue
    public String code() {
        return Codes.code(this);
    }

    /** The value with this code, case and surrounding blanks ignored. */
    public static Optional<Equipment> find(String code) {
        return Codes.find(Equipment.class, code);
    }

    /** The allowed codes, comma-separated, for error messages. */
    public static String codes() {
        return Codes.list(Equipment.class);
    }
}
