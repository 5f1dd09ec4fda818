package com.fitnesscrm.orchestrator.health.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.AgentPrograms;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmStatus;
import com.fitnesscrm.orchestrator.execution.RunRecovery;
import com.fitnesscrm.orchestrator.health.HealthSettings;
import com.fitnesscrm.orchestrator.health.engine.HealthReadings;
import com.fitnesscrm.orchestrator.llm.LlmGateway;
import com.fitnesscrm.orchestrator.llm.LlmStatus;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.quartz.CalendarIntervalTrigger;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures each component for one check. Every probe answers, never throws: what it could not measure it reports as
 * the reading's error, so one broken component never hides the others. No method security: the scheduled check runs
 * with no one signed in.
 */
@Component
public class HealthProbes {

    static final Duration MAIN_BACKEND_TIMEOUT = Duration.ofSeconds(5);
    /** The Quartz cluster's check-in interval (application.properties); a node silent for two is gone. */
    static final Duration CHECKIN = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final RunRecovery recovery;
    private final JdbcTemplate jdbc;
    private final Scheduler scheduler;
    private final LlmGateway llm;
    private final CrmDirectory crm;
    private final HealthSettings settings;
    private final Clock clock;
    private final RunReadings runs;
    private final List<Path> diskPaths;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(MAIN_BACKEND_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final AtomicReference<Instant> lastFailedConnection = new AtomicReference<>();

    HealthProbes(DataSource dataSource, Scheduler scheduler, LlmGateway llm, CrmDirectory crm,
                 HealthSettings settings, ObjectProvider<AgentPrograms> programs, ObjectMapper objectMapper, Clock clock,
                 RunRecovery recovery, @Value("${orchestrator.database.embedded.data-dir:}") String dataDir,
                 @Value("${logging.file.path:}") String logPath) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
        this.scheduler = scheduler;
        this.llm = llm;
        this.crm = crm;
        this.settings = settings;
        this.clock = clock;
        this.runs = new RunReadings(jdbc, programs, objectMapper);
        this.recovery = recovery;
        Set<Path> paths = new LinkedHashSet<>();
        if (settings.diskPaths().isEmpty()) {
            if (!dataDir.isBlank()) {
                paths.add(Path.of(dataDir));
            }
            paths.add(logPath.isBlank() ? Path.of(System.getProperty("user.dir")) : Path.of(logPath));
        } else {
            settings.diskPaths().forEach(path -> paths.add(Path.of(path)));
        }
        this.diskPaths = List.copyOf(paths);
    }

