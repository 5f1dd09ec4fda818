package com.fitnesscrm.orchestrator.execution.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.execution.ListedRun;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunFilter;
import com.fitnesscrm.orchestrator.execution.RunFinished;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunStep;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.execution.StepKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Runs and their steps in {@code ai_agent_executions} and {@code ai_execution_steps}, over plain JDBC: this is the
 * hot path of every run, and a run that finishes in the request is one insert of the run and one batch of steps.
 * Status changes are conditional ({@code WHERE status = ...}), so a cancelled or timed-out run is never overwritten
 * by a worker that finishes late. Every write of a final status, and only such a write, publishes
 * {@link RunFinished} once: the one hook for metrics and health (see docs/decisions/0016-one-way-to-run.md).
 */
@Repository
class RunStore {

    private static final Logger log = LoggerFactory.getLogger(RunStore.class);
    /** Everything but the payloads, of which only the sizes (V0013): what lists read. */
    private static final String SUMMARY_COLUMNS = "id, agent_id, agent_name, task_type, status, mode, "
            + "error_message, engine, model, tokens_in, tokens_out, cost_usd, unpriced, requested_by, requester_kind, "
            + "config_version, started_at, running_at, completed_at, execution_time, attempts, input_bytes, "
            + "output_bytes, parent_id, replay_of";
    private static final String COLUMNS = SUMMARY_COLUMNS + ", input_data, output_data";

    /**
     * Continues a {@code WITH run AS (… RETURNING id)}: inserts the steps given as ten arrays (see {@link StepArrays})
     * for the run, only if the statement before it touched one.
     */
    private static final String INSERT_STEPS_OF_RUN = """
            , steps AS (
                INSERT INTO ai_execution_steps (execution_id, seq, name, kind, status, started_at, duration_ms,
                    input_summary, output_summary, tokens_in, tokens_out)
                SELECT run.id, s.* FROM run, unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                    ?::float8[], ?::text[], ?::text[], ?::int[], ?::int[]) AS s
            )
            """;

    /**
     * Continues the statement of {@link #finishQueued}: the run's task, matched by the run's id (the task's name) and
     * the version the executor picked, so a second execution (revived while the first was stalled) never deletes the
     * fresh task of a run reopened meanwhile.
     */
    private static final String DELETE_TASK = ", task AS (DELETE FROM ai_scheduled_tasks WHERE task_name = '"
            + AsyncRuns.TASK_NAME + "' AND task_instance = ? AND version = ?) ";

    /**
     * The run's agent id, or NULL when an admin deleted the agent while the run was executing: the run is then kept
     * with the agent's name, as the runs of a deleted agent are, instead of failing on the foreign key.
     */
    private static final String AGENT_IF_STILL_THERE = "(SELECT a.id FROM ai_agents a WHERE a.id = ?)";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher events;

    RunStore(JdbcTemplate jdbc, ObjectMapper objectMapper, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.events = events;
    }

    /** A run about to be written, with the agent's name, type and config version as they are now. */
    NewRun newRun(Agent agent, int configVersion, String mode, String inputJson, String requestedBy,
                  String requesterKind, String idempotencyKey, Instant now) {
        return new NewRun(agent.id(), agent.name(), agent.type(), configVersion, mode, inputJson,
                requestedBy, requesterKind, idempotencyKey, now, null, null, null);
    }

    /** Records a run that could not run (no engine in this build) as failed, with the reason. */
    long recordRefused(NewRun run, String reason) {
        return recordUnrun(run, RunStatus.FAILED, reason);
    }

    /** Records a run whose input the agent refused as rejected, with the reason: the caller's mistake, not a failure. */
    long recordRejected(NewRun run, String reason) {
        return recordUnrun(run, RunStatus.REJECTED, reason);
    }

    private long recordUnrun(NewRun run, RunStatus status, String reason) {
        Instant now = run.startedAt();
        return insertFinished(run, new RunResult(status, null, reason, null, null, 0, 0, null, false,
                null, null, now, run.configVersion()), List.of());
    }

    /** Writes a queued async run; the caller schedules it in the same transaction. */
    long queue(NewRun run) {
        return insert(run, RunStatus.QUEUED, null);
    }

    /** Writes a run in {@code status} (queued or running) and returns its id. */
    long insert(NewRun run, RunStatus status, Instant runningAt) {
        return withAgentOrWithout(run, r -> insertOnce(r, status, runningAt));
    }

