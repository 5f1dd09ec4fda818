package com.fitnesscrm.orchestrator.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A snapshot of the orchestrator's state, taken by {@link SystemStatusService#snapshot()}. */
public record SystemStatus(Database database, Scheduler scheduler, Application application, Llm llm,
                           Instant checkedAt) {

    /**
     * @param reachable   whether a query came back
     * @param version     the server's version string, e.g. "PostgreSQL 15.18"
     * @param latency     one round trip of {@code SELECT 1}
     * @param connection  where the connection comes from (embedded or which variable), without secrets
     * @param error       why it is not reachable, when it is not
     */
    public record Database(boolean reachable, String version, Duration latency, String connection, String error,
                           int activeConnections, int idleConnections, int maxConnections) {
    }

    /**
     * @param running   started and not in standby
     * @param clustered using the clustered JDBC job store
     */
    public record Scheduler(boolean running, boolean clustered, String name, String instanceId, int threads,
                            List<Job> jobs, String error) {
    }

    public record Job(String group, String name, String description, String state, Instant nextFireTime,
                      Instant previousFireTime) {
    }

    public record Application(String version, String javaVersion, Duration uptime, boolean virtualThreads) {
    }

    public record Llm(boolean configured, String model, String providerHost) {
    }
}
