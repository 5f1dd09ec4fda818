package com.fitnesscrm.orchestrator.health.internal;

import com.fitnesscrm.orchestrator.health.HealthChecker;
import com.fitnesscrm.orchestrator.health.HealthSettings;
import com.fitnesscrm.orchestrator.health.engine.HealthEngine;
import com.fitnesscrm.orchestrator.health.engine.HealthLimits;
import com.fitnesscrm.orchestrator.health.engine.HealthReadings;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches the database from this node alone, on a thread of its own: the scheduled check is a Quartz job on the JDBC
 * store and no check is stored while the database is away, so neither can tell of the database's own outage. Every
 * {@code min(HEALTH_CHECK_INTERVAL_SECONDS, 60)} s it probes the database (what the check's probe does: {@code
 * SELECT 1}, at most Hikari's 5 s for a connection and 5 s for the answer). After two probes in a row without an
 * answer (the database stopped, or every pool connection taken: to the app the same) {@link HealthAlerts#databaseAway}
 * sends the probe's judgement of the database from memory, once per outage on this node, and the watch makes a full
 * check, kept in memory, that the status answers from. When the database
 * has answered two probes in a row again (the pool settled: threads that waited for a connection have theirs, so the
 * check does not find a passing warning) it makes a full check at once: stored, it records the outage and decides the
 * recovery, once in the cluster.
 */
@Component
public class DatabaseWatch {

    static final Duration LONGEST_PERIOD = Duration.ofSeconds(60);
    /** Probes in a row that decide: without an answer, the database is away; with one, back. */
    private static final int IN_A_ROW = 2;
    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

    private final HealthProbes probes;
    private final HealthChecker checker;
    private final HealthAlerts alerts;
    private final HealthEngine engine = new HealthEngine();
    private final Duration period;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread watch = new Thread(task, "health-database-watch");
        watch.setDaemon(true);
        return watch;
    });
    private ScheduledFuture<?> probing;
    /** Probes in a row without an answer, with one, and whether the database was away: the watch's thread's alone. */
    private int missed;
    private int answered;
    private boolean away;

    DatabaseWatch(HealthProbes probes, HealthChecker checker, HealthAlerts alerts, HealthSettings settings) {
        this.probes = probes;
        this.checker = checker;
        this.alerts = alerts;
        this.period = settings.interval().compareTo(LONGEST_PERIOD) < 0 ? settings.interval() : LONGEST_PERIOD;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        use(period);
    }

    /** The application's period: {@code min(HEALTH_CHECK_INTERVAL_SECONDS, 60)}. */
    Duration period() {
        return period;
    }

    /** Probes every {@code every} from now on; tests shorten it, the application's period is fixed at start. */
    synchronized void use(Duration every) {
        if (probing != null) {
            probing.cancel(false);
        }
        probing = thread.scheduleWithFixedDelay(this::probe, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void probe() {
        try {
            HealthReadings.Database database = probes.database();
            if (database.reachable()) {
                missed = 0;
                answered++;
                if ((away || alerts.databaseAwayAlerted()) && answered >= IN_A_ROW) {
                    away = false;
                    log.info("The database answers again: checking at once");
                    checker.check(Set.of(), null); // stored: records the outage, then decides the recovery
                }
            } else {
                answered = 0;
                if (++missed == IN_A_ROW) {
                    away = true;
                    // told first: the full check waits for a connection at each probe that needs the database
                    alerts.databaseAway(engine.database(database, HealthLimits.DEFAULTS), probes.now());
                    checker.check(Set.of(), null); // kept in memory (not stored): what the status answers from
                }
            }
        } catch (RuntimeException e) {
            log.warn("The database watch failed; probing again at the next period", e);
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
