package com.fitnesscrm.orchestrator.health;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.JsonCoded;
import java.util.Collection;

/**
 * The original service's vocabulary for a component's state, from best to worst. Its code ({@code healthy},
 * {@code warning}, {@code critical}) is how it is stored in {@code ai_system_health.status} and sent over REST.
 */
public enum HealthStatus implements JsonCoded {
    HEALTHY, WARNING, CRITICAL;

    @JsonCreator
    public static HealthStatus fromCode(String code) {
        return Coded.find(HealthStatus.class, code).orElseThrow(() -> new IllegalArgumentException(
                "Unknown health status '" + code + "'; expected one of " + Coded.codes(HealthStatus.class)));
    }

    public HealthStatus worse(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The worst of {@code statuses}; healthy when there are none. */
    public static HealthStatus worst(Collection<HealthStatus> statuses) {
        return statuses.stream().reduce(HEALTHY, HealthStatus::worse);
    }
}
