package com.fitnesscrm.orchestrator.health;

import java.time.Instant;

/** A row of {@code ai_system_health}: one component at one check; {@code id} is null for a check kept in memory. */
public record HealthCheckRow(Long id, ComponentHealth component, Instant checkedAt) {
}
