package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** A condition that rules out every exercise marked with it. */
public enum Contraindication {
    KNEE, LOWER_BACK, SHOULDER, WRIST, HIP, PREGNANCY;

    /** The value in JSON (Jackson reads it back by the same code). */
    @JsonValue
    public String code() {
        return Codes.code(this);
    }

    /** The value with this code, case and surrounding blanks ignored. */
    public static Optional<Contraindication> find(String code) {
        return Codes.find(Contraindication.class, code);
    }

    /** The allowed codes, comma-separated, for error messages. */
    public static String codes() {
        return Codes.list(Contraindication.class);
    }
}
