package com.fitnesscrm.orchestrator.health;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.health.internal.AlertLog;
import com.fitnesscrm.orchestrator.health.internal.HealthHistory;
import com.fitnesscrm.orchestrator.security.Permissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    public static final int ALERT_ROWS = 100;

    private final HealthHistory history;
    private final HealthChecker checker;
    private final AlertLog alerts;
    private final RunService runs;
    private final Clock clock;

    HealthCheckService(HealthHistory history, HealthChecker checker, AlertLog alerts, RunService runs, Clock clock) {
        this.history = history;
        this.checker = checker;
        this.alerts = alerts;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * The overall status of the latest check, for everyone signed in (a trainer's dashboard shows it in words, without
     * the components); empty before the first check. While the database is away: critical.
     */
    public Optional<HealthStatus> overall() {
        try {
            List<HealthCheckRow> latestCheck = history.latestCheck();
            return latestCheck.isEmpty() ? Optional.empty() : Optional.of(HealthStatus.worst(
                    latestCheck.stream().map(row -> row.component().status()).toList()));
        } catch (DataAccessException e) {
            return Optional.of(HealthStatus.CRITICAL);
        }
    }

    /** "Check now": a recorded run of the Health Checker, like {@code /api/execute} with {@code health_check}. */
    @PreAuthorize(Permissions.ADMIN_USER)
    public HealthReport checkNow() {
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("timestamp", clock.instant().toString());
        return runs.run(RunRequest.forTaskType(AgentType.HEALTH_CHECK.code(), input), HealthReport.class).output();
    }

    /**
     * The newest {@value #ALERT_ROWS} alerts, each channel's delivery on its own row, newest first; none while the
     * database is away (the view says so from the overview).
     */
    @PreAuthorize(Permissions.ADMIN_USER)
    public List<HealthAlert> alerts() {
        try {
            return alerts.newest(ALERT_ROWS);
        } catch (DataAccessException e) {
            return List.of();
        }
    }

    /** Each component's worst status per bucket of {@code window}, up to now; no component while the database is away. */
    @PreAuthorize(Permissions.ADMIN_USER)
    public HealthTimeline timeline(HealthTimeline.Window window) {
        Instant now = clock.instant();
        long bucketSeconds = window.bucket().toSeconds();
        // whole buckets, the last one holding now
        Instant to = Instant.ofEpochSecond((now.getEpochSecond() / bucketSeconds + 1) * bucketSeconds);
        int buckets = (int) (window.length().toSeconds() / bucketSeconds);
        Instant from = to.minus(window.bucket().multipliedBy(buckets));
        Map<String, List<HealthStatus>> components = new LinkedHashMap<>();
        Map<String, Map<Integer, HealthStatus>> stored;
        try {
            stored = history.worstPerBucket(from, window.bucket());
        } catch (DataAccessException e) {
            stored = Map.of();
        }
        stored.forEach((component, worst) -> {
            List<HealthStatus> statuses = new ArrayList<>(Collections.nCopies(buckets, (HealthStatus) null));
            worst.forEach((bucket, status) -> {
                if (bucket >= 0 && bucket < buckets) {
                    statuses.set(bucket, status);
                }
            });
            components.put(component, statuses);
        });
        return new HealthTimeline(from, window.bucket(), buckets, components);
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
                checker.check(Set.of(), null); // a fresh database: the first check has not run yet
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
        HealthReport kept = checker.latest().orElseGet(() -> checker.check(Set.of(), null));
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
