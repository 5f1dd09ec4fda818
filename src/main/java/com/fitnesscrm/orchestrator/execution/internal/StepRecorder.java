package com.fitnesscrm.orchestrator.execution.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.RunSteps;
import com.fitnesscrm.orchestrator.execution.StepKind;
import com.fitnesscrm.orchestrator.llm.LlmStep;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a run's steps. A short run keeps them in memory and writes them with the run in one statement. A run that
 * may take long (one that asks the LLM, or runs async) is in the database while it runs: its steps are written
 * before each wait (an LLM call, a retry's back-off), so the timeline in the UI shows what happened so far, and the
 * rest with the run's final status. Writing each step on its own would cost a commit per step, which is what limits
 * how many async runs a node finishes per second.
 */
final class StepRecorder implements RunSteps, Consumer<LlmStep> {

    private static final Logger log = LoggerFactory.getLogger(StepRecorder.class);

    private final RunStore store;
    private final Clock clock;
    private final ObjectMapper json;
    private final Long executionId;
    /** Reserves an id for a run not written yet; {@code null} for a live run (it has one) or no run at all. */
    private final LongSupplier reserve;
    private Long reservedId;
    private final List<StepRow> buffer = new ArrayList<>();
    private int nextSeq;
    private volatile boolean cancelled;
    /** When a queued run began to execute, until its first write marks it running; {@code null} after that. */
    private Instant unmarkedSince;

    private StepRecorder(RunStore store, Clock clock, ObjectMapper json, Long executionId, int firstSeq,
                         LongSupplier reserve) {
        this.reserve = reserve;
        this.store = store;
        this.clock = clock;
        this.json = json;
        this.executionId = executionId;
        this.nextSeq = firstSeq;
    }

    /**
     * A buffered recorder of a run written when it ends, which may reserve the run's id earlier ({@link #runId});
     * {@code json} writes a step's result (a record) as the API writes outputs: snake_case JSON.
     */
    static StepRecorder buffered(Clock clock, ObjectMapper json, LongSupplier reserve) {
        return new StepRecorder(null, clock, json, null, 1, reserve);
    }

    static StepRecorder live(RunStore store, Clock clock, ObjectMapper json, long executionId, int firstSeq) {
        return new StepRecorder(store, clock, json, executionId, firstSeq, null);
    }

    /**
     * A live recorder of a queued run that began to execute at {@code runningAt}: its first write of steps also marks
     * the run running, or its finish does when it writes none before (docs/decisions/0004).
     */
    static StepRecorder marking(RunStore store, Clock clock, ObjectMapper json, long executionId, int firstSeq,
                                Instant runningAt) {
        StepRecorder steps = new StepRecorder(store, clock, json, executionId, firstSeq, null);
        steps.unmarkedSince = runningAt;
        return steps;
    }

    /** Whether the run is marked running in the database (a run that was written so from the start is). */
    synchronized boolean markedRunning() {
        return unmarkedSince == null;
    }

    @Override
    public synchronized OptionalLong runId() {
        if (executionId != null) {
            return OptionalLong.of(executionId);
        }
        if (reservedId == null && reserve != null) {
            reservedId = reserve.getAsLong();
        }
        return reservedId == null ? OptionalLong.empty() : OptionalLong.of(reservedId);
    }

    /** The id {@link #runId} reserved, or {@code null} when nobody asked: the run is then written with a new one. */
    synchronized Long reservedId() {
        return reservedId;
    }

    @Override
    public <T> T node(String name, Supplier<T> work) {
        return timed(name, StepKind.NODE, null, work);
    }

    /** Runs {@code work} as a step of {@code kind}; a thrown exception marks the step failed and passes on. */
    <T> T timed(String name, StepKind kind, String inputSummary, Supplier<T> work) {
        Instant start = clock.instant();
        long began = System.nanoTime();
        try {
            T result = work.get();
            record(name, kind, true, start, elapsedMs(began), inputSummary, summary(result), null, null);
            return result;
        } catch (RuntimeException e) {
            record(name, kind, false, start, elapsedMs(began), inputSummary, e.getMessage(), null, null);
            throw e;
        }
    }

    @Override
    public void toolCall(String name, String inputSummary, String outputSummary, long durationMillis) {
        record(name, StepKind.TOOL_CALL, true, clock.instant().minusMillis(durationMillis), durationMillis,
                inputSummary, outputSummary, null, null);
    }

    /** A step that took no measurable time: a decision, a check's verdict, a fallback. */
    void mark(String name, StepKind kind, boolean succeeded, String inputSummary, String outputSummary) {
        record(name, kind, succeeded, clock.instant(), 0, inputSummary, outputSummary, null, null);
    }

    /** A step reported by the LLM gateway. */
    @Override
    public void accept(LlmStep step) {
        StepKind kind = switch (step.kind()) {
            case LLM_CALL -> StepKind.LLM_CALL;
            case TOOL_CALL -> StepKind.TOOL_CALL;
            case RETRY -> StepKind.RETRY;
        };
        record(step.name(), kind, step.succeeded(), step.startedAt(), step.duration().toNanos() / 1e6,
                step.inputSummary(), step.outputSummary(), step.tokensIn(), step.tokensOut());
    }

    synchronized void record(String name, StepKind kind, boolean succeeded, Instant start, double durationMs,
                             String inputSummary, String outputSummary, Integer tokensIn, Integer tokensOut) {
        if (cancelled) {
            // The run was stopped (timed out or cancelled) and its worker is still unwinding: what it does now, e.g.
            // an interrupted LLM call and a fallback to the rules, did not happen as far as the run is concerned.
            log.debug("Run {} was stopped; not recording its late step '{}'", executionId, name);
            return;
        }
        buffer.add(new StepRow(nextSeq++, name, kind, succeeded, start, durationMs, inputSummary, outputSummary,
                tokensIn, tokensOut));
        if (kind == StepKind.RETRY) {
            flush(); // a back-off follows: show the wait while it lasts
        }
    }

    /**
     * Writes the steps not yet written, for a run that is in the database, marking it running if it is not yet; a
     * no-op for a short run.
     */
    synchronized void flush() {
        if (executionId == null || cancelled || (buffer.isEmpty() && unmarkedSince == null)) {
            return;
        }
        try {
            if (unmarkedSince == null) {
                store.insertSteps(executionId, buffer);
            } else if (store.markRunning(executionId, unmarkedSince, buffer)) {
                unmarkedSince = null;
            } else {
                cancelled = true; // stopped before it was marked running: nothing it does now is recorded
            }
        } catch (RuntimeException e) {
            // A lost step must not fail the run; the run's own record still says how it ended.
            log.warn("Could not record {} steps of run {}: {}", buffer.size(), executionId, e.getMessage());
        }
        buffer.clear();
    }

    /** The steps not yet written, now handed to the caller that writes them with the run's final status. */
    synchronized List<StepRow> drain() {
        List<StepRow> pending = List.copyOf(buffer);
        buffer.clear();
        return pending;
    }

    /** The steps recorded so far (a short run's, all of them). */
    synchronized List<StepRow> snapshot() {
        return List.copyOf(buffer);
    }

    /** The run has been stopped: later steps are not recorded. */
    synchronized void cancel() {
        cancelled = true;
    }

    /** Records why the run was stopped as its last step; later steps are not recorded. */
    synchronized void stop(String name, StepKind kind, String inputSummary, String outputSummary) {
        mark(name, kind, false, inputSummary, outputSummary);
        cancelled = true;
    }

    /** Whether the run was stopped (cancelled, timed out, or found stopped by its first write); not interrupts. */
    boolean stopped() {
        return cancelled;
    }

    @Override
    public boolean cancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    private static double elapsedMs(long began) {
        return (System.nanoTime() - began) / 1e6;
    }

    /**
     * A node's result as JSON (a sketch when long), as the run's output is written: never a record's
     * {@code toString()} ({@code WorkoutPlan[clientId=5, …]}), which no one can read or parse.
     */
    private String summary(Object result) {
        return JsonSketch.of(json, result, StepRow.OUTPUT_LIMIT);
    }
}
