package com.fitnesscrm.orchestrator.metrics;

import java.time.Instant;

/**
 * Which roll-up rows to list; every part optional. {@code from}/{@code to} bound the period's start:
 * {@code from <= period_start < to}.
 */
public record MetricRowFilter(Integer agentId, String agentName, MetricType type, MetricPeriod period, Instant from,
                              Instant to) {
}
