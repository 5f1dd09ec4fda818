package com.fitnesscrm.orchestrator.health;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** The original service's vocabulary for a component's state, from best to worst. */
public enum HealthStatus {
    HEALTHY, WARNING, CRITICAL;

    /** As stored in {@code ai_system_health.status} and sent over REST. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static HealthStatus fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown health status '" + code + "'"));
    }

    public HealthStatus worse(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The worst of {@code statuses}; healthy when there are none. */
    public static HealthStatus worst(Collection<HealthStatus> statuses) {
        return statuses.stream().reduce(HEALTHY, HealthStatus::worse);
    }
}
