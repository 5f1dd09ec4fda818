package com.fitnesscrm.orchestrator.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The report plus what a chart needs and the report leaves out: each metric's raw points, the daily trend line, the
 * fitted rate line over its window and the anomalies.
 */
public record ProgressAnalysis(ProgressReport report, Map<Metric, Series> series) {

    public record Point(LocalDate date, double value) {
    }

    /**
     * @param fitStart the fitted rate line at the start of its window ({@code null} when no rate was measured)
     * @param fitEnd   the fitted rate line on the last reading's day
     */
    public record Series(List<Point> raw, List<Point> trend, List<Point> anomalies, Point fitStart, Point fitEnd) {
    }
}
