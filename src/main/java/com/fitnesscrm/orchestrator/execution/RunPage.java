package com.fitnesscrm.orchestrator.execution;

import java.util.List;

/**
 * One page of runs with the total the original {@code GET /api/executions} answer carries.
 *
 * @param payloads what the page's payloads cost of its budget; {@code null} when no payload was asked for
 */
public record RunPage(List<ListedRun> runs, long total, int page, int perPage, Payloads payloads)
        implements AutoCloseable {

    public int pages() {
        return total == 0 ? 0 : (int) ((total + perPage - 1) / perPage);
    }

    /** Gives back the memory the page's payloads were counted against: call once the page has been written. */
    @Override
    public void close() {
        if (payloads != null) {
            payloads.release().run();
        }
    }

    /**
     * @param budgetBytes the most payload bytes a page carries ({@code orchestrator.executions.list.payload-budget})
     * @param bytes       what this page carries
     * @param truncated   payloads left out for the budget, each replaced by a stub that leads to its run
     * @param release     gives back the memory held for the page (idempotent)
     */
    public record Payloads(long budgetBytes, long bytes, int truncated, Runnable release) {
    }
}
