package com.fitnesscrm.orchestrator.health;

import java.util.List;
import java.util.Set;

/**
 * What a {@code health_check} run is asked: the main backend posts {@code {"timestamp": …}}; {@code components}
 * narrows the report to some components.
 *
 * @param timestamp  the caller's time, as sent (kept for the run's record, not interpreted)
 * @param components component names to report; empty: all
 */
public record HealthCheckInput(String timestamp, Set<String> components) {

    /** The components a check reports, in its order; {@code main_backend} only when its URL is configured. */
    public static final List<String> COMPONENTS = List.of("database", "jvm", "disk", "scheduler", "run_engine", "llm",
            "main_backend", "crm", "agents", "slo");

    public HealthCheckInput {
        components = components == null ? Set.of() : Set.copyOf(components);
    }
}
