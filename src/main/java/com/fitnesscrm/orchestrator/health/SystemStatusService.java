package com.fitnesscrm.orchestrator.health;

import com.fitnesscrm.orchestrator.base.database.DatabaseConnection;
import com.fitnesscrm.orchestrator.llm.LlmSettings;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Reads the live state of the database, the scheduler, the app and the LLM provider: all of it for admins, a
 * summary without infrastructure details for everyone else.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SystemStatusService {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final DatabaseConnection connection;
    private final org.quartz.Scheduler scheduler;
    private final LlmSettings llm;
    private final ObjectProvider<BuildProperties> buildProperties;
    private final Environment environment;
    private final Clock clock;

    SystemStatusService(DataSource dataSource, DatabaseConnection connection, org.quartz.Scheduler scheduler,
                        LlmSettings llm, ObjectProvider<BuildProperties> buildProperties, Environment environment,
                        Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
        this.dataSource = dataSource;
        this.connection = connection;
        this.scheduler = scheduler;
        this.llm = llm;
        this.buildProperties = buildProperties;
        this.environment = environment;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public SystemStatus snapshot() {
        return new SystemStatus(database(), scheduler(), application(), llm(), clock.instant());
    }

    /**
     * Whether the database answers, for monitors that call {@code /api/health} without signing in. The same probe
     * as the dashboard's, so the two never disagree.
     */
    @PreAuthorize("permitAll()")
    public boolean databaseReachable() {
        return database().reachable();
    }

    public SystemSummary summary() {
        // The model is harmless to show; the provider's host is infrastructure.
        SystemStatus.Llm llmWithoutHost = new SystemStatus.Llm(llm.isConfigured(), llm.model(), null);
        return new SystemSummary(database().reachable(), schedulerRunning(), application().version(),
                llmWithoutHost, clock.instant());
    }

    private SystemStatus.Llm llm() {
        return new SystemStatus.Llm(llm.isConfigured(), llm.model(), llm.providerHost());
    }

    private SystemStatus.Database database() {
        int active = -1;
        int idle = -1;
        int max = -1;
        if (dataSource instanceof HikariDataSource hikari) {
            max = hikari.getMaximumPoolSize();
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            if (pool != null) {
                active = pool.getActiveConnections();
                idle = pool.getIdleConnections();
            }
        }
        try {
            record Probe(String version, Duration latency) {
            }
            Probe probe = jdbc.execute((ConnectionCallback<Probe>) con -> {
                try (Statement statement = con.createStatement()) {
                    statement.setQueryTimeout(5);
                    String version;
                    try (ResultSet rs = statement.executeQuery("SHOW server_version")) {
                        rs.next();
                        version = "PostgreSQL " + rs.getString(1);
                    }
                    long start = System.nanoTime();
                    try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                        rs.next();
                    }
                    return new Probe(version, Duration.ofNanos(System.nanoTime() - start));
                }
            });
            return new SystemStatus.Database(true, probe.version(), probe.latency(), connection.description(), null,
                    active, idle, max);
        } catch (DataAccessException e) {
            return new SystemStatus.Database(false, null, null, connection.description(),
                    e.getMostSpecificCause().getMessage(), active, idle, max);
        }
    }

    private boolean schedulerRunning() {
        try {
            return isRunning(scheduler.getMetaData());
        } catch (SchedulerException e) {
            return false;
        }
    }

    private static boolean isRunning(SchedulerMetaData meta) {
        return meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown();
    }

    private SystemStatus.Scheduler scheduler() {
        try {
            SchedulerMetaData meta = scheduler.getMetaData();
            return new SystemStatus.Scheduler(isRunning(meta), meta.isJobStoreClustered(), meta.getSchedulerName(),
                    meta.getSchedulerInstanceId(), meta.getThreadPoolSize(), jobs(), null);
        } catch (SchedulerException e) {
            return new SystemStatus.Scheduler(false, false, null, null, 0, List.of(), e.getMessage());
        }
    }

    private List<SystemStatus.Job> jobs() throws SchedulerException {
        List<SystemStatus.Job> jobs = new ArrayList<>();
        // The service's own jobs; admins' schedules, however many, are the Schedules view's.
        for (String group : List.of(Scheduler.DEFAULT_GROUP)) {
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
                JobDetail detail = scheduler.getJobDetail(key);
                List<Trigger> triggers = List.copyOf(scheduler.getTriggersOfJob(key));
                Trigger next = triggers.stream()
                        .filter(t -> t.getNextFireTime() != null)
                        .min(Comparator.comparing(Trigger::getNextFireTime))
                        .orElse(triggers.isEmpty() ? null : triggers.get(0));
                String state = next == null ? "NO TRIGGER" : scheduler.getTriggerState(next.getKey()).name();
                jobs.add(new SystemStatus.Job(group, key.getName(), detail == null ? null : detail.getDescription(),
                        state, next == null ? null : instant(next.getNextFireTime()),
                        next == null ? null : instant(next.getPreviousFireTime())));
            }
        }
        jobs.sort(Comparator.comparing(SystemStatus.Job::group).thenComparing(SystemStatus.Job::name));
        return jobs;
    }

    private SystemStatus.Application application() {
        BuildProperties build = buildProperties.getIfAvailable();
        String version = build != null ? build.getVersion() : "development";
        boolean virtualThreads = Runtime.version().feature() >= 21
                && environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false);
        return new SystemStatus.Application(version, Runtime.version().toString(),
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()), virtualThreads);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
