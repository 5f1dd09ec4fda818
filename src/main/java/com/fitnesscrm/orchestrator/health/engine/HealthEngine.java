package com.fitnesscrm.orchestrator.health.engine;

import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthReport;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one check's readings into {@code healthy | warning | critical} per component, with a message and the numbers
 * it was judged by, and the recommendations for a person. Plain Java and deterministic: the same readings and limits
 * give the same report. Thresholds: {@link HealthLimits} for the infrastructure, each agent's config for its runs;
 * the SLO rules are {@link BurnRate}'s.
 */
public final class HealthEngine {

    private static final long MB = 1024 * 1024;

    public HealthReport evaluate(HealthReadings readings, HealthLimits limits) {
        List<String> recommendations = new ArrayList<>();
        List<ComponentHealth> components = new ArrayList<>();
        components.add(database(readings.database(), limits, recommendations));
        components.add(jvm(readings.jvm(), limits, recommendations));
        components.add(disk(readings.disks(), limits, recommendations));
        components.add(scheduler(readings.scheduler(), readings.at(), recommendations));
        components.add(runEngine(readings.runEngine(), limits, recommendations));
        components.add(llm(readings.llm(), limits, recommendations));
        if (readings.mainBackend() != null) {
            components.add(mainBackend(readings.mainBackend(), limits, recommendations));
        }
        components.add(crm(readings.crm(), limits, recommendations));
        components.add(agents(readings.agents(), readings.agentsError(), recommendations));
        components.add(BurnRate.slo(readings.agents(), readings.agentsError(), recommendations));
        HealthStatus overall = HealthStatus.worst(components.stream().map(ComponentHealth::status).toList());
        return new HealthReport(overall, components, recommendations, List.of(), readings.at());
    }

    /** The database alone, judged as a full check judges it: for the database watch, which probes nothing else. */
    public ComponentHealth database(HealthReadings.Database db, HealthLimits limits) {
        return database(db, limits, new ArrayList<>());
    }

    private static ComponentHealth database(HealthReadings.Database db, HealthLimits limits, List<String> advice) {
        Verdict verdict = new Verdict("database")
                .metric("reachable", db.reachable())
                .metric("round_trip_ms", db.roundTrip() == null ? null : Verdict.round(db.roundTrip().toNanos() / 1e6, 2))
                .metric("pool_active", db.active()).metric("pool_idle", db.idle())
                .metric("pool_waiting", db.waiting()).metric("pool_max", db.max())
                .metric("pool_saturation", db.max() > 0 ? Verdict.round((double) db.active() / db.max(), 3) : null)
                .metric("last_failed_connection", text(db.lastFailedConnection()));
        if (!db.reachable()) {
            verdict.critical("The database does not answer: " + db.error() + ".");
            advice.add("The database does not answer: check that PostgreSQL is running and reachable from this "
                    + "service (DATABASE_URL).");
        }
        if (db.max() > 0 && db.active() >= db.max() && db.waiting() > 0) {
            verdict.critical("The connection pool is exhausted: all " + db.max() + " connections are in use and "
                    + db.waiting() + " request(s) wait for one.");
            advice.add("The connection pool is exhausted: look for long-running work in the Runs view, or raise "
                    + "DB_POOL_SIZE if the database allows more connections.");
        } else if (db.max() > 0 && (double) db.active() / db.max() >= limits.poolSaturationWarning()) {
            verdict.warning("The connection pool is " + Verdict.percent((double) db.active() / db.max())
                    + " in use (" + db.active() + " of " + db.max() + ").");
        } else if (db.waiting() > 0) {
            verdict.warning(db.waiting() + " request(s) wait for a database connection.");
        }
        if (db.roundTrip() != null && db.roundTrip().compareTo(limits.databaseSlow()) > 0) {
            verdict.warning("A round trip to the database took " + db.roundTrip().toMillis() + " ms.");
        }
        return verdict.done("The database answers in " + (db.roundTrip() == null ? "?"
                : Verdict.round(db.roundTrip().toNanos() / 1e6, 1)) + " ms; " + db.active() + " of " + db.max()
                + " connections in use.");
    }

