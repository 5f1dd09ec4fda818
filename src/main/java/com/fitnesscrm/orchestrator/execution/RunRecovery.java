package com.fitnesscrm.orchestrator.execution;

import com.fitnesscrm.orchestrator.execution.internal.AbandonedRunReaper;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Recovering runs that their executor did not finish, for the Health Checker's self-healing: the same work as the
 * once-a-minute abandoned-run reaper, done when a check finds it. No method security: the scheduled check runs with
 * no one signed in; both actions only do sooner what the run engine would do or has failed to do.
 */
@Service
public class RunRecovery {

    private final AbandonedRunReaper reaper;

    RunRecovery(AbandonedRunReaper reaper) {
        this.reaper = reaper;
    }

    /**
     * Gives the async runs picked by a node that stopped sending heartbeats back to the durable scheduler, for any
     * node to take (what db-scheduler's own revive does once it notices), and also those whose picker never wrote a
     * heartbeat, which db-scheduler never revives. Returns the runs' ids.
     */
    public List<Long> releaseDeadNodeRuns() {
        return reaper.releaseDeadNodeRuns();
    }

    /** How long a node may go without a heartbeat (db-scheduler's settings) before its runs are released. */
    public Duration deadNodeAfter() {
        return reaper.deadNodeAfter();
    }

    /** The runs {@link #releaseDeadNodeRuns} would release now, for a dry run and the hourly limit. */
    public List<Long> deadNodeRuns() {
        return reaper.deadNodeRuns();
    }

    /** The runs {@link #timeOutStuckRuns} would time out now, for a dry run and the hourly limit. */
    public List<Long> stuckRuns() {
        return reaper.stuckRuns();
    }

    /**
     * Records as {@code timed_out} the runs still running a grace period past their deadline (their agent's timeout)
     * that no executor will stop: sync runs, and async runs whose task a live node holds. Returns the runs' ids.
     */
    public List<Long> timeOutStuckRuns() {
        return reaper.timeOutStuckRuns();
    }
}
