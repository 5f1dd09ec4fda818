package com.fitnesscrm.orchestrator.codeanalysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The original service's severities, lowest first (so {@link #compareTo} orders them). */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> find(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