    private static ComponentHealth jvm(HealthReadings.Jvm jvm, HealthLimits limits, List<String> advice) {
        double heap = jvm.heapMax() > 0 ? (double) jvm.heapUsedAfterGc() / jvm.heapMax() : 0;
        Verdict verdict = new Verdict("jvm")
                .metric("heap_used_after_gc_mb", jvm.heapUsedAfterGc() / MB)
                .metric("heap_max_mb", jvm.heapMax() > 0 ? jvm.heapMax() / MB : null)
                .metric("heap_after_gc_ratio", Verdict.round(heap, 3))
                .metric("gc_time_share", Verdict.round(jvm.gcTimeShare(), 4))
                .metric("threads", jvm.threads())
                .metric("uptime_seconds", jvm.uptime().toSeconds());
        String heapText = "The heap holds " + Verdict.percent(heap) + " of its maximum after garbage collection.";
        if (heap >= limits.heapCritical()) {
            verdict.critical(heapText);
            advice.add("Memory is nearly full even after garbage collection: give the service more memory "
                    + "(JAVA_OPTS -Xmx) or look for a leak in a heap dump.");
        } else if (heap >= limits.heapWarning()) {
            verdict.warning(heapText);
        }
        String gcText = "Garbage collection took " + Verdict.percent(jvm.gcTimeShare()) + " of the time.";
        verdict.add(jvm.gcTimeShare() >= limits.gcShareCritical() ? HealthStatus.CRITICAL
                : jvm.gcTimeShare() >= limits.gcShareWarning() ? HealthStatus.WARNING : HealthStatus.HEALTHY, gcText);
        return verdict.done(heapText + " " + jvm.threads() + " threads, up " + human(jvm.uptime()) + ".");
    }

