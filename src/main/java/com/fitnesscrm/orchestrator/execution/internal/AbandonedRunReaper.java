package com.fitnesscrm.orchestrator.execution.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records as failed the runs that nobody will finish, so that no run stays "running" for ever. A sync run is executed
 * in its caller's request: when the node dies meanwhile, nothing else knows of it, so it is failed once its agent's
 * timeout (at the run's config version) and a grace period have passed. Async runs are revived by the durable
 * scheduler; one whose task has vanished (removed by hand, say) is failed too. Runs by {@link AbandonedRunReaperJob}.
 */
@Component
class AbandonedRunReaper {

    /** How long after its deadline a sync run is left alone: clocks of nodes differ, and a finish may be in flight. */
    static final Duration GRACE = Duration.ofMinutes(2);
    static final String SYNC_REASON = "The node running this run stopped before it finished; its caller got no "
            + "answer.";
    static final String ASYNC_REASON = "The run's task is gone from the durable scheduler, so no node will run it.";

    private static final Logger log = LoggerFactory.getLogger(AbandonedRunReaper.class);

    private final RunStore store;
    private final Clock clock;

    AbandonedRunReaper(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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
}
