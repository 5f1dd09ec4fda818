package com.fitnesscrm.orchestrator.health.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the probes measured at one check, component by component: the engine's only input. A component that could not
 * be measured carries its {@code error}; {@code mainBackend} is {@code null} when no URL is configured.
 */
public record HealthReadings(Instant at, Database database, Jvm jvm, List<Disk> disks, Scheduler scheduler,
                             RunEngine runEngine, Llm llm, MainBackend mainBackend, Crm crm, List<Agent> agents,
                             String agentsError) {

    public HealthReadings {
        disks = List.copyOf(disks);
        agents = List.copyOf(agents);
    }

    /**
     * @param roundTrip            one {@code SELECT 1}, or {@code null} when the database did not answer
     * @param lastFailedConnection when a probe last failed to connect, or {@code null} if it never did
     */
    public record Database(boolean reachable, String error, Duration roundTrip, int active, int idle, int waiting,
                           int max, Instant lastFailedConnection) {
    }

    /**
     * @param heapUsedAfterGc bytes in use after the latest collection of the old generation ({@code -1}: no
     *                        collection yet, then the current use)
     * @param gcTimeShare     share of the uptime spent collecting, 0 to 1
     */
    public record Jvm(long heapUsedAfterGc, long heapMax, double gcTimeShare, int threads, Duration uptime) {
    }

    /** A file system holding one of {@code paths} (the embedded database's folder, the logs). */
    public record Disk(String path, long freeBytes, long totalBytes, String error) {
    }

    /**
     * @param instances the scheduler nodes that checked in to the cluster recently
     * @param misfired  triggers that missed their fire time
     */
    public record Scheduler(boolean running, boolean clustered, int instances, int misfired, List<Job> jobs,
                            String error) {
        public Scheduler {
            jobs = List.copyOf(jobs);
        }
    }

    /**
     * A recurring job of the scheduler.
     *
     * @param interval its schedule's period
     * @param lastRun  when it last fired, or {@code null} if never
     * @param since    when it was scheduled, for a job that never fired yet
     */
    public record Job(String name, Duration interval, Instant lastRun, Instant since, String state) {
    }

    /**
     * @param queued        async runs waiting to start
     * @param oldestDue     age of the oldest async run whose time to start has come, or {@code null} when none
     * @param executing     runs executing now
     * @param failedAttempts runs queued again after a failed attempt
     * @param deadNodeRuns  async runs picked by a node that stopped sending heartbeats, waiting to be revived
     */
    public record RunEngine(int queued, Duration oldestDue, int executing, int failedAttempts, int deadNodeRuns,
                            String error) {
    }

    /**
     * The provider over the last hour, from the runs' LLM call steps.
     *
     * @param circuitState {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} or {@code DISABLED}
     * @param errors       failed calls, whatever the reason; {@code rateLimited} (429) and {@code keyRefused} (401,
     *                     403) are among them
     * @param budgetToday  the sum of the agents' daily budgets ({@code null}: at least one has no cap)
     */
    public record Llm(boolean configured, String model, String circuitState, int calls, int errors,
                      int rateLimited, int keyRefused, Duration p95, BigDecimal spentToday, BigDecimal budgetToday,
                      List<String> agentsOverBudget, String error) {
        public Llm {
            agentsOverBudget = List.copyOf(agentsOverBudget);
        }
    }

    /** {@code GET MAIN_APP_HEALTH_URL}: its HTTP status, or the error when it gave none. */
    public record MainBackend(String url, int httpStatus, Duration latency, String error) {
    }

    public record Crm(boolean found, List<String> tables, List<String> degraded, Duration readLatency,
                      String error) {
        public Crm {
            tables = List.copyOf(tables);
            degraded = List.copyOf(degraded);
        }
    }

    /**
     * One agent's runs in the windows the checks look at.
     *
     * @param timeout the agent's run timeout, the base of its default p95 thresholds
     */
    public record Agent(String name, String type, boolean enabled, Thresholds thresholds, Duration timeout,
                        Window lastHour, Window lastDay, Window last5Minutes, Window last30Minutes,
                        Window last6Hours) {
    }

    /**
     * Finished runs in a window. {@code failures} are failed and timed-out runs; rejected input is not counted
     * anywhere, cancelled runs count as runs but not failures.
     *
     * @param fallbacks runs whose LLM answer was given up for the rules engine's
     * @param p95       95th percentile of the runs' durations, or {@code null} without runs
     */
    public record Window(int runs, int failures, int fallbacks, Duration p95) {
        public static final Window EMPTY = new Window(0, 0, 0, null);

        public double failureRate() {
            return runs == 0 ? 0 : (double) failures / runs;
        }
    }

    /** The agent's health thresholds, from its config ({@code AgentConfig.HealthThresholds}). */
    public record Thresholds(double failureRateWarning, double failureRateCritical, Duration p95Warning,
                             Duration p95Critical, double sloSuccessRate, int minRuns) {
    }
}
