package com.fitnesscrm.orchestrator.metrics;

import java.time.Instant;
import java.util.Set;

/**
 * Which roll-ups to read: periods starting in {@code [from, to)} of one length, for the named agents (empty: every
 * agent).
 */
public record MetricsQuery(Instant from, Instant to, MetricPeriod period, Set<String> agents) {

    public MetricsQuery {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        agents = Set.copyOf(agents);
    }
}