    private long insertOnce(NewRun run, RunStatus status, Instant runningAt) {
        return jdbc.queryForObject("""
                INSERT INTO ai_agent_executions (agent_id, agent_name, task_type, config_version, mode, input_data,
                    requested_by, requester_kind, idempotency_key, started_at, status, running_at, attempts,
                    parent_id, replay_of, config_override)
                VALUES (""" + AGENT_IF_STILL_THERE + """
                    , ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id""", Long.class,
                run.agentId(), run.agentName(), run.taskType(), run.configVersion(), run.mode(), run.inputJson(),
                run.requestedBy(), run.requesterKind(), run.idempotencyKey(), ts(run.startedAt()), status.code(),
                ts(runningAt), runningAt == null ? 0 : 1, run.parentId(), run.replayOf(), run.configOverrideJson());
    }

    /**
     * Writes a run that has already finished, with its steps, in one statement (a data-modifying CTE): one round
     * trip and one commit, which is what lets short runs be recorded at the rate they are asked for.
     */
    long insertFinished(NewRun run, RunResult result, List<StepRow> steps) {
        return insertFinished(run, result, steps, null);
    }

    /** Writes a finished run under {@code reservedId} ({@link #reserveId}), or a new id when {@code null}. */
    long insertFinished(NewRun run, RunResult result, List<StepRow> steps, Long reservedId) {
        long id = withAgentOrWithout(run, r -> insertFinishedOnce(r, result, steps, reservedId));
        announce(finishedEvent(id, run.agentId(), run.agentName(), result));
        return id;
    }

    /**
     * Writes the run; if its agent was deleted meanwhile (the delete committed while the insert waited on the row),
     * writes it again without the agent. Outside a transaction only: inside one the first failure has aborted it.
     */
    private long withAgentOrWithout(NewRun run, ToLongFunction<NewRun> insert) {
        try {
            return insert.applyAsLong(run);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            if (run.agentId() == null || !String.valueOf(e.getMessage()).contains("ai_agent_executions_agent_fk")
                    || org.springframework.transaction.support.TransactionSynchronizationManager
                    .isActualTransactionActive()) {
                throw e;
            }
            return insert.applyAsLong(run.withoutAgent());
        }
    }

