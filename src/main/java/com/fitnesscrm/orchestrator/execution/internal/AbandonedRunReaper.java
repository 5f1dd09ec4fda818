package com.fitnesscrm.orchestrator.execution.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records as failed the runs that nobody will finish, so that no run stays "running" for ever. A sync run is executed
 * in its caller's request: when the node dies meanwhile, nothing else knows of it, so it is failed once its agent's
 * timeout (at the run's config version) and a grace period have passed. Async runs are revived by the durable
 * scheduler; one whose task has vanished (removed by hand, say) is failed too. Runs by {@link AbandonedRunReaperJob}.
 *
 * <p>The Health Checker's self-healing reuses it through {@code execution.RunRecovery}: releasing a dead node's
 * async runs, and timing out runs stuck past their deadline sooner than the reaper's grace (docs/decisions/0021).
 */
@Component
public class AbandonedRunReaper {

    /** How long after its deadline a sync run is left alone: clocks of nodes differ, and a finish may be in flight. */
    static final Duration GRACE = Duration.ofMinutes(2);
    /** How long past its deadline a run may still be running before self-healing records it timed out. */
    public static final Duration STUCK_GRACE = Duration.ofSeconds(30);
    static final String SYNC_REASON = "The node running this run stopped before it finished; its caller got no "
            + "answer.";
    static final String ASYNC_REASON = "The run's task is gone from the durable scheduler, so no node will run it.";
    public static final String STUCK_REASON = "The run was still running " + STUCK_GRACE.toSeconds() + " s past its "
            + "deadline (its agent's timeout); the Health Checker recorded it as timed out.";

    private static final Logger log = LoggerFactory.getLogger(AbandonedRunReaper.class);

    private final RunStore store;
    private final Clock clock;
    /** Lazily: the lifecycle is not needed to reap, only to interrupt a stuck run executing here. */
    private final ObjectProvider<RunLifecycle> lifecycle;
    /** db-scheduler's heartbeat × missed heartbeats: after this a picked task's node is dead. */
    private final Duration deadNodeAfter;

    AbandonedRunReaper(RunStore store, Clock clock, ObjectProvider<RunLifecycle> lifecycle,
                       @Value("${db-scheduler.heartbeat-interval:5m}") Duration heartbeat,
                       @Value("${db-scheduler.missed-heartbeats-limit:6}") int missedHeartbeats) {
        this.store = store;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.deadNodeAfter = heartbeat.multipliedBy(missedHeartbeats);
    }

    /** How long a node may go without a heartbeat before its picked tasks count as abandoned. */
    public Duration deadNodeAfter() {
        return deadNodeAfter;
    }

    /** Fails the abandoned runs and returns how many there were. */
    public int reap() {
        List<RunStore.StoppedRun> failed = store.failAbandoned(clock.instant(), GRACE, SYNC_REASON,
                ASYNC_REASON);
        if (!failed.isEmpty()) {
            log.warn("Recorded {} abandoned run(s) as failed: {}", failed.size(),
                    failed.stream().map(RunStore.StoppedRun::id).toList());
        }
        return failed.size();
    }

    /** Gives a dead node's async runs back to the durable scheduler; returns their ids. */
    public List<Long> releaseDeadNodeRuns() {
        List<Long> released = store.releaseDeadNodeTasks(clock.instant(), deadNodeAfter);
        if (!released.isEmpty()) {
            log.warn("Released {} async run(s) of a dead node for another node to take: {}", released.size(),
                    released);
        }
        return released;
    }

    /** The async runs {@link #releaseDeadNodeRuns} would release now. */
    public List<Long> deadNodeRuns() {
        return store.deadNodeTasks(clock.instant(), deadNodeAfter);
    }

    /** The runs {@link #timeOutStuckRuns} would time out now. */
    public List<Long> stuckRuns() {
        return store.stuck(clock.instant(), STUCK_GRACE, deadNodeAfter);
    }

    /** Records as timed out the runs stuck past their deadline, interrupting those executing here; their ids. */
    public List<Long> timeOutStuckRuns() {
        List<Long> stopped = store.timeOutStuck(clock.instant(), STUCK_GRACE, deadNodeAfter, STUCK_REASON).stream()
                .map(RunStore.StoppedRun::id).toList();
        if (!stopped.isEmpty()) {
            RunLifecycle runs = lifecycle.getObject();
            stopped.forEach(runs::interrupt);
            log.warn("Recorded {} run(s) stuck past their deadline as timed out: {}", stopped.size(), stopped);
        }
        return stopped;
    }
}
