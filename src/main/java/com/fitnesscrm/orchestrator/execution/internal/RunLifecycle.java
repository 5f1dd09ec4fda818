package com.fitnesscrm.orchestrator.execution.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.OrchestratingProgram;
import com.fitnesscrm.orchestrator.agents.RunStop;
import com.fitnesscrm.orchestrator.execution.OutputSource;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.security.Requester;
import java.util.Set;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.execution.StepKind;
import com.fitnesscrm.orchestrator.execution.internal.RunAdmission.Admitted;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes runs and writes how they ended: sync runs in the caller's request, async runs queued for the durable
 * scheduler and executed on its threads. A run's timeout and a cancel interrupt the thread it executes in; its final
 * status is written conditionally, so a run cancelled or timed out meanwhile keeps that status.
 */
@Component
public class RunLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunLifecycle.class);
    private static final String SHUTTING_DOWN = "The node is shutting down.";

    private final RunStore store;
    private final RunAdmission admission;
    private final AgentRunner runner;
    private final DailySpend spend;
    /** Stops runs at their deadline: one thread for every run's timeout. */
    private final ScheduledExecutorService timeouts;
    private final SchedulerClient scheduler;
    private final CustomTask<Long> runTask;
    private final TransactionTemplate transaction;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    /** Runs executing on this node, so that a cancel can interrupt them. */
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    RunLifecycle(RunStore store, RunAdmission admission, AgentRunner runner, DailySpend spend,
                 @Qualifier("runTimeouts") ScheduledExecutorService timeouts, SchedulerClient scheduler,
                 CustomTask<Long> agentRunTask, DataSource dataSource, ObjectMapper objectMapper, Clock clock) {
        this.store = store;
        this.admission = admission;
        this.runner = runner;
        this.spend = spend;
        this.timeouts = timeouts;
        this.scheduler = scheduler;
        this.runTask = agentRunTask;
        // A plain JDBC transaction for the queued run and its task: both are JDBC, and the JPA transaction manager
        // would open a Hibernate session around them for nothing.
        this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Writes an async run as queued, and its scheduler task in the same transaction; returns it as written. */
    public Run queue(Admitted<?> admitted) {
        Long id = transaction.execute(status -> {
            long queued = store.queue(admitted.run());
            AsyncRuns.schedule(scheduler, runTask, queued, clock);
            return queued;
        });
        return written(id, admitted, null);
    }

    /**
     * Executes a sync run and returns it as recorded. A short run (no LLM, no Idempotency-Key) is written once,
     * finished, with its steps; any other is written as running first, so the UI can watch it.
     */
    public <I> Run runNow(Admitted<I> admitted) {
        boolean live = admitted.run().idempotencyKey() != null || runner.mayCallLlm(admitted.program());
        Instant runningAt = clock.instant();
        if (!live) {
            StepRecorder steps = StepRecorder.buffered(clock, objectMapper, store::reserveId);
            RunResult result = execute(null, admitted, steps, runningAt);
            long id = store.insertFinished(admitted.run(), result, steps.snapshot(), steps.reservedId());
            return written(id, admitted, result);
        }
        long id = store.insert(admitted.run(), RunStatus.RUNNING, runningAt);
        StepRecorder steps = StepRecorder.live(store, clock, objectMapper, id, 1);
        RunResult result = execute(id, admitted, steps, runningAt);
        store.finish(id, admitted.agent().id(), result, steps.drain());
        return store.find(id).orElseThrow();
    }

    /**
     * Executes a queued async run: the durable scheduler calls this, once per run, or again when the node that had
     * it died. Never throws for a fault of the run itself; it is recorded instead. The run's task is deleted with
     * the run's last write, so the scheduler has nothing left to do when this returns; when this throws, the task
     * stays and the scheduler tries again later.
     */
    void runQueued(long id, long taskVersion) {
        Instant runningAt = clock.instant();
        Optional<RunStore.Claimed> claimed = store.queuedRun(id);
        if (claimed.isEmpty()) {
            store.deleteTask(id, taskVersion); // cancelled, or finished by a node that did not live to delete its task
            return;
        }
        Run queued = claimed.get().run();
        int attempt = queued.attempts() + 1;
        // A run that asks the LLM is marked running by its first write of steps, just before the call: one commit less.
        StepRecorder steps = StepRecorder.marking(store, clock, objectMapper, id,
                attempt > 1 ? store.nextStepSeq(id) : 1, runningAt);
        if (attempt > 1) {
            steps.mark("resume after node stopped", StepKind.RETRY, true, "attempt " + attempt,
                    "the node running this run stopped; running it again");
        }
        RunResult result;
        try {
            Admitted<Object> admitted = admission.readmit(queued, claimed.get().configOverride());
            if (admitted.program() instanceof OrchestratingProgram<?> || !runner.mayCallLlm(admitted.program())) {
                // Nothing writes its steps before it ends (a workflow's nodes are child runs; rules may take long):
                // mark it running now, so it does not look queued while it runs.
                steps.flush();
            }
            if (steps.stopped()) {
                store.deleteTask(id, taskVersion); // stopped between the read and the first write
                return;
            }
            result = execute(id, admitted, steps, runningAt);
        } catch (RunFailedException e) {
            result = failed(RunStatus.FAILED, e.getMessage(), runningAt, null);
        }
        if (SHUTTING_DOWN.equals(result.error())) {
            // This node is stopping, not the run: give it back, and let the scheduler run it again (here after a
            // restart, or on another node) instead of recording it cancelled for good.
            steps.cancel(); // a late write of the interrupted worker must not mark it running again
            store.requeue(id);
            throw new IllegalStateException("Run " + id + " was interrupted by the node shutting down; requeued.");
        }
        store.finishQueued(id, queued.agentId(), result, steps.drain(), steps.markedRunning(), taskVersion);
    }

    /**
     * Runs an agent now, in this thread, as a child run of {@code parentId} (a workflow run executing here): it is
     * recorded with the parent's requester and points to the parent.
     *
     * @throws com.fitnesscrm.orchestrator.base.NotFoundException no such agent (as for any run)
     */
    public Run runChild(long parentId, RunRequest request) {
        Run parent = store.find(parentId).orElseThrow(() -> new IllegalStateException("No run " + parentId));
        Requester requester = new Requester(parent.requestedBy(), Coded.find(Requester.Kind.class,
                parent.requesterKind()).orElse(Requester.Kind.SYSTEM), false);
        RunAdmission.Decision decision = admission.admit(request, requester, new RunLinks(parentId, null, null));
        return runNow((Admitted<?>) decision);
    }

    /**
     * Queues a run in one of {@code from} again (a workflow run going on after an approval, or resumed) with a fresh
     * durable task, in one transaction; false when it is no longer in one of them.
     */
    public boolean reopen(long id, Set<RunStatus> from) {
        // The execution that ended the run waiting or failed deleted its task in that statement; one revived while it
        // was stalled may still hold one, picked: wait a moment for it to be let go.
        Instant giveUp = clock.instant().plusSeconds(5);
        while (store.taskPicked(id) && clock.instant().isBefore(giveUp)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!store.reopen(id, from)) {
                return false;
            }
            store.removeIdleTask(id);
            AsyncRuns.schedule(scheduler, runTask, id, clock);
            return true;
        }));
    }

    /**
     * Whether a run of {@code agent} now would ask its LLM with the agent's daily budget already spent (it would
     * answer from its rules instead): a workflow stops before such a node rather than pass the budget.
     */
    public boolean dailyBudgetSpent(Agent agent) {
        AgentConfig config = agent.config();
        return config.dailyBudgetUsd() != null && programs(agent) && spend.today(agent.id())
                .compareTo(config.dailyBudgetUsd()) >= 0;
    }

    private boolean programs(Agent agent) {
        return admission.program(agent).map(runner::mayCallLlm).orElse(false);
    }

    /** Interrupts a run executing on this node; the caller has already marked it stopped (cancelled, timed out). */
    void interrupt(long id) {
        Running run = running.get(id);
        if (run != null) {
            run.stop(run.steps::cancel, Stop.STOPPED);
        }
    }

    /**
     * Stops a run in the database and, if it executes here, interrupts it; a queued run's scheduler task is removed
     * too, so no node picks it up.
     */
    public boolean cancel(long id, String reason) {
        boolean stopped = store.stop(id, RunStatus.CANCELLED, reason, clock.instant());
        if (stopped) {
            interrupt(id);
            AsyncRuns.unschedule(scheduler, id);
        }
        return stopped;
    }

    /**
     * Executes a run in this thread (the request's for a sync run, the scheduler's for an async one): a run in flight
     * holds one thread, not two. Its timeout, a cancel and a node's stop reach it as an interrupt of this thread.
     */
    private <I> RunResult execute(Long id, Admitted<I> admitted, StepRecorder steps, Instant runningAt) {
        Duration timeout = Duration.ofSeconds(admitted.agent().config().timeoutSeconds());
        // A workflow run keeps the definition version it was written with, also when it goes on after a change.
        Integer version = admitted.program() instanceof OrchestratingProgram<?> ? null
                : admitted.agent().configVersion();
        Instant deadline = runningAt.plus(timeout);
        Running run = new Running(Thread.currentThread(), steps);
        if (id != null) {
            running.put(id, run);
        }
        ScheduledFuture<?> timer = timeouts.schedule(() -> run.stop(() -> steps.stop("timeout", StepKind.GUARDRAIL,
                        "timeout " + timeout.toSeconds() + " s", "the run was stopped"), Stop.TIMEOUT),
                Math.max(0, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        RunOutcome outcome = null;
        Throwable thrown = null;
        try {
            outcome = runner.run(admitted.agent(), (AgentProgram<I, Object>) admitted.program(), admitted.input(),
                    steps, deadline);
        } catch (RuntimeException | StackOverflowError e) {
            thrown = e;
        } finally {
            timer.cancel(false);
            if (id != null) {
                running.remove(id);
            }
        }
        Stop stop = run.end();
        if (stop == Stop.TIMEOUT) {
            return failed(RunStatus.TIMED_OUT, "The run took longer than the agent's timeout of "
                    + timeout.toSeconds() + " s.", runningAt, version);
        }
        if (stop == Stop.STOPPED) {
            // Whoever stopped it wrote its status (cancelled, timed out as stuck); this write of it will not apply.
            return failed(RunStatus.CANCELLED, "Cancelled while running.", runningAt, version);
        }
        if (Thread.currentThread().isInterrupted()) {
            // Not by this run's timeout or a cancel: the node is stopping (or the workflow run around this one was
            // stopped), and the flag stays set for whoever runs this thread.
            return failed(RunStatus.CANCELLED, SHUTTING_DOWN, runningAt, version);
        }
        if (thrown == null) {
            return new RunResult(RunStatus.SUCCEEDED, json(outcome.output()), null,
                    outcome.source().code(), outcome.model(), outcome.tokensIn(), outcome.tokensOut(),
                    outcome.costUsd(), outcome.unpriced(), outcome.inputHash(), runningAt, clock.instant(),
                    version, outcome.output());
        }
        if (thrown instanceof RunStop runStop) {
            RunStatus status = switch (runStop.kind()) {
                case WAITING -> RunStatus.WAITING;
                case BUDGET_EXCEEDED -> RunStatus.BUDGET_EXCEEDED;
                case FAILED -> RunStatus.FAILED;
            };
            JsonNode partial = runStop.partialOutput();
            return new RunResult(status, json(partial), runStop.getMessage(), OutputSource.WORKFLOW.code(), null,
                    0, 0, null, false, null, runningAt, clock.instant(), version, partial);
        }
        if (thrown instanceof RunFailedException failure) {
            return failed(RunStatus.FAILED, failure.getMessage(), runningAt, version);
        }
        // The exception is for the log; the run's error is read by callers and must not name our classes.
        String reference = UUID.randomUUID().toString();
        log.error("Run {} of agent '{}' failed unexpectedly (reference {})", id, admitted.agent().name(),
                reference, thrown);
        return failed(RunStatus.FAILED, "The agent failed unexpectedly; the server log has the details "
                + "under reference " + reference + ".", runningAt, version);
    }

    private RunResult failed(RunStatus status, String error, Instant runningAt, Integer configVersion) {
        return new RunResult(status, null, error, null, null, 0, 0, null, false, null, runningAt, clock.instant(),
                configVersion);
    }

    /**
     * A run as it was just written, without reading it back; {@code result} is {@code null} for a queued run. Its
     * payload sizes are left {@code null}: PostgreSQL measures them on its own text of the JSON.
     */
    private Run written(long id, Admitted<?> admitted, RunResult result) {
        NewRun run = admitted.run();
        RunResult end = result != null ? result : new RunResult(RunStatus.QUEUED, null, null, null, null, 0, 0,
                null, false, null, null, null, null);
        JsonNode output = end.output() != null ? end.output() : readJson(end.outputJson());
        return new Run(new RunSummary(id, run.agentId(), run.agentName(), run.taskType(), end.status(),
                run.mode(), end.error(), end.engine(), end.model(), end.tokensIn(),
                end.tokensOut(), end.costUsd(), end.unpriced(), run.requestedBy(), run.requesterKind(),
                run.configVersion(), run.startedAt(), end.runningAt(), end.completedAt(),
                result == null ? null : end.executionSeconds(), result == null ? 0 : 1, null, null, run.parentId(),
                run.replayOf()),
                admitted.inputJson(), output);
    }

    private String json(JsonNode node) {
        try {
            return node == null ? null : objectMapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readJson(String text) {
        try {
            return text == null ? null : objectMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a run was stopped from outside its thread. */
    private enum Stop {
        /** Its agent's timeout passed. */
        TIMEOUT,
        /** Someone else stopped it and recorded why: a cancel, or self-healing timing out a stuck run. */
        STOPPED
    }

    /**
     * A run executing in its caller's thread. Stopping it interrupts that thread; stopping and ending exclude each
     * other, so no interrupt meant for the run reaches the thread after the run has ended, when it goes on with its
     * caller's work (the next task, the next request, the rest of a workflow).
     */
    private static final class Running {

        private final Thread thread;
        private final StepRecorder steps;
        private Stop stop;
        private boolean ended;

        Running(Thread thread, StepRecorder steps) {
            this.thread = thread;
            this.steps = steps;
        }

        /** Records why (the last step, for a timeout) and interrupts the run; nothing once it has ended. */
        synchronized void stop(Runnable lastStep, Stop why) {
            if (ended || stop != null) {
                return;
            }
            stop = why;
            lastStep.run(); // and later steps of the unwinding run are not recorded
            thread.interrupt();
        }

        /** Ends the run, in its own thread: why it was stopped, if it was, with that interrupt cleared. */
        synchronized Stop end() {
            ended = true;
            if (stop != null) {
                Thread.interrupted();
            }
            return stop;
        }
    }
}
