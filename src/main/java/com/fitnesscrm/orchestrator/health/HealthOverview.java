package com.fitnesscrm.orchestrator.health;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/health-status} answers: the latest check, and the newest rows of the history.
 *
 * @param components the latest check of each component
 * @param rows       the newest rows of {@code ai_system_health}, newest first
 * @param fromMemory the database is away: the latest check this node kept, with {@code database} critical
 */
public record HealthOverview(HealthStatus overall, List<ComponentHealth> components, Instant checkedAt,
                             List<HealthCheckRow> rows, boolean fromMemory) {
}
