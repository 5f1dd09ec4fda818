package com.fitnesscrm.orchestrator.metrics;

import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.metrics.internal.MetricRowStore;
import com.fitnesscrm.orchestrator.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The roll-up rows as stored, page by page: {@code GET /api/metrics}. Admins and keys with the read scope. */
@Service
@PreAuthorize(Permissions.ADMIN_OR_READ_KEY)
public class MetricRowService {

    /** As {@code GET /api/executions}. */
    public static final int MAX_PAGE_SIZE = 100;
    private static final long MAX_OFFSET = 10_000_000;

    private final MetricRowStore store;

    MetricRowService(MetricRowStore store) {
        this.store = store;
    }

    /** @throws InvalidInputException a page or per_page out of range, {@code from} after {@code to} */
    public MetricRowPage page(MetricRowFilter filter, int page, int perPage) {
        if (page < 1) {
            throw new InvalidInputException("page", "'page' must be 1 or more.");
        }
        if (perPage < 1 || perPage > MAX_PAGE_SIZE) {
            throw new InvalidInputException("per_page", "'per_page' must be from 1 to " + MAX_PAGE_SIZE + ".");
        }
        if ((long) (page - 1) * perPage > MAX_OFFSET) {
            throw new InvalidInputException("page", "'page' is too far: at most " + MAX_OFFSET + " rows are "
                    + "skipped; narrow the range with from and to.");
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidInputException("from", "'from' must not be after 'to'.");
        }
        return new MetricRowPage(store.rows(filter, (page - 1) * perPage, perPage), store.count(filter), page,
                perPage);
    }
}