    /** The check's time, to the microsecond PostgreSQL keeps: the stored and the in-memory check say the same. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public HealthReadings.Database database() {
        int active = 0;
        int idle = 0;
        int waiting = 0;
        int max = 0;
        if (dataSource instanceof HikariDataSource hikari) {
            max = hikari.getMaximumPoolSize();
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            if (pool != null) {
                active = pool.getActiveConnections();
                idle = pool.getIdleConnections();
                waiting = pool.getThreadsAwaitingConnection();
            }
        }
        try {
            Duration roundTrip = jdbc.execute((ConnectionCallback<Duration>) con -> {
                try (Statement statement = con.createStatement()) {
                    statement.setQueryTimeout(5);
                    long start = System.nanoTime();
                    try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                        rs.next();
                    }
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            });
            return new HealthReadings.Database(true, null, roundTrip, active, idle, waiting, max,
                    lastFailedConnection.get());
        } catch (DataAccessException e) {
            lastFailedConnection.set(clock.instant());
            return new HealthReadings.Database(false, e.getMostSpecificCause().getMessage(), null, active, idle,
                    waiting, max, lastFailedConnection.get());
        }
    }

    public HealthReadings.Jvm jvm() {
        long afterGc = 0;
        boolean collected = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                    ? pool.getCollectionUsage() : null;
            if (usage != null && usage.getUsed() > 0) {
                afterGc += usage.getUsed();
                collected = true;
            }
        }
        Runtime runtime = Runtime.getRuntime();
        if (!collected) {
            afterGc = runtime.totalMemory() - runtime.freeMemory(); // no collection yet: what is in use now
        }
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        return new HealthReadings.Jvm(afterGc, runtime.maxMemory(), uptime > 0 ? (double) gcMillis / uptime : 0,
                ManagementFactory.getThreadMXBean().getThreadCount(), Duration.ofMillis(uptime));
    }

    public List<HealthReadings.Disk> disks() {
        List<HealthReadings.Disk> disks = new ArrayList<>();
        for (Path path : diskPaths) {
            Path existing = path.toAbsolutePath().normalize();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent(); // not created yet: the disk it will be created on
            }
            try {
                if (existing == null) {
                    throw new IOException("no such folder");
                }
                FileStore store = Files.getFileStore(existing);
                disks.add(new HealthReadings.Disk(path.toString(), store.getUsableSpace(), store.getTotalSpace(),
                        null));
            } catch (IOException | SecurityException e) {
                disks.add(new HealthReadings.Disk(path.toString(), 0, 0, e.getMessage()));
            }
        }
        return disks;
    }

    public HealthReadings.Scheduler scheduler() {
        try {
            SchedulerMetaData meta = scheduler.getMetaData();
            boolean running = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown();
            String name = meta.getSchedulerName();
            int instances = 1;
            int misfired = 0;
            try {
                Instant now = clock.instant();
                instances = jdbc.queryForObject("SELECT count(*) FROM ai_qrtz_scheduler_state WHERE sched_name = ? "
                        + "AND last_checkin_time >= ?", Integer.class, name,
                        now.minus(CHECKIN.multipliedBy(2)).toEpochMilli());
                // A trigger still waiting a minute (the misfire threshold) after its fire time has misfired.
                misfired = jdbc.queryForObject("SELECT count(*) FROM ai_qrtz_triggers WHERE sched_name = ? "
                        + "AND trigger_state = 'WAITING' AND next_fire_time < ?", Integer.class, name,
                        now.minusSeconds(60).toEpochMilli());
            } catch (DataAccessException e) {
                // The cluster's tables are the database's: its own component says it is away.
            }
            return new HealthReadings.Scheduler(running, meta.isJobStoreClustered(), instances, misfired, jobs(),
                    null);
        } catch (SchedulerException | RuntimeException e) {
            return new HealthReadings.Scheduler(false, false, 0, 0, List.of(), e.getMessage());
        }
    }

    private List<HealthReadings.Job> jobs() throws SchedulerException {
        List<HealthReadings.Job> jobs = new ArrayList<>();
        for (String group : scheduler.getJobGroupNames()) {
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
                for (Trigger trigger : scheduler.getTriggersOfJob(key)) {
                    Duration interval = interval(trigger);
                    if (interval == null) {
                        continue; // a one-off trigger has no schedule to fall behind
                    }
                    if (!Scheduler.DEFAULT_GROUP.equals(group)
                            && scheduler.getTriggerState(trigger.getKey()) == Trigger.TriggerState.PAUSED) {
                        continue; // an admin paused a schedule of theirs: held, not behind (the service's own jobs
                                  // are never paused on purpose: one that is has stopped firing)
                    }
                    jobs.add(new HealthReadings.Job(key.getName(), interval, instant(trigger.getPreviousFireTime()),
                            instant(trigger.getStartTime()), scheduler.getTriggerState(trigger.getKey()).name()));
                }
            }
        }
        return jobs;
    }

    static Duration interval(Trigger trigger) {
        if (trigger instanceof SimpleTrigger simple && simple.getRepeatCount() != 0) {
            return Duration.ofMillis(simple.getRepeatInterval());
        }
        if (trigger instanceof CronTrigger || trigger instanceof CalendarIntervalTrigger) {
            // The gap this trigger is in now (Friday 06:00 → Monday 06:00 for a weekday cron), not the next one:
            // a weekday job is not overdue on a Sunday. A trigger that stopped firing keeps both times, so its
            // silence still grows past two of its gaps.
            Date next = trigger.getNextFireTime();
            if (next == null) {
                return null;
            }
            Date before = trigger.getPreviousFireTime() != null ? trigger.getPreviousFireTime()
                    : trigger.getStartTime();
            if (before != null && before.before(next)) {
                return Duration.ofMillis(next.getTime() - before.getTime());
            }
            Date after = trigger.getFireTimeAfter(next);
            return after == null ? null : Duration.ofMillis(after.getTime() - next.getTime());
        }
        return null;
    }

    public HealthReadings.RunEngine runEngine() {
        try {
            return runs.runEngine(clock.instant(), recovery.deadNodeAfter());
        } catch (DataAccessException e) {
            return new HealthReadings.RunEngine(0, null, 0, 0, 0, e.getMostSpecificCause().getMessage());
        }
    }

    /** The agents and their windows; the error instead when the runs cannot be read. */
    public record AgentReadings(List<HealthReadings.Agent> agents, Map<String, BigDecimal> budgets,
                                Map<String, BigDecimal> spentToday, String error) {
    }

