package com.fitnesscrm.orchestrator.health;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One health check of every component: the Health Checker's output and what {@code /api/health-status} answers.
 *
 * @param overall         the worst of the components
 * @param components      in a fixed order: database, jvm, disk, scheduler, run_engine, llm, main_backend (when
 *                        configured), crm, agents, slo
 * @param recommendations what a person should do; the checker never acts on these itself
 * @param remediations    what this check's self-healing did (or, with {@code SELF_HEALING=dry_run}, would do),
 *                        each {@code {id, kind, mode, reason, result, agent_id?, run_ids?, at}}, {@code id} being
 *                        the entry of the remediation log
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HealthReport(HealthStatus overall, List<ComponentHealth> components, List<String> recommendations,
                           List<Map<String, Object>> remediations, Instant checkedAt) {

    public HealthReport {
        components = List.copyOf(components);
        recommendations = List.copyOf(recommendations);
        remediations = List.copyOf(remediations);
    }

    public Optional<ComponentHealth> component(String name) {
        return components.stream().filter(c -> c.component().equals(name)).findFirst();
    }
}
