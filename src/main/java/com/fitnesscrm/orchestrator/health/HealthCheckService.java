package com.fitnesscrm.orchestrator.health;

import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.health.internal.HealthHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The Health Checker's results for people and the main backend. Not {@code @Transactional}, on purpose: a
 * transaction would need a connection before the method starts, and this service must answer while the database is
 * away, from the latest check this node kept in memory.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class HealthCheckService {

    public static final int DEFAULT_ROWS = 50;
    public static final int MAX_ROWS = 500;

    private final HealthHistory history;
    private final HealthChecker checker;

    HealthCheckService(HealthHistory history, HealthChecker checker) {
        this.history = history;
        this.checker = checker;
    }

    /**
     * The latest check and the newest {@code limit} rows. While the database is away: this node's latest check, its
     * {@code database} critical (the check may be older than the outage), or a check made now if there is none.
     */
    public HealthOverview overview(int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw new InvalidInputException("limit", "'limit' must be from 1 to " + MAX_ROWS + ".");
        }
        try {
            List<HealthCheckRow> latestCheck = history.latestCheck();
            if (latestCheck.isEmpty()) {
                checker.check(java.util.Set.of(), null); // a fresh database: the first check has not run yet
                latestCheck = history.latestCheck();
            }
            List<ComponentHealth> components = latestCheck.stream().map(HealthCheckRow::component).toList();
            return new HealthOverview(HealthStatus.worst(components.stream().map(ComponentHealth::status).toList()),
                    components, latestCheck.isEmpty() ? null : latestCheck.get(0).checkedAt(), history.latest(limit),
                    false);
        } catch (DataAccessException e) {
            return fromMemory(e.getMostSpecificCause().getMessage());
        }
    }

    private HealthOverview fromMemory(String error) {
        HealthReport kept = checker.latest().orElseGet(() -> checker.check(java.util.Set.of(), null));
        ComponentHealth away = new ComponentHealth("database", HealthStatus.CRITICAL,
                "The database does not answer: " + error + ".",
                kept.component("database").map(ComponentHealth::metrics).orElse(Map.of()));
        List<ComponentHealth> components = new ArrayList<>();
        for (ComponentHealth component : kept.components()) {
            components.add(component.component().equals("database") ? away : component);
        }
        List<HealthCheckRow> rows = components.stream()
                .map(component -> new HealthCheckRow(null, component, kept.checkedAt())).toList();
        return new HealthOverview(HealthStatus.CRITICAL, components, kept.checkedAt(), rows, true);
    }
}
