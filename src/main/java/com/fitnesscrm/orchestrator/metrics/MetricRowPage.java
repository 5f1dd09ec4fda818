package com.fitnesscrm.orchestrator.metrics;

import java.util.List;

/** A numbered page of roll-up rows with the total, as {@code GET /api/metrics} answers. */
public record MetricRowPage(List<MetricRow> rows, long total, int page, int perPage) {

    public int pages() {
        return total == 0 ? 0 : (int) ((total + perPage - 1) / perPage);
    }
}
