package com.fitnesscrm.orchestrator.execution.internal;

import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.execution.ListedRun;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunFilter;
import com.fitnesscrm.orchestrator.execution.RunPage;
import com.fitnesscrm.orchestrator.execution.RunStep;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.security.Requester;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads runs: one with its payloads, its steps, or pages of summaries within the payload memory. */
@Component
public class RunQueries {

    private static final int MAX_PAGE_SIZE = 100;
    private static final long MAX_OFFSET = 10_000_000;
    /** A grid's page; {@code GET /api/executions} pages are at most {@link #MAX_PAGE_SIZE}. */
    private static final int MAX_GRID_PAGE = 500;

    private final RunStore runs;
    private final PayloadMemory payloadMemory;

    RunQueries(RunStore runs, PayloadMemory payloadMemory) {
        this.runs = runs;
        this.payloadMemory = payloadMemory;
    }

    /** @throws NotFoundException no run with that id */
    public Run get(long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("No run with id " + id + "."));
    }

    /** The run a requester started with this Idempotency-Key, if any. */
    public Optional<Run> byIdempotencyKey(Requester requester, String key) {
        return runs.findByIdempotencyKey(requester.name(), key);
    }

    /** @throws NotFoundException no run with that id */
    public List<RunStep> steps(long id) {
        get(id);
        return runs.steps(id);
    }

    /** A workflow run's child runs, oldest first. */
    public List<RunSummary> children(long id) {
        return runs.children(id);
    }

    /** The config fields a replay laid over its agent's config, or {@code null}. */
    public String configOverride(long id) {
        return runs.configOverride(id);
    }

    /** Newest first, without a total: for grids over many rows. */
    public List<RunSummary> list(RunFilter filter, int offset, int limit) {
        return runs.summaries(filter, Math.max(0, offset), Math.min(Math.max(1, limit), MAX_GRID_PAGE));
    }

    /**
     * A numbered page with the total; with {@code include}, each run's input and/or output while they fit the page's
     * payload budget, stubs after that. Such a page holds a lease on the payload memory until it is closed.
     *
     * @throws InvalidInputException a page or page size out of range, naming it
     * @throws UnavailableException  other pages with payloads hold the memory for too long
     */
    public RunPage page(RunFilter filter, int page, int perPage, Set<ListedRun.Part> include) {
        if (page < 1) {
            throw new InvalidInputException("page", "'page' starts at 1.");
        }
        if (perPage < 1 || perPage > MAX_PAGE_SIZE) {
            throw new InvalidInputException("per_page", "'per_page' must be from 1 to " + MAX_PAGE_SIZE + ".");
        }
        if ((long) (page - 1) * perPage > MAX_OFFSET) {
            throw new InvalidInputException("page", "'page' is beyond the last run that can be listed; narrow the "
                    + "filters (agent_id, status, from, to) instead.");
        }
        int offset = (page - 1) * perPage;
        long total = runs.count(filter);
        if (include.isEmpty()) {
            return new RunPage(runs.summaries(filter, offset, perPage).stream().map(ListedRun::summary).toList(),
                    total, page, perPage, null);
        }
        PayloadMemory.Lease lease = payloadMemory.reserve();
        try {
            int budget = payloadMemory.budget();
            List<ListedRun> rows = runs.pageWithPayloads(filter, offset, perPage,
                    include.contains(ListedRun.Part.INPUT), include.contains(ListedRun.Part.OUTPUT), budget);
            long bytes = 0;
            int truncated = 0;
            for (ListedRun row : rows) {
                for (ListedRun.Payload payload : new ListedRun.Payload[] {row.input(), row.output()}) {
                    if (payload != null && payload.truncated()) {
                        truncated++;
                    } else if (payload != null && payload.bytes() != null) {
                        bytes += payload.bytes();
                    }
                }
            }
            lease.keep(bytes);
            return new RunPage(rows, total, page, perPage,
                    new RunPage.Payloads(budget, bytes, truncated, lease::close));
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }
}