    public AgentReadings agents() {
        try {
            Instant now = clock.instant();
            List<RunReadings.AgentRow> rows = runs.agents();
            Map<Integer, BigDecimal> spent = runs.spentToday(now);
            Map<String, BigDecimal> budgets = new LinkedHashMap<>();
            Map<String, BigDecimal> spentByName = new LinkedHashMap<>();
            for (RunReadings.AgentRow row : rows) {
                if (row.enabled()) {
                    budgets.put(row.name(), row.config().dailyBudgetUsd());
                    spentByName.put(row.name(), spent.getOrDefault(row.id(), BigDecimal.ZERO));
                }
            }
            return new AgentReadings(runs.agentWindows(rows, now), budgets, spentByName, null);
        } catch (DataAccessException e) {
            return new AgentReadings(List.of(), Map.of(), Map.of(), e.getMostSpecificCause().getMessage());
        }
    }

    public HealthReadings.Llm llm(AgentReadings agents) {
        LlmStatus status = llm.status();
        if (!status.configured()) {
            return new HealthReadings.Llm(false, null, status.circuitState(), 0, 0, 0, 0, null, null, null,
                    List.of(), null);
        }
        BigDecimal spent = agents.spentToday().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean capped = agents.budgets().values().stream().allMatch(Objects::nonNull);
        BigDecimal budget = capped ? agents.budgets().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                : null;
        List<String> over = agents.budgets().entrySet().stream()
                .filter(e -> e.getValue() != null && agents.spentToday().get(e.getKey()).compareTo(e.getValue()) >= 0)
                .map(Map.Entry::getKey).toList();
        try {
            RunReadings.LlmCalls calls = runs.llmCalls(clock.instant());
            return new HealthReadings.Llm(true, status.model(), status.circuitState(), calls.calls(), calls.errors(),
                    calls.rateLimited(), calls.keyRefused(), calls.p95(), spent, budget, over, agents.error());
        } catch (DataAccessException e) {
            return new HealthReadings.Llm(true, status.model(), status.circuitState(), 0, 0, 0, 0, null, spent,
                    budget, over, e.getMostSpecificCause().getMessage());
        }
    }

    /** {@code GET MAIN_APP_HEALTH_URL}; {@code null} when it is not configured (the component is then absent). */
    public HealthReadings.MainBackend mainBackend() {
        String url = settings.mainAppHealthUrl();
        if (url == null) {
            return null;
        }
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET()
                            .timeout(MAIN_BACKEND_TIMEOUT).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.discarding());
            return new HealthReadings.MainBackend(url, response.statusCode(),
                    Duration.ofNanos(System.nanoTime() - start), null);
        } catch (HttpTimeoutException e) {
            return new HealthReadings.MainBackend(url, 0, Duration.ofNanos(System.nanoTime() - start),
                    "no answer within " + MAIN_BACKEND_TIMEOUT.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return new HealthReadings.MainBackend(url, 0, Duration.ofNanos(System.nanoTime() - start),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthReadings.MainBackend(url, 0, null, "interrupted");
        }
    }

    public HealthReadings.Crm crm() {
        long start = System.nanoTime();
        crm.searchClients("", null, 1); // a real, bounded read; failures land in the status
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        CrmStatus status = crm.status();
        return new HealthReadings.Crm(status.found(), status.tables(), status.degraded(),
                status.found() ? latency : null, status.error());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
