package com.fitnesscrm.orchestrator.health;

import com.fitnesscrm.orchestrator.agents.RunSteps;
import com.fitnesscrm.orchestrator.health.engine.HealthEngine;
import com.fitnesscrm.orchestrator.health.engine.HealthLimits;
import com.fitnesscrm.orchestrator.health.engine.HealthReadings;
import com.fitnesscrm.orchestrator.health.internal.HealthAlerts;
import com.fitnesscrm.orchestrator.health.internal.HealthHistory;
import com.fitnesscrm.orchestrator.health.internal.HealthProbes;
import com.fitnesscrm.orchestrator.health.internal.SelfHealer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * One health check: every probe, then the {@link HealthEngine}'s judgement, then self-healing ({@link SelfHealer}:
 * what is safe to heal, on the record), stored as one row per component in {@code ai_system_health}. Called by the
 * Health Checker agent's runs (the main backend's every five minutes among them) and by the scheduled check; each
 * heals, and the remediation log keeps one condition from being healed twice. No method security: the scheduled
 * check runs with no one signed in, and a run's caller was checked when the run was asked for. The latest full check
 * is kept in memory, so that the status can still be told while the database is away.
 */
@Component
public class HealthChecker {

    private static final Logger log = LoggerFactory.getLogger(HealthChecker.class);

    private final HealthProbes probes;
    private final HealthHistory history;
    private final HealthAlerts alerts;
    private final HealthSettings settings;
    private final SelfHealer healer;
    private final HealthEngine engine = new HealthEngine();
    private final HealthLimits limits;
    private final AtomicReference<HealthReport> latest = new AtomicReference<>();

    HealthChecker(HealthProbes probes, HealthHistory history, HealthAlerts alerts, HealthSettings settings,
                  SelfHealer healer) {
        this.probes = probes;
        this.healer = healer;
        this.history = history;
        this.alerts = alerts;
        this.settings = settings;
        this.limits = HealthLimits.DEFAULTS.withDisk(settings.diskWarningPercent(), settings.diskCriticalPercent());
    }

    /** The scheduled check: checks, stores, and trims the rows older than {@code HEALTH_RETENTION_DAYS}. */
    public HealthReport scheduledCheck() {
        HealthReport report = check(Set.of(), null);
        try {
            Instant before = report.checkedAt().minus(Duration.ofDays(settings.retentionDays()));
            int trimmed = history.trim(before);
            alerts.trim(before);
            if (trimmed > 0) {
                log.debug("Trimmed {} health rows older than {} days", trimmed, settings.retentionDays());
            }
        } catch (DataAccessException e) {
            log.debug("Trimming the health rows failed: {}", e.getMostSpecificCause().getMessage());
        }
        return report;
    }

    /**
     * Checks every component now. {@code scope} (component names, empty: all) only filters the report; every probe
     * runs so that the kept latest check stays whole.
     */
    public HealthReport check(Set<String> scope, RunSteps steps) {
        HealthReadings.Database database = step(steps, "probe database", probes::database);
        HealthReadings.Jvm jvm = step(steps, "probe jvm", probes::jvm);
        List<HealthReadings.Disk> disks = step(steps, "probe disk", probes::disks);
        HealthReadings.Scheduler scheduler = step(steps, "probe scheduler", probes::scheduler);
        HealthReadings.RunEngine runEngine = step(steps, "probe run engine", probes::runEngine);
        HealthProbes.AgentReadings agents = step(steps, "probe agents' runs", probes::agents);
        HealthReadings.Llm llm = step(steps, "probe llm", () -> probes.llm(agents));
        HealthReadings.MainBackend mainBackend = step(steps, "probe main backend", probes::mainBackend);
        HealthReadings.Crm crm = step(steps, "probe crm", probes::crm);
        HealthReadings readings = new HealthReadings(probes.now(), database, jvm, disks, scheduler, runEngine, llm,
                mainBackend, crm, agents.agents(), agents.error());
        HealthReport judged = step(steps, "evaluate", () -> engine.evaluate(readings, limits));
        SelfHealer.Outcome healed = step(steps, "self-healing", () -> healer.heal(readings));
        List<String> recommendations = new ArrayList<>(judged.recommendations());
        recommendations.addAll(healed.recommendations());
        HealthReport report = new HealthReport(judged.overall(), judged.components(), recommendations,
                healed.remediations(), judged.checkedAt());
        latest.set(report);
        try {
            history.save(report);
        } catch (DataAccessException e) {
            // The database is away, which the report says; the check is kept in memory until it is back.
            log.warn("The health check could not be stored: {}", e.getMostSpecificCause().getMessage());
            return scoped(report, scope);
        }
        // Off this thread once recorded: a slow or failing receiver never holds up or fails the check.
        alerts.afterCheck(report);
        return scoped(report, scope);
    }

    /**
     * Does for real what the remediation log's dry-run entries {@code dryRunIds} would have done, approved by
     * {@code approvedBy}: for background work that a person's approval stands behind (the {@code incident_triage}
     * workflow), which runs with no one signed in. Each is logged again as done, naming the approver.
     *
     * @return per entry {@code {dry_run_id, applied, result, ...}}, as the report's {@code remediations}
     */
    public List<Map<String, Object>> applyApprovedRemediations(List<Long> dryRunIds, String approvedBy) {
        return healer.applyApproved(dryRunIds, approvedBy);
    }

    /** The latest check of this node, if it made one. */
    public Optional<HealthReport> latest() {
        return Optional.ofNullable(latest.get());
    }

    static HealthReport scoped(HealthReport report, Set<String> scope) {
        if (scope == null || scope.isEmpty()) {
            return report;
        }
        List<ComponentHealth> components = report.components().stream()
                .filter(component -> scope.contains(component.component())).toList();
        return new HealthReport(HealthStatus.worst(components.stream().map(ComponentHealth::status).toList()),
                components, report.recommendations(), report.remediations(), report.checkedAt());
    }

    private static <T> T step(RunSteps steps, String name, Supplier<T> probe) {
        return steps == null ? probe.get() : steps.node(name, probe);
    }
}
