package com.fitnesscrm.orchestrator.metrics;

import java.util.List;
import java.util.Set;

/** What the roll-ups say: for the dashboard, {@code GET /api/metrics} and the health checks, never from raw runs. */
public interface MetricsReader {

    /** The key figures over the query's range for its agents. */
    Kpis kpis(MetricsQuery query);

    /** The rows of {@code types} in the query's range, ordered by agent, type, period start and config version. */
    List<MetricPoint> series(MetricsQuery query, Set<MetricType> types);
}
