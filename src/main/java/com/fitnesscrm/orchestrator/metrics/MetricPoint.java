package com.fitnesscrm.orchestrator.metrics;

import java.time.Instant;

/**
 * One roll-up row: {@code agent}'s {@code type} over the period starting at {@code start}. {@code configVersion} is
 * null for the agent's runs of every version, a number for a per-version row.
 */
public record MetricPoint(String agent, MetricType type, MetricPeriod period, Instant start, Instant end,
                          Integer configVersion, double value) {
}