    private static ComponentHealth disk(List<HealthReadings.Disk> disks, HealthLimits limits, List<String> advice) {
        Verdict verdict = new Verdict("disk");
        List<Map<String, Object>> paths = new ArrayList<>();
        double lowest = 100;
        for (HealthReadings.Disk disk : disks) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", disk.path());
            if (disk.error() != null || disk.totalBytes() <= 0) {
                verdict.warning("The free space of " + disk.path() + " could not be measured: " + disk.error() + ".");
                row.put("error", disk.error());
                paths.add(row);
                continue;
            }
            double free = 100.0 * disk.freeBytes() / disk.totalBytes();
            lowest = Math.min(lowest, free);
            row.put("free_mb", disk.freeBytes() / MB);
            row.put("total_mb", disk.totalBytes() / MB);
            row.put("free_percent", Verdict.round(free, 1));
            paths.add(row);
            String sentence = disk.path() + " has " + Verdict.round(free, 1) + " % free (" + disk.freeBytes() / MB
                    + " MB).";
            if (free < limits.diskCriticalPercent()) {
                verdict.critical(sentence);
                advice.add("Free disk space on " + disk.path() + " (" + Verdict.round(free, 1) + " % left): the "
                        + "database stops writing when the disk is full. Delete old logs or grow the volume.");
            } else if (free < limits.diskWarningPercent()) {
                verdict.warning(sentence);
                advice.add("Disk space on " + disk.path() + " is getting low (" + Verdict.round(free, 1)
                        + " % left): plan to free some or grow the volume.");
            }
        }
        verdict.metric("paths", paths).metric("min_free_percent", disks.isEmpty() ? null : Verdict.round(lowest, 1))
                .metric("warning_below_percent", limits.diskWarningPercent())
                .metric("critical_below_percent", limits.diskCriticalPercent());
        return verdict.done(disks.isEmpty() ? "No path to watch." : "At least " + Verdict.round(lowest, 1)
                + " % free where the database and logs live.");
    }

    private static ComponentHealth scheduler(HealthReadings.Scheduler scheduler, Instant now, List<String> advice) {
        Verdict verdict = new Verdict("scheduler")
                .metric("running", scheduler.running()).metric("clustered", scheduler.clustered())
                .metric("instances", scheduler.instances()).metric("misfired_triggers", scheduler.misfired());
        List<Map<String, Object>> jobs = new ArrayList<>();
        if (scheduler.error() != null) {
            verdict.critical("The scheduler could not be read: " + scheduler.error() + ".");
        } else if (!scheduler.running()) {
            verdict.critical("The scheduler is not running: no scheduled job fires.");
            advice.add("The Quartz scheduler is not running: restart the service and read its log for why.");
        } else if (!scheduler.clustered()) {
            verdict.warning("The scheduler is not clustered: each node would run every job.");
        }
        if (scheduler.misfired() > 0) {
            verdict.warning(scheduler.misfired() + " trigger(s) missed their time.");
        }
        for (HealthReadings.Job job : scheduler.jobs()) {
            Instant reference = job.lastRun() != null ? job.lastRun() : job.since();
            Duration silent = reference == null ? null : Duration.between(reference, now);
            boolean overdue = silent != null && job.interval() != null
                    && silent.compareTo(job.interval().multipliedBy(2)) > 0;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", job.name());
            row.put("interval_seconds", job.interval() == null ? null : job.interval().toSeconds());
            row.put("last_run", text(job.lastRun()));
            row.put("state", job.state());
            row.put("overdue", overdue);
            jobs.add(row);
            if (overdue) {
                verdict.critical("The job " + job.name() + " has not run for " + human(silent) + " (every "
                        + human(job.interval()) + ").");
                advice.add("The job " + job.name() + " stopped firing (state " + job.state() + "): check the "
                        + "scheduler's log; resuming its trigger or restarting the service starts it again.");
            }
        }
        verdict.metric("jobs", jobs);
        return verdict.done("The scheduler runs " + (scheduler.clustered() ? "clustered" : "alone") + " with "
                + scheduler.instances() + " node(s); " + scheduler.jobs().size() + " recurring job(s) on time.");
    }

    private static ComponentHealth runEngine(HealthReadings.RunEngine runs, HealthLimits limits, List<String> advice) {
        Verdict verdict = new Verdict("run_engine")
                .metric("queued", runs.queued())
                .metric("oldest_due_seconds", runs.oldestDue() == null ? null : runs.oldestDue().toSeconds())
                .metric("executing", runs.executing()).metric("failed_attempts", runs.failedAttempts())
                .metric("dead_node_runs", runs.deadNodeRuns());
        if (runs.error() != null) {
            verdict.warning("The run queue could not be read: " + runs.error() + ".");
        }
        if (runs.oldestDue() != null) {
            String sentence = "The oldest due async run has waited " + human(runs.oldestDue()) + ".";
            if (runs.oldestDue().compareTo(limits.backlogCritical()) >= 0) {
                verdict.critical(sentence);
                advice.add("Async runs are not being picked up: check that at least one node runs and that "
                        + "ASYNC_RUN_THREADS is not too low for the load.");
            } else if (runs.oldestDue().compareTo(limits.backlogWarning()) >= 0) {
                verdict.warning(sentence);
            }
        }
        if (runs.deadNodeRuns() > 0) {
            verdict.warning(runs.deadNodeRuns() + " async run(s) of a stopped node wait to be revived.");
        }
        return verdict.done(runs.queued() + " run(s) queued, " + runs.executing() + " executing.");
    }

    private static ComponentHealth llm(HealthReadings.Llm llm, HealthLimits limits, List<String> advice) {
        Verdict verdict = new Verdict("llm").metric("configured", llm.configured()).metric("model", llm.model())
                .metric("circuit", llm.circuitState()).metric("calls_last_hour", llm.calls())
                .metric("errors_last_hour", llm.errors()).metric("rate_limited_last_hour", llm.rateLimited())
                .metric("error_rate", llm.calls() == 0 ? 0.0 : Verdict.round((double) llm.errors() / llm.calls(), 3))
                .metric("rate_limited_rate", llm.calls() == 0 ? 0.0
                        : Verdict.round((double) llm.rateLimited() / llm.calls(), 3))
                .metric("p95_ms", Verdict.millis(llm.p95()))
                .metric("spent_today_usd", llm.spentToday()).metric("budget_today_usd", llm.budgetToday())
                .metric("agents_over_budget", llm.agentsOverBudget());
        if (!llm.configured()) {
            // Rules-only is a supported mode, not a fault.
            return verdict.done("No LLM provider is configured: every agent answers from its rules engine.");
        }
        if (llm.error() != null) {
            verdict.warning("The LLM calls of the last hour could not be read: " + llm.error() + ".");
        }
        if ("OPEN".equals(llm.circuitState())) {
            verdict.critical("The provider's circuit is open after repeated failures: agents answer from their "
                    + "rules until it closes.");
        } else if ("HALF_OPEN".equals(llm.circuitState())) {
            verdict.warning("The provider's circuit is half open: a few calls test whether it is back.");
        }
        if (llm.calls() >= limits.llmMinCalls()) {
            double errorRate = (double) llm.errors() / llm.calls();
            String sentence = Verdict.percent(errorRate) + " of the last hour's " + llm.calls()
                    + " calls to the provider failed.";
            if (errorRate >= limits.llmErrorRateCritical()) {
                verdict.critical(sentence);
            } else if (errorRate >= limits.llmErrorRateWarning()) {
                verdict.warning(sentence);
            }
            double limited = (double) llm.rateLimited() / llm.calls();
            if (limited >= limits.llmRateLimitedWarning()) {
                verdict.warning(Verdict.percent(limited) + " of the calls were rate-limited (429).");
                advice.add("The provider rate-limits the calls (429): raise the account's limits or lower "
                        + "traffic; agents fall back to their rules meanwhile.");
            }
        }
        if (llm.keyRefused() > 0) {
            verdict.critical("The provider refused the API key " + llm.keyRefused() + " time(s) in the last hour.");
            advice.add("The LLM provider refuses the API key (HTTP 401/403): check OPENAI_API_KEY and the "
                    + "account; agents answer from their rules meanwhile.");
        }
        if (llm.p95() != null && llm.p95().compareTo(limits.llmSlow()) > 0) {
            verdict.warning("The provider's p95 latency is " + human(llm.p95()) + ".");
        }
        if (!llm.agentsOverBudget().isEmpty()) {
            verdict.warning(String.join(", ", llm.agentsOverBudget()) + " reached today's LLM budget and answer"
                    + (llm.agentsOverBudget().size() == 1 ? "s" : "") + " from the rules.");
        }
        return verdict.done("The provider (" + llm.model() + ") answers; circuit " + llm.circuitState() + ", "
                + llm.calls() + " call(s) in the last hour.");
    }

    private static ComponentHealth mainBackend(HealthReadings.MainBackend backend, HealthLimits limits,
                                               List<String> advice) {
        Verdict verdict = new Verdict("main_backend").metric("url", backend.url())
                .metric("http_status", backend.httpStatus() == 0 ? null : backend.httpStatus())
                .metric("latency_ms", Verdict.millis(backend.latency()));
        boolean answered = backend.error() == null && backend.httpStatus() >= 200 && backend.httpStatus() < 300
                && backend.latency() != null && backend.latency().compareTo(limits.mainBackendTimeout()) <= 0;
        if (!answered) {
            String why = backend.error() != null ? backend.error()
                    : backend.httpStatus() < 200 || backend.httpStatus() >= 300 ? "HTTP " + backend.httpStatus()
                    : "it took " + human(backend.latency());
            verdict.critical("The main backend does not answer 2xx within " + human(limits.mainBackendTimeout())
                    + ": " + why + ".");
            advice.add("The main backend's health URL (MAIN_APP_HEALTH_URL) does not answer: check the FitnessCRM "
                    + "app; the orchestrator keeps working from its own data.");
        } else if (backend.latency().compareTo(limits.mainBackendSlow()) > 0) {
            verdict.warning("The main backend took " + human(backend.latency()) + " to answer.");
        }
        return verdict.done("The main backend answers HTTP " + backend.httpStatus() + " in "
                + (backend.latency() == null ? "?" : backend.latency().toMillis()) + " ms.");
    }

    private static ComponentHealth crm(HealthReadings.Crm crm, HealthLimits limits, List<String> advice) {
        Verdict verdict = new Verdict("crm").metric("found", crm.found()).metric("tables", crm.tables())
                .metric("read_latency_ms", crm.readLatency() == null ? null
                        : Verdict.round(crm.readLatency().toNanos() / 1e6, 2))
                .metric("degraded", crm.degraded());
        if (crm.error() != null) {
            verdict.critical("The CRM's tables cannot be read: " + crm.error() + ".");
            advice.add("The CRM's tables cannot be read: check CRM_DATABASE_URL (or the shared database) and its "
                    + "permissions.");
        } else if (!crm.found()) {
            verdict.warning("No CRM table was found: agents work from their requests alone.");
        } else if (!crm.degraded().isEmpty()) {
            verdict.warning(String.join(" ", crm.degraded()));
        }
        if (crm.readLatency() != null && crm.readLatency().compareTo(limits.crmSlow()) > 0) {
            verdict.warning("Reading the CRM took " + crm.readLatency().toMillis() + " ms.");
        }
        return verdict.done(crm.tables().size() + " CRM table(s) found, read in "
                + (crm.readLatency() == null ? "?" : Verdict.round(crm.readLatency().toNanos() / 1e6, 1)) + " ms.");
    }

    private static ComponentHealth agents(List<HealthReadings.Agent> agents, String error, List<String> advice) {
        Verdict verdict = new Verdict("agents");
        List<Map<String, Object>> rows = new ArrayList<>();
        if (error != null) {
            verdict.warning("The runs of the agents could not be read: " + error + ".");
        }
        for (HealthReadings.Agent agent : agents) {
            HealthReadings.Thresholds limits = agent.thresholds();
            HealthReadings.Window hour = agent.lastHour();
            HealthStatus status = HealthStatus.HEALTHY;
            List<String> why = new ArrayList<>();
            if (agent.enabled() && hour.runs() >= limits.minRuns()) {
                double rate = hour.failureRate();
                HealthStatus byRate = rate >= limits.failureRateCritical() ? HealthStatus.CRITICAL
                        : rate >= limits.failureRateWarning() ? HealthStatus.WARNING : HealthStatus.HEALTHY;
                if (byRate != HealthStatus.HEALTHY) {
                    why.add(agent.name() + ": " + hour.failures() + " of " + hour.runs() + " runs failed in the last "
                            + "hour (" + Verdict.percent(rate) + ").");
                }
                HealthStatus byLatency = hour.p95() == null ? HealthStatus.HEALTHY
                        : hour.p95().compareTo(limits.p95Critical()) >= 0 ? HealthStatus.CRITICAL
                        : hour.p95().compareTo(limits.p95Warning()) >= 0 ? HealthStatus.WARNING : HealthStatus.HEALTHY;
                if (byLatency != HealthStatus.HEALTHY) {
                    why.add(agent.name() + ": p95 run time " + human(hour.p95()) + " in the last hour.");
                }
                status = byRate.worse(byLatency);
                if (byRate == HealthStatus.CRITICAL) {
                    advice.add(agent.name() + " fails " + Verdict.percent(rate) + " of its runs: read the errors of "
                            + "its failed runs in the Runs view.");
                }
            }
            verdict.add(status, String.join(" ", why));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", agent.name());
            row.put("type", agent.type());
            row.put("enabled", agent.enabled());
            row.put("status", status.code());
            row.put("last_hour", window(hour));
            row.put("last_24h", window(agent.lastDay()));
            row.put("failure_rate_warning", limits.failureRateWarning());
            row.put("failure_rate_critical", limits.failureRateCritical());
            rows.add(row);
        }
        verdict.metric("agents", rows);
        long enabled = agents.stream().filter(HealthReadings.Agent::enabled).count();
        return verdict.done(enabled + " enabled agent(s), all within their thresholds over the last hour.");
    }

    static Map<String, Object> window(HealthReadings.Window window) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("runs", window.runs());
        row.put("failures", window.failures());
        row.put("failure_rate", Verdict.round(window.failureRate(), 4));
        row.put("fallback_rate", window.runs() == 0 ? 0.0 : Verdict.round((double) window.fallbacks() / window.runs(), 4));
        row.put("p95_ms", Verdict.millis(window.p95()));
        return row;
    }

    static String human(Duration duration) {
        if (duration == null) {
            return "?";
        }
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return duration.toMillis() + " ms";
        }
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
