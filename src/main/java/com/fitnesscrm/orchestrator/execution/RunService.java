package com.fitnesscrm.orchestrator.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentCatalog;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.AgentPrograms;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.execution.internal.AsyncRuns;
import com.fitnesscrm.orchestrator.execution.internal.RunStore;
import com.fitnesscrm.orchestrator.execution.internal.NewRun;
import com.fitnesscrm.orchestrator.execution.internal.PayloadMemory;
import com.fitnesscrm.orchestrator.execution.internal.RunLifecycle;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.security.Permissions;
import com.fitnesscrm.orchestrator.security.Requester;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs agents and reads runs. A run is asked for by agent (id or name) or by the original service's task type;
 * it executes now (sync: the answer is the finished run) or is queued for the durable scheduler (async: the answer
 * is the queued run). Every run is recorded, a refused input included, with who asked.
 */
@Service
@PreAuthorize(Permissions.READ)
public class RunService {

    public static final int MAX_PAGE_SIZE = 100;
    private static final long MAX_OFFSET = 10_000_000;
    /** The column's size (V0008); printable ASCII only, so it is stored and shown as sent. */
    public static final int MAX_IDEMPOTENCY_KEY = 200;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunService.class);

    private final RunStore runs;
    private final PayloadMemory payloadMemory;
    private final RunLifecycle lifecycle;
    private final AgentCatalog agents;
    private final AgentPrograms programs;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> runTask;
    private final TransactionTemplate transaction;
    private final CurrentRequester currentRequester;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    RunService(RunStore runs, PayloadMemory payloadMemory, RunLifecycle lifecycle, AgentCatalog agents,
                     AgentPrograms programs, SchedulerClient scheduler, OneTimeTask<Long> agentRunTask,
                     javax.sql.DataSource dataSource, CurrentRequester currentRequester,
                     ObjectMapper objectMapper, Clock clock) {
        this.runs = runs;
        this.payloadMemory = payloadMemory;
        this.lifecycle = lifecycle;
        this.agents = agents;
        this.programs = programs;
        this.scheduler = scheduler;
        this.runTask = agentRunTask;
        // A plain JDBC transaction for the queued run and its task: both are JDBC, and the JPA transaction manager
        // would open a Hibernate session around them for nothing.
        this.transaction = new TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
        this.currentRequester = currentRequester;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /**
     * Runs an agent.
     *
     * @return the finished run (sync) or the queued run (async); with an Idempotency-Key seen before, the run that
     *         key started, whatever its mode
     * @throws NotFoundException     no agent by that id or name
     * @throws InvalidInputException an unknown task type or a malformed request (nothing recorded)
     * @throws RunRejectedException  the agent refused the input (recorded as a rejected run)
     * @throws ConflictException     the agent is disabled
     * @throws UnavailableException  this version has no engine for the agent's type (recorded as a failed run)
     */
    @PreAuthorize(Permissions.EXECUTE)
    public Run run(RunRequest request) {
        Requester requester = currentRequester.get();
        String key = idempotencyKey(request.idempotencyKey());
        Agent agent = resolve(request);
        if (key != null) {
            var earlier = runs.findByIdempotencyKey(requester.name(), key);
            if (earlier.isPresent()) {
                if (!agent.type().equals(earlier.get().taskType())) {
                    // Keys are the caller's, across endpoints: one reused for another kind of request is a mistake.
                    throw new InvalidInputException("Idempotency-Key", "This key was used for run "
                            + earlier.get().id() + " of a " + earlier.get().taskType() + " agent; use a new key "
                            + "for a different request.");
                }
                return earlier.get();
            }
        }
        if (!agent.enabled()) {
            throw new ConflictException("agent", "The agent '" + agent.name() + "' is disabled; an admin can "
                    + "enable it in Agents.");
        }
        JsonNode input = request.input() == null ? JsonNodeFactory.instance.objectNode() : request.input();
        // Bodies are checked as they are read; this holds the same limits for the UI and for runs run again.
        JsonLimits.check(input, "input", 1);
        var run = runs.newRun(agent, request.async() ? "async" : "sync", json(input), requester.name(),
                requester.kind().code(), key, clock.instant());
        AgentProgram<?, ?> program = programs.forType(agent.type()).orElse(null);
        if (program == null) {
            String reason = "The " + typeName(agent.type()) + " engine (task type '" + agent.type() + "') is not "
                    + "installed in this version of the orchestrator, so agent '" + agent.name() + "' cannot run yet.";
            runs.recordRefused(run, reason);
            throw new UnavailableException(reason);
        }
        Object typedInput;
        try {
            typedInput = program.readInput(input);
        } catch (InvalidInputException e) {
            long id = runs.recordRejected(run, "Invalid input: " + (e.field() == null || e.field().isEmpty() ? ""
                    : e.field() + ": ") + e.getMessage());
            throw new RunRejectedException(e.field(), e.getMessage(), id);
        } catch (RuntimeException e) {
            // An agent that cannot read an input without saying which field is wrong still refuses it clearly; its
            // exception's text is for the log, not for the caller (it may name our classes).
            log.warn("Agent '{}' could not read an input", agent.name(), e);
            long id = runs.recordRejected(run, "The agent could not read the input.");
            throw new RunRejectedException("input", "The agent could not read the input.", id);
        }
        try {
            if (request.async()) {
                long id = transaction.execute(status -> {
                    long queued = runs.queue(run);
                    AsyncRuns.schedule(scheduler, runTask, queued, clock);
                    return queued;
                });
                return queued(id, run, input);
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            Run finished = lifecycle.runNow(new RunLifecycle.Admitted(agent, program, typedInput, run, input));
            return finished;
        } catch (DuplicateKeyException e) {
            // The same key arrived twice at once; the first one to be written is the run.
            return runs.findByIdempotencyKey(requester.name(), key).orElseThrow(() -> e);
        } catch (org.springframework.dao.DataAccessException e) {
            // An admin deleted the agent while its async run was being queued: nothing was queued; say so.
            if (agents.byReference(String.valueOf(agent.id())).isEmpty()) {
                throw new ConflictException("agent", "The agent '" + agent.name() + "' was deleted while the run "
                        + "was starting; nothing was run.");
            }
            throw e;
        }
    }

    /**
     * Runs an agent now and reads its output into the agent's output record: the one way a feature asks "run this
     * agent and give me its typed result, or tell me why not".
     *
     * @param request a sync request (a typed result needs a finished run)
     * @param output  the agent's output type, e.g. {@code WorkoutPlan.class}
     * @throws RunNotSucceeded the run was recorded but gave no result (failed, timed out, cancelled, rejected), or a
     *                         repeated Idempotency-Key finds its first run still going
     *                         (before a run exists, the same 4xx exceptions as {@link #run(RunRequest)})
     */
    @PreAuthorize(Permissions.EXECUTE)
    public <O> TypedRun<O> run(RunRequest request, Class<O> output) {
        if (request.async()) {
            throw new IllegalArgumentException("A typed result needs a sync run.");
        }
        Run run = run(request);
        if (run.status() != RunStatus.SUCCEEDED || run.output() == null) {
            throw new RunNotSucceeded(run, typeName(run.taskType()));
        }
        try {
            return new TypedRun<>(run, objectMapper.treeToValue(run.output(), output));
        } catch (JsonProcessingException e) {
            // The agent wrote this output from its own record: not reading it back is our fault, not the caller's.
            throw new IllegalStateException("The output of run " + run.id() + " is not a "
                    + output.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The run just queued, as written: no need to read it back. */
    private static Run queued(long id, NewRun run, JsonNode input) {
        return new Run(id, run.agentId(), run.agentName(), run.taskType(), RunStatus.QUEUED, run.mode(),
                input, null, null, null, null, 0, 0, null, false, run.requestedBy(), run.requesterKind(),
                run.configVersion(), run.startedAt(), null, null, null, 0);
    }

    public Run get(long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("No run with id " + id + "."));
    }

    /** A run's steps; a caller allowed to run agents may read the steps of the run it was just answered with. */
    @PreAuthorize(Permissions.READ + " or " + Permissions.EXECUTE)
    public List<RunStep> steps(long id) {
        get(id);
        return runs.steps(id);
    }

    /** Newest first, without a total: for grids over many rows. */
    public List<RunSummary> list(RunFilter filter, int offset, int limit) {
        return runs.summaries(filter, Math.max(0, offset), Math.min(Math.max(1, limit), 500));
    }

    /** A numbered page of summaries with the total, as the original {@code GET /api/executions} answers. */
    public RunPage page(RunFilter filter, int page, int perPage) {
        return page(filter, page, perPage, Set.of());
    }

    /**
     * A numbered page with the total; with {@code include}, each run's input and/or output while they fit the page's
     * payload budget ({@code orchestrator.executions.list.payload-budget}), stubs after that. Such a page holds
     * memory until it is {@linkplain RunPage#close() closed}: close it once written. It may wait for other
     * pages with payloads to be written first.
     *
     * @throws UnavailableException when other pages with payloads hold the memory for too long
     */
    public RunPage page(RunFilter filter, int page, int perPage, Set<ListedRun.Part> include) {
        if (page < 1) {
            throw new InvalidInputException("page", "'page' starts at 1.");
        }
        if (perPage < 1 || perPage > MAX_PAGE_SIZE) {
            throw new InvalidInputException("per_page", "'per_page' must be from 1 to " + MAX_PAGE_SIZE + ".");
        }
        if ((long) (page - 1) * perPage > MAX_OFFSET) {
            throw new InvalidInputException("page", "'page' is beyond the last run that can be listed; narrow the "
                    + "filters (agent_id, status, from, to) instead.");
        }
        int offset = (page - 1) * perPage;
        long total = runs.count(filter);
        if (include.isEmpty()) {
            return new RunPage(runs.summaries(filter, offset, perPage).stream().map(ListedRun::summary)
                    .toList(), total, page, perPage, null);
        }
        PayloadMemory.Lease lease = payloadMemory.reserve();
        try {
            int budget = payloadMemory.budget();
            List<ListedRun> rows = runs.pageWithPayloads(filter, offset, perPage,
                    include.contains(ListedRun.Part.INPUT), include.contains(ListedRun.Part.OUTPUT), budget);
            long bytes = 0;
            int truncated = 0;
            for (ListedRun row : rows) {
                for (ListedRun.Payload payload : new ListedRun.Payload[] {row.input(), row.output()}) {
                    if (payload != null && payload.truncated()) {
                        truncated++;
                    } else if (payload != null && payload.bytes() != null) {
                        bytes += payload.bytes();
                    }
                }
            }
            lease.keep(bytes);
            return new RunPage(rows, total, page, perPage,
                    new RunPage.Payloads(budget, bytes, truncated, lease::close));
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * Cancels a queued or running run. Admins (and admin keys) may cancel any run; others only their own.
     *
     * @throws ConflictException the run has already finished
     */
    @PreAuthorize(Permissions.EXECUTE)
    public Run cancel(long id) {
        Run run = get(id);
        Requester requester = currentRequester.get();
        if (!requester.admin() && !requester.name().equals(run.requestedBy())) {
            throw new AccessDeniedException("Only an admin or whoever asked for run " + id + " may cancel it.");
        }
        if (run.status().isFinished() || !lifecycle.cancel(id, "Cancelled by " + requester.name() + ".")) {
            throw new ConflictException("status", "Run " + id + " has already finished ("
                    + get(id).status().code() + ") and cannot be cancelled.");
        }
        AsyncRuns.unschedule(scheduler, id);
        return get(id);
    }

    /** Runs the same agent on the same input again, queued; the new run is independent of the old one. */
    @PreAuthorize(Permissions.EXECUTE)
    public Run rerun(long id) {
        Run run = get(id);
        if (run.agentId() == null) {
            throw new ConflictException("agent", "The agent '" + run.agentName() + "' has been deleted.");
        }
        return run(RunRequest.forAgent(String.valueOf(run.agentId()), run.input(), true));
    }

    /**
     * The {@code results} object of the original {@code POST /api/execute} answer for a succeeded run, shaped by the
     * agent's program so that the main backend's client reads it as before.
     */
    @PreAuthorize(Permissions.EXECUTE)
    public ObjectNode legacyResults(Run run) {
        AgentProgram<?, ?> program = programs.forType(run.taskType()).orElse(null);
        ObjectNode results = JsonNodeFactory.instance.objectNode();
        if (program == null || run.output() == null) {
            results.set(run.taskType(), run.output());
            return results;
        }
        return legacy(program, run);
    }

    private <I> ObjectNode legacy(AgentProgram<I, ?> program, Run run) {
        return program.legacyResults(program.readInput(run.input()), run.output());
    }

    private Agent resolve(RunRequest request) {
        if (request.agent() != null && !request.agent().isBlank()) {
            return agents.byReference(request.agent())
                    .orElseThrow(() -> new NotFoundException("No agent with id or name '" + request.agent() + "'."));
        }
        String type = request.taskType() == null ? "" : request.taskType().strip();
        if (type.isEmpty()) {
            throw new InvalidInputException("task_type", "Say which agent to run: 'task_type' (one of "
                    + typeCodes() + ") or 'agent'.");
        }
        if (programs.type(type).isEmpty()) {
            throw new InvalidInputException("task_type", "Unknown task type '" + type + "'; the task types are "
                    + typeCodes() + ".");
        }
        return agents.forTaskType(type).orElseThrow(() -> new NotFoundException("No agent of task type '" + type
                + "' exists; an admin can create one in Agents."));
    }

    private String typeCodes() {
        return String.join(", ", programs.knownTypes().stream().map(AgentType::code).toList());
    }

    private String typeName(String code) {
        return programs.type(code).map(AgentType::displayName).orElse(code);
    }

    private static String idempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String value = key.strip();
        if (value.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InvalidInputException("Idempotency-Key", "The Idempotency-Key may be at most "
                    + MAX_IDEMPOTENCY_KEY + " characters; it has " + value.length() + ".");
        }
        if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new InvalidInputException("Idempotency-Key", "The Idempotency-Key may hold printable ASCII "
                    + "characters only.");
        }
        return value;
    }

    private String json(JsonNode node) {
        try {
            return objectMapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