    /**
     * An id for a run written only when it ends, taken from the table's own sequence so it never collides with one
     * written meanwhile (a gap is left if the run is never written, as a rolled-back insert leaves one).
     */
    long reserveId() {
        return jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('ai_agent_executions', 'id'))", Long.class);
    }

    private long insertFinishedOnce(NewRun run, RunResult result, List<StepRow> steps, Long reservedId) {
        StepArrays arrays = StepArrays.of(steps);
        return jdbc.queryForObject("""
                WITH run AS (
                    INSERT INTO ai_agent_executions (id, agent_id, agent_name, task_type, config_version, mode,
                        input_data, requested_by, requester_kind, idempotency_key, started_at, status, output_data,
                        error_message, engine, model, tokens_in, tokens_out, cost_usd, unpriced, input_hash, running_at,
                        completed_at, execution_time, attempts, parent_id, replay_of, config_override)
                    VALUES (COALESCE(?::bigint, nextval(pg_get_serial_sequence('ai_agent_executions', 'id'))),
                        """ + AGENT_IF_STILL_THERE + """
                        , ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?,
                        ?::jsonb)
                    RETURNING id
                )""" + INSERT_STEPS_OF_RUN + "SELECT id FROM run", Long.class,
                reservedId, run.agentId(), run.agentName(), run.taskType(), run.configVersion(), run.mode(),
                run.inputJson(),
                run.requestedBy(), run.requesterKind(), run.idempotencyKey(), ts(run.startedAt()),
                result.status().code(), result.outputJson(), result.error(), result.engine(), result.model(),
                result.tokensIn(), result.tokensOut(), result.costUsd(), result.unpriced(), result.inputHash(),
                ts(result.runningAt()), ts(result.completedAt()), result.executionSeconds(), run.parentId(),
                run.replayOf(), run.configOverrideJson(), arrays.seq(),
                arrays.name(), arrays.kind(), arrays.status(), arrays.startedAt(), arrays.duration(),
                arrays.inputSummary(), arrays.outputSummary(), arrays.tokensIn(), arrays.tokensOut());
    }

    /** Writes steps of a run already in the database, in one statement. */
    void insertSteps(long executionId, List<StepRow> steps) {
        if (steps.isEmpty()) {
            return;
        }
        StepArrays arrays = StepArrays.of(steps);
        jdbc.update("""
                INSERT INTO ai_execution_steps (execution_id, seq, name, kind, status, started_at, duration_ms,
                    input_summary, output_summary, tokens_in, tokens_out)
                SELECT ?, s.* FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::float8[],
                    ?::text[], ?::text[], ?::int[], ?::int[]) AS s""", arrays.withLeading(executionId));
    }

    /**
     * A queued run (or one left running by a node that died) as its executor reads it before it executes; empty when
     * it has finished or been cancelled meanwhile. It is marked running by its first write ({@link #markRunning}).
     */
    Optional<Claimed> queuedRun(long id) {
        return jdbc.query("SELECT " + COLUMNS + ", config_override FROM ai_agent_executions "
                + "WHERE id = ? AND status IN ('queued', 'running')",
                (rs, row) -> new Claimed(run(rs, row), rs.getString("config_override")), id).stream().findFirst();
    }

    /**
     * Marks a queued run running, counting the attempt, and writes its first steps, in one statement: one commit
     * where there were two. False (and nothing written) when it was stopped meanwhile.
     */
    boolean markRunning(long id, Instant runningAt, List<StepRow> firstSteps) {
        StepArrays arrays = StepArrays.of(firstSteps);
        return jdbc.queryForObject("""
                WITH run AS (
                    UPDATE ai_agent_executions SET status = 'running', running_at = ?, attempts = attempts + 1
                    WHERE id = ? AND status IN ('queued', 'running')
                    RETURNING id
                )""" + INSERT_STEPS_OF_RUN + "SELECT count(*) FROM run", Long.class, ts(runningAt), id,
                arrays.seq(), arrays.name(), arrays.kind(), arrays.status(), arrays.startedAt(), arrays.duration(),
                arrays.inputSummary(), arrays.outputSummary(), arrays.tokensIn(), arrays.tokensOut()) == 1;
    }

    /** A queued run as its executor claimed it, with the config fields a replay laid over its agent's config. */
    record Claimed(Run run, String configOverride) {
    }

    /**
     * Finishes a running run and writes its last steps, in one statement; false (and no steps written) when it was no
     * longer running, i.e. cancelled or timed out meanwhile.
     */
    boolean finish(long id, Integer agentId, RunResult result, List<StepRow> lastSteps) {
        return finish(id, agentId, result, lastSteps, true, null);
    }

    /**
     * Finishes an async run as {@link #finish(long, Integer, RunResult, List)} does and deletes its durable task in
     * the same statement, whether or not the run was still running: one commit instead of the scheduler's own
     * delete after it (docs/decisions/0004). A run not yet marked running ({@code markedRunning} false: it never
     * wrote a step before) is marked so in the same statement, with the attempt counted.
     */
    boolean finishQueued(long id, Integer agentId, RunResult result, List<StepRow> lastSteps, boolean markedRunning,
                         long taskVersion) {
        return finish(id, agentId, result, lastSteps, markedRunning, taskVersion);
    }

    /** Deletes a queued run's durable task at the version its executor picked; for an executor with nothing to do. */
    void deleteTask(long id, long taskVersion) {
        jdbc.update("DELETE FROM ai_scheduled_tasks WHERE task_name = ? AND task_instance = ? AND version = ?",
                AsyncRuns.TASK_NAME, String.valueOf(id), taskVersion);
    }

    private boolean finish(long id, Integer agentId, RunResult result, List<StepRow> lastSteps, boolean markedRunning,
                           Long taskVersion) {
        StepArrays arrays = StepArrays.of(lastSteps);
        List<Object> args = new ArrayList<>(Arrays.asList(result.status().code(), result.outputJson(),
                result.error(), result.engine(), result.model(), result.tokensIn(), result.tokensOut(),
                result.costUsd(), result.unpriced(), result.inputHash(), ts(result.completedAt()),
                result.executionSeconds(), result.configVersion(), markedRunning, ts(result.runningAt()),
                markedRunning ? 0 : 1, id, !markedRunning, arrays.seq(), arrays.name(), arrays.kind(),
                arrays.status(), arrays.startedAt(), arrays.duration(), arrays.inputSummary(), arrays.outputSummary(),
                arrays.tokensIn(), arrays.tokensOut()));
        if (taskVersion != null) {
            args.add(String.valueOf(id));
            args.add(taskVersion);
        }
        List<String> updated = jdbc.queryForList("""
                WITH run AS (
                    UPDATE ai_agent_executions SET status = ?, output_data = ?::jsonb, error_message = ?, engine = ?,
                        model = ?, tokens_in = ?, tokens_out = ?, cost_usd = ?, unpriced = ?, input_hash = ?,
                        completed_at = ?, execution_time = ?, config_version = coalesce(?, config_version),
                        running_at = CASE WHEN ? THEN running_at ELSE ? END, attempts = attempts + ?
                    WHERE id = ? AND (status = 'running' OR (? AND status = 'queued'))
                    RETURNING id, agent_name
                )""" + INSERT_STEPS_OF_RUN + (taskVersion != null ? DELETE_TASK : "") + "SELECT agent_name FROM run", String.class,
                args.toArray());
        boolean finished = updated.size() == 1;
        if (finished && result.status().isFinished()) {
            announce(finishedEvent(id, agentId, updated.get(0), result));
        }
        return finished;
    }

    /** Gives a running run back to the queue, e.g. when the node executing it shuts down. */
    void requeue(long id) {
        jdbc.update("UPDATE ai_agent_executions SET status = 'queued' WHERE id = ? AND status = 'running'", id);
    }

    /**
     * Queues a waiting, failed or timed-out run again (a workflow run that goes on after an approval, or is resumed);
     * false when it is in none of {@code from} any more. Its error and end are cleared; its steps stay.
     */
    boolean reopen(long id, java.util.Set<RunStatus> from) {
        return jdbc.update("""
                UPDATE ai_agent_executions SET status = 'queued', error_message = NULL, completed_at = NULL,
                    execution_time = NULL, mode = 'async'
                WHERE id = ? AND status = ANY (string_to_array(?, ','))""", id,
                String.join(",", from.stream().map(RunStatus::code).toList())) == 1;
    }

    /** Whether a node still holds the run's durable task (it is finishing the execution that just ended). */
    boolean taskPicked(long id) {
        return Boolean.TRUE.equals(jdbc.query("SELECT picked FROM ai_scheduled_tasks WHERE task_name = ? "
                + "AND task_instance = ?", rs -> rs.next() ? rs.getBoolean(1) : null, AsyncRuns.TASK_NAME,
                String.valueOf(id)));
    }

    /** Removes the run's durable task if one is left (not picked): the run is about to get a fresh one. */
    void removeIdleTask(long id) {
        jdbc.update("DELETE FROM ai_scheduled_tasks WHERE task_name = ? AND task_instance = ? AND NOT picked",
                AsyncRuns.TASK_NAME, String.valueOf(id));
    }

    /** A workflow run's child runs, oldest first. */
    List<RunSummary> children(long parentId) {
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM ai_agent_executions WHERE parent_id = ? ORDER BY id",
                this::summary, parentId);
    }

    /** The config fields a replay laid over its agent's config, or {@code null}. */
    String configOverride(long id) {
        return jdbc.query("SELECT config_override FROM ai_agent_executions WHERE id = ?",
                rs -> rs.next() ? rs.getString(1) : null, id);
    }

    /** Moves a queued or running run to a final status with a reason; false when it had already finished. */
    boolean stop(long id, RunStatus status, String reason, Instant now) {
        List<StoppedRun> stopped = jdbc.query("""
                UPDATE ai_agent_executions SET status = ?, error_message = ?, completed_at = ?,
                    execution_time = CASE WHEN running_at IS NULL THEN NULL
                                          ELSE EXTRACT(EPOCH FROM (?::timestamptz - running_at)) END
                WHERE id = ? AND status IN ('queued', 'running', 'waiting')
                RETURNING id, NULL::int AS agent_id, agent_name, execution_time""", STOPPED,
                status.code(), reason, ts(now), ts(now), id);
        stopped.forEach(run -> finished(run, status));
        return !stopped.isEmpty();
    }

    /**
     * Fails the runs nobody will finish, and returns them: sync runs still running well past their agent's timeout
     * (the node running them stopped, their caller got no answer), and async runs whose durable task is gone.
     */
    List<StoppedRun> failAbandoned(Instant now, Duration grace, String syncReason, String asyncReason) {
        List<StoppedRun> failed = jdbc.query("""
                UPDATE ai_agent_executions e SET status = 'failed', completed_at = ?,
                    error_message = CASE WHEN e.mode = 'sync' THEN ? ELSE ? END,
                    execution_time = CASE WHEN e.running_at IS NULL THEN NULL
                                          ELSE EXTRACT(EPOCH FROM (?::timestamptz - e.running_at)) END
                WHERE (e.mode = 'sync' AND e.status = 'running'
                       AND e.running_at < ?::timestamptz - make_interval(secs => ? + coalesce(
                           (SELECT (v.config ->> 'timeout_seconds')::int FROM ai_agent_config_versions v
                            WHERE v.agent_id = e.agent_id AND v.version = e.config_version), ?)))
                   OR (e.mode = 'async' AND e.status IN ('queued', 'running') AND e.started_at < ?::timestamptz - make_interval(secs => ?)
                       AND NOT EXISTS (SELECT 1 FROM ai_scheduled_tasks t
                                       WHERE t.task_name = ? AND t.task_instance = e.id::text))
                RETURNING e.id, e.agent_id, e.agent_name, e.execution_time""", STOPPED,
                ts(now), syncReason, asyncReason, ts(now), ts(now), grace.toSeconds(),
                AgentConfig.MAX_TIMEOUT_SECONDS, ts(now), grace.toSeconds(),
                AsyncRuns.TASK_NAME);
        failed.forEach(run -> finished(run, RunStatus.FAILED));
        return failed;
    }

    /**
     * Gives the durable scheduler back the tasks of async runs picked by a node whose heartbeat is older than
     * {@code deadAfter}, or that never wrote one (db-scheduler's own revive, {@code last_heartbeat <= ?}, never
     * matches those); their runs go back to {@code queued}. Returns the runs' ids. The task is rescheduled to now,
     * as db-scheduler's {@code ReviveDeadExecution} does, and its version bumped so a late heartbeat of the dead
     * node changes nothing.
     */
    List<Long> releaseDeadNodeTasks(Instant now, Duration deadAfter) {
        return jdbc.queryForList("""
                WITH released AS (
                    UPDATE ai_scheduled_tasks SET picked = false, picked_by = NULL, last_heartbeat = NULL,
                        execution_time = ?, version = version + 1
                    WHERE\s""" + DEAD_TASK + """
                    RETURNING task_instance::bigint AS id),
                requeued AS (
                    UPDATE ai_agent_executions e SET status = 'queued' FROM released r
                    WHERE e.id = r.id AND e.status = 'running' RETURNING e.id)
                SELECT id FROM released ORDER BY id""", Long.class, ts(now), AsyncRuns.TASK_NAME,
                ts(now.minus(deadAfter)));
    }

    /** The runs {@link #releaseDeadNodeTasks} would release now, without releasing them. */
    List<Long> deadNodeTasks(Instant now, Duration deadAfter) {
        return jdbc.queryForList("SELECT task_instance::bigint FROM ai_scheduled_tasks WHERE " + DEAD_TASK
                + " ORDER BY 1", Long.class, AsyncRuns.TASK_NAME, ts(now.minus(deadAfter)));
    }

    /** A picked agent-run task whose node's heartbeat is older than the bound, or that never wrote one. */
    private static final String DEAD_TASK = """
            task_name = ? AND picked AND (last_heartbeat IS NULL OR last_heartbeat < ?)
            """;

    /**
     * A run still running a grace period past its agent's timeout, whose executor is alive: sync, or async with its
     * task held by a node whose heartbeat is recent. Parameters: now, grace seconds, the default timeout, the task
     * name, the oldest live heartbeat.
     */
    private static final String STUCK = """
            e.status = 'running'
              AND e.running_at < ?::timestamptz - make_interval(secs => ? + coalesce(
                  (SELECT (v.config ->> 'timeout_seconds')::int FROM ai_agent_config_versions v
                   WHERE v.agent_id = e.agent_id AND v.version = e.config_version), ?))
              AND (e.mode = 'sync' OR EXISTS (SELECT 1 FROM ai_scheduled_tasks t
                   WHERE t.task_name = ? AND t.task_instance = e.id::text AND t.picked AND t.last_heartbeat >= ?))
            """;

    /** The runs {@link #timeOutStuck} would time out now, without stopping them. */
    List<Long> stuck(Instant now, Duration grace, Duration deadAfter) {
        return jdbc.queryForList("SELECT e.id FROM ai_agent_executions e WHERE " + STUCK + " ORDER BY e.id",
                Long.class, ts(now), grace.toSeconds(), AgentConfig.MAX_TIMEOUT_SECONDS, AsyncRuns.TASK_NAME,
                ts(now.minus(deadAfter)));
    }

    /**
     * Records as timed out the runs still running {@code grace} past their agent's timeout (at the run's config
     * version) whose executor is alive but did not stop them: sync runs, and async runs whose task a node with a
     * live heartbeat holds (a dead node's runs are released instead, and run again). Returns them.
     */
    List<StoppedRun> timeOutStuck(Instant now, Duration grace, Duration deadAfter, String reason) {
        List<StoppedRun> stopped = jdbc.query("""
                UPDATE ai_agent_executions e SET status = 'timed_out', completed_at = ?, error_message = ?,
                    execution_time = EXTRACT(EPOCH FROM (?::timestamptz - e.running_at))
                WHERE\s""" + STUCK + " RETURNING e.id, e.agent_id, e.agent_name, e.execution_time", STOPPED,
                ts(now), reason, ts(now), ts(now), grace.toSeconds(), AgentConfig.MAX_TIMEOUT_SECONDS,
                AsyncRuns.TASK_NAME, ts(now.minus(deadAfter)));
        stopped.forEach(run -> finished(run, RunStatus.TIMED_OUT));
        return stopped;
    }

    /**
     * Tells listeners a run reached its final status, right after the write (which commits on its own: none of these
     * writes runs in a transaction). Listeners run in this thread, so they must be quick or asynchronous.
     */
    private void finished(StoppedRun run, RunStatus status) {
        announce(new RunFinished(run.id(), run.agentId(), status, null, run.agentName(), run.executionSeconds()));
    }

    /**
     * Publishes a run's final status after its write has committed. A listener that throws cannot undo that write, so
     * it must not fail the caller either: a sync caller would get an error for a recorded run, and an async run's
     * scheduler would try to retry a task the finishing statement already deleted (and could reset one that a
     * reopened run has been given since, running it twice).
     */
    private void announce(RunFinished finished) {
        try {
            events.publishEvent(finished);
        } catch (RuntimeException e) {
            log.error("A listener failed on run {} finishing as {}; the run is recorded", finished.runId(),
                    finished.status(), e);
        }
    }

    private static RunFinished finishedEvent(long id, Integer agentId, String agentName, RunResult result) {
        return new RunFinished(id, agentId, result.status(), result.engine(), agentName, result.executionSeconds(),
                result.tokensIn(), result.tokensOut(), result.costUsd());
    }

    /** A run moved to a final status by someone other than its executor. */
    record StoppedRun(long id, Integer agentId, String agentName, Double executionSeconds) {
    }

    private static final RowMapper<StoppedRun> STOPPED = (rs, row) -> new StoppedRun(rs.getLong("id"),
            (Integer) rs.getObject("agent_id"), rs.getString("agent_name"), (Double) rs.getObject("execution_time"));

    int nextStepSeq(long executionId) {
        Integer max = jdbc.queryForObject("SELECT max(seq) FROM ai_execution_steps WHERE execution_id = ?",
                Integer.class, executionId);
        return max == null ? 1 : max + 1;
    }

    Optional<Run> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ai_agent_executions WHERE id = ?", this::run, id)
                .stream().findFirst();
    }

    Optional<Run> findByIdempotencyKey(String requestedBy, String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ai_agent_executions WHERE requested_by = ? "
                + "AND idempotency_key = ?", this::run, requestedBy, key).stream().findFirst();
    }


    List<RunStep> steps(long executionId) {
        return jdbc.query("""
                SELECT seq, name, kind, status, started_at, duration_ms, input_summary, output_summary, tokens_in,
                    tokens_out
                FROM ai_execution_steps WHERE execution_id = ? ORDER BY seq, id""",
                (rs, row) -> new RunStep(rs.getInt("seq"), rs.getString("name"),
                        StepKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("status"),
                        instant(rs, "started_at"), rs.getDouble("duration_ms"), rs.getString("input_summary"),
                        rs.getString("output_summary"), integer(rs, "tokens_in"), integer(rs, "tokens_out")),
                executionId);
    }

    /** Newest first; offset paging over the (started_at, id) index, without counting. */
    List<RunSummary> summaries(RunFilter filter, int offset, int limit) {
        Where where = where(filter);
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM ai_agent_executions" + where.sql()
                + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?", this::summary, args.toArray());
    }

    /**
     * A page of runs with their payloads, newest first, within a byte budget: in the page's order (each run's input,
     * then its output) a payload is read while the bytes so far stay within {@code budgetBytes}; from the first that
     * would not fit, every later one is only its size. The sizes are the stored ones (V0013), so the database reads
     * no payload it does not send, and this JVM holds at most the budget of payload text for the page, never a tree.
     * A payload is its JSON text as PostgreSQL writes it, the same text its size was measured on.
     */
    List<ListedRun> pageWithPayloads(RunFilter filter, int offset, int limit, boolean input,
                                     boolean output, long budgetBytes) {
        Where where = where(filter);
        List<Object> args = new ArrayList<>(List.of(input, budgetBytes, output, budgetBytes, input, output));
        args.addAll(where.args());
        args.add(limit);
        args.add(offset);
        // The running total is taken over the page's rows only (the inner LIMIT comes first), in the page's order.
        return jdbc.query("""
                SELECT p.*,
                    CASE WHEN ? AND p.through_input <= ? THEN e.input_data::text END AS input_text,
                    CASE WHEN ? AND p.through_output <= ? THEN e.output_data::text END AS output_text
                FROM (
                    SELECT s.*,
                        sum(s.input_weight + s.output_weight) OVER w - s.output_weight AS through_input,
                        sum(s.input_weight + s.output_weight) OVER w AS through_output
                    FROM (SELECT\s""" + SUMMARY_COLUMNS + """
                                , CASE WHEN ? THEN coalesce(input_bytes, 0) ELSE 0 END::bigint AS input_weight,
                                  CASE WHEN ? THEN coalesce(output_bytes, 0) ELSE 0 END::bigint AS output_weight
                          FROM ai_agent_executions""" + where.sql() + """
                           ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?) s
                    WINDOW w AS (ORDER BY s.started_at DESC, s.id DESC ROWS UNBOUNDED PRECEDING)
                ) p
                JOIN ai_agent_executions e ON e.id = p.id
                ORDER BY p.started_at DESC, p.id DESC""",
                (rs, row) -> {
                    RunSummary run = summary(rs, row);
                    return new ListedRun(run,
                            input ? payload(rs.getString("input_text"), run.inputBytes()) : null,
                            output ? payload(rs.getString("output_text"), run.outputBytes()) : null);
                }, args.toArray());
    }

    private ListedRun.Payload payload(String text, Integer bytes) {
        if (text == null) {
            return new ListedRun.Payload(null, bytes);
        }
        return new ListedRun.Payload(withinDepth(text) ? text : unreadableNote(text.length()), bytes);
    }

    /**
     * Whether stored JSON text is within today's nesting limit, read as tokens without building a tree: runs stored
     * before the limit (decision 0011) may be nested ~1,000 deep, and a page must stay readable for everyone.
     */
    private boolean withinDepth(String text) {
        try (JsonParser parser = objectMapper.getFactory().createParser(text)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructStart() && ++depth > JsonLimits.MAX_DEPTH) {
                    return false;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String unreadableNote(int length) {
        try {
            return objectMapper.writeValueAsString(unreadable(length));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(RunFilter filter) {
        Where where = where(filter);
        Long count = jdbc.queryForObject("SELECT count(*) FROM ai_agent_executions" + where.sql(), Long.class,
                where.args().toArray());
        return count == null ? 0 : count;
    }

    /** LLM spend of an agent since {@code since}, for its daily budget. */
    BigDecimal spentSince(int agentId, Instant since) {
        BigDecimal spent = jdbc.queryForObject("SELECT coalesce(sum(cost_usd), 0) FROM ai_agent_executions "
                + "WHERE agent_id = ? AND started_at >= ?", BigDecimal.class, agentId, ts(since));
        return spent == null ? BigDecimal.ZERO : spent;
    }

    /** The newest LLM answer for the same agent, config version and input, finished since {@code since}. */
    Optional<String> cachedOutput(int agentId, int configVersion, String inputHash, Instant since) {
        return jdbc.queryForList("""
                SELECT output_data::text FROM ai_agent_executions
                WHERE agent_id = ? AND config_version = ? AND input_hash = ? AND status = 'succeeded'
                  AND engine IN ('llm', 'llm_repaired') AND completed_at >= ?
                ORDER BY completed_at DESC LIMIT 1""", String.class, agentId, configVersion, inputHash, ts(since))
                .stream().findFirst();
    }

    private Where where(RunFilter filter) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (filter.agentId() != null) {
            sql.append(" AND agent_id = ?");
            args.add(filter.agentId());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status().code());
        }
        if (filter.from() != null) {
            sql.append(" AND started_at >= ?");
            args.add(ts(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND started_at < ?");
            args.add(ts(filter.to()));
        }
        return new Where(sql.isEmpty() ? "" : " WHERE" + sql.substring(4), args);
    }

    private Run run(ResultSet rs, int row) throws SQLException {
        return new Run(summary(rs, row), json(rs.getString("input_data")), json(rs.getString("output_data")));
    }

    private RunSummary summary(ResultSet rs, int row) throws SQLException {
        return new RunSummary(rs.getLong("id"), integer(rs, "agent_id"), rs.getString("agent_name"),
                rs.getString("task_type"), status(rs), rs.getString("mode"), rs.getString("error_message"),
                rs.getString("engine"), rs.getString("model"), rs.getInt("tokens_in"), rs.getInt("tokens_out"),
                rs.getBigDecimal("cost_usd"), rs.getBoolean("unpriced"), rs.getString("requested_by"),
                rs.getString("requester_kind"), integer(rs, "config_version"), instant(rs, "started_at"),
                instant(rs, "running_at"), instant(rs, "completed_at"), doubleOrNull(rs, "execution_time"),
                rs.getInt("attempts"), integer(rs, "input_bytes"), integer(rs, "output_bytes"),
                longOrNull(rs, "parent_id"), longOrNull(rs, "replay_of"));
    }

    /** The original service wrote statuses of its own (e.g. "completed"); they read as the nearest of ours. */
    private static RunStatus status(ResultSet rs) throws SQLException {
        String code = rs.getString("status");
        return RunStatus.fromCode(code).orElseGet(() -> switch (code == null ? "" : code) {
            case "completed", "success", "done" -> RunStatus.SUCCEEDED;
            case "pending" -> RunStatus.QUEUED;
            case "timeout" -> RunStatus.TIMED_OUT;
            case "canceled" -> RunStatus.CANCELLED;
            default -> RunStatus.FAILED;
        });
    }

    /**
     * A stored payload, or a note in its place when it breaks today's limits: runs stored before the 64-level limit
     * (decision 0011) may be nested ~1,000 deep, which no page could write, and one such run must not break the runs
     * list for everyone.
     */
    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = objectMapper.readTree(text);
            if (depth(node) <= JsonLimits.MAX_DEPTH) {
                return node;
            }
        } catch (JsonProcessingException e) {
            log.warn("A stored run payload is not readable JSON ({} characters): {}", text.length(),
                    e.getOriginalMessage());
        }
        return unreadable(text.length());
    }

    private ObjectNode unreadable(int length) {
        ObjectNode note = objectMapper.createObjectNode();
        note.put("unreadable", true);
        note.put("reason", "Stored before today's limits: nested deeper than " + JsonLimits.MAX_DEPTH + " levels.");
        note.put("bytes", length);
        return note;
    }

    /** Nesting depth, counted without recursion (a deep payload would overflow the stack). */
    private static int depth(JsonNode root) {
        int deepest = 0;
        ArrayDeque<Map.Entry<JsonNode, Integer>> pending = new ArrayDeque<>();
        pending.push(Map.entry(root, 1));
        while (!pending.isEmpty()) {
            Map.Entry<JsonNode, Integer> next = pending.pop();
            if (next.getKey().isContainerNode()) {
                deepest = Math.max(deepest, next.getValue());
                if (deepest > JsonLimits.MAX_DEPTH) {
                    return deepest;
                }
                next.getKey().elements().forEachRemaining(child -> pending.push(Map.entry(child, next.getValue() + 1)));
            }
        }
        return deepest;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }


    private record Where(String sql, List<Object> args) {
    }

    /** Steps as one array per column, for {@code unnest}: many rows in one statement. */
    private record StepArrays(Integer[] seq, String[] name, String[] kind, String[] status, String[] startedAt,
                              Double[] duration, String[] inputSummary, String[] outputSummary, Integer[] tokensIn,
                              Integer[] tokensOut) {

        static StepArrays of(List<StepRow> steps) {
            int n = steps.size();
            StepArrays arrays = new StepArrays(new Integer[n], new String[n], new String[n], new String[n],
                    new String[n], new Double[n], new String[n], new String[n], new Integer[n], new Integer[n]);
            for (int i = 0; i < n; i++) {
                StepRow step = steps.get(i);
                arrays.seq[i] = step.seq();
                arrays.name[i] = step.name();
                arrays.kind[i] = step.kind().code();
                arrays.status[i] = step.succeeded() ? "succeeded" : "failed";
                arrays.startedAt[i] = step.startedAt().toString();
                arrays.duration[i] = step.durationMs();
                arrays.inputSummary[i] = step.inputSummary();
                arrays.outputSummary[i] = step.outputSummary();
                arrays.tokensIn[i] = step.tokensIn();
                arrays.tokensOut[i] = step.tokensOut();
            }
            return arrays;
        }

        Object[] withLeading(Object first) {
            return new Object[] {first, seq, name, kind, status, startedAt, duration, inputSummary, outputSummary,
                    tokensIn, tokensOut};
        }
    }

}
