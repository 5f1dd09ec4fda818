package com.fitnesscrm.orchestrator.metrics;

import java.time.Instant;

/**
 * One roll-up row of {@code ai_agent_metrics} as {@code GET /api/metrics} lists it: the original columns and the
 * roll-up's key.
 *
 * @param agentId       {@code null} once the agent was deleted ({@code agentName} stays)
 * @param configVersion {@code null} for the agent's runs of every version
 */
public record MetricRow(long id, Integer agentId, String agentName, String metricType, double metricValue,
                        MetricPeriod period, Instant periodStart, Instant periodEnd, Integer configVersion,
                        Instant createdAt) {
}
