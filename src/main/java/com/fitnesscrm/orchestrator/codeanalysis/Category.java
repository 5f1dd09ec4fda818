package com.fitnesscrm.orchestrator.codeanalysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The original service's issue categories. */
public enum Category {
    SECURITY, BUG, PERFORMANCE, STYLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Category> find(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }
}
