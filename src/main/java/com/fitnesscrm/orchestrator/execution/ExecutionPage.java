package com.fitnesscrm.orchestrator.execution;

import java.util.List;

/** One page of runs with the total the original {@code GET /api/executions} answer carries. */
public record ExecutionPage(List<Execution> executions, long total, int page, int perPage) {

    public int pages() {
        return total == 0 ? 0 : (int) ((total + perPage - 1) / perPage);
    }
}
