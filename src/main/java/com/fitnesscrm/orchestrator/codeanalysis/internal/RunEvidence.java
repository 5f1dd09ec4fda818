package com.fitnesscrm.orchestrator.codeanalysis.internal;

import com.fitnesscrm.orchestrator.execution.RunFinished;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the evidence a Code Analyzer run writes the run's id. A short sync run has no id while its rules run (it is
 * written once, finished); but {@link RunFinished} is published in the thread that ran it, right after it is
 * written (its contract), so what the rules wrote in this thread is handed to that event here.
 */
@Component
public class RunEvidence {

    /** Older than this, what a thread holds belongs to a run whose end another thread wrote (a cancel). */
    private static final Duration STALE = Duration.ofMinutes(15);

    private record Pending(Instant began, List<Long> evidenceIds, List<Long> groupIds) {
    }

    private final ThreadLocal<Pending> pending = new ThreadLocal<>();
    private final CodeAnalysisStore store;
    private final Clock clock;

    RunEvidence(CodeAnalysisStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A run's rules start in this thread. */
    public void begin() {
        pending.set(new Pending(clock.instant(), new ArrayList<>(), new ArrayList<>()));
    }

    public void add(long evidenceId) {
        Pending held = pending.get();
        if (held != null) {
            held.evidenceIds().add(evidenceId);
        }
    }

    public void group(long groupId) {
        Pending held = pending.get();
        if (held != null) {
            held.groupIds().add(groupId);
        }
    }

    @EventListener
    void on(RunFinished finished) {
        Pending held = pending.get();
        pending.remove();
        if (held == null || held.began().isBefore(clock.instant().minus(STALE))) {
            return;
        }
        if (!held.evidenceIds().isEmpty()) {
            store.setEvidenceRun(held.evidenceIds(), finished.runId());
        }
        held.groupIds().forEach(group -> store.setGroupRun(group, finished.runId()));
    }
}
