package com.fitnesscrm.orchestrator.health;

import java.util.Map;

/**
 * One component's state at one check: a row of {@code ai_system_health}.
 *
 * @param component e.g. {@code database}, {@code llm}, {@code agents}
 * @param message   one or two sentences a person can act on
 * @param metrics   the numbers the status was judged by (stored as {@code metrics} jsonb)
 */
public record ComponentHealth(String component, HealthStatus status, String message, Map<String, Object> metrics) {

    public ComponentHealth {
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(metrics));
    }
}
