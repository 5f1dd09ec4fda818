package com.fitnesscrm.orchestrator.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.execution.internal.RunLinks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentCatalog;
import com.fitnesscrm.orchestrator.agents.AgentPrograms;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.agents.OrchestratingProgram;
import com.fitnesscrm.orchestrator.base.JsonDiff;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.execution.internal.RunAdmission;
import com.fitnesscrm.orchestrator.execution.internal.RunLifecycle;
import com.fitnesscrm.orchestrator.execution.internal.RunQueries;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.security.Permissions;
import com.fitnesscrm.orchestrator.security.Requester;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Runs agents and reads runs, for whoever is asking. A run is asked for by agent (id or name) or by the original
 * service's task type; it executes now (sync: the answer is the finished run) or is queued for the durable scheduler
 * (async: the answer is the queued run). Every run is recorded, a refused input included, with who asked.
 *
 * <p>This is the feature's door: permissions and the requester are decided here, the work is done by
 * {@link RunAdmission} (may it run, and on what), {@link RunLifecycle} (running it and writing how it ended) and
 * {@link RunQueries} (reading runs back).
 */
@Service
@PreAuthorize(Permissions.READ)
public class RunService {

    private final RunAdmission admission;
    private final RunLifecycle lifecycle;
    private final RunQueries queries;
    private final AgentCatalog agents;
    private final AgentService agentService;
    private final AgentPrograms programs;
    private final CurrentRequester currentRequester;
    private final ObjectMapper objectMapper;

    RunService(RunAdmission admission, RunLifecycle lifecycle, RunQueries queries, AgentCatalog agents,
               AgentService agentService, AgentPrograms programs, CurrentRequester currentRequester,
               ObjectMapper objectMapper) {
        this.admission = admission;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.agents = agents;
        this.agentService = agentService;
        this.programs = programs;
        this.currentRequester = currentRequester;
        this.objectMapper = objectMapper;
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
        RunAdmission.Decision decision = admission.admit(request, requester);
        if (decision instanceof RunAdmission.Repeated repeated) {
            return repeated.run();
        }
        RunAdmission.Admitted<?> admitted = (RunAdmission.Admitted<?>) decision;
        try {
            return request.async() ? lifecycle.queue(admitted) : lifecycle.runNow(admitted);
        } catch (DuplicateKeyException e) {
            // The same key arrived twice at once; the first one to be written is the run.
            return queries.byIdempotencyKey(requester, admitted.run().idempotencyKey()).orElseThrow(() -> e);
        } catch (DataAccessException e) {
            // An admin deleted the agent while its async run was being queued: nothing was queued; say so.
            if (agents.byReference(String.valueOf(admitted.agent().id())).isEmpty()) {
                throw new ConflictException("agent", "The agent '" + admitted.agent().name() + "' was deleted "
                        + "while the run was starting; nothing was run.");
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
            throw new RunNotSucceeded(run, admission.typeName(run.taskType()));
        }
        try {
            return new TypedRun<>(run, objectMapper.treeToValue(run.output(), output));
        } catch (JsonProcessingException e) {
            // The agent wrote this output from its own record: not reading it back is our fault, not the caller's.
            throw new IllegalStateException("The output of run " + run.id() + " is not a "
                    + output.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** @throws NotFoundException no run with that id */
    public Run get(long id) {
        return queries.get(id);
    }

    /** A run's steps; a caller allowed to run agents may read the steps of the run it was just answered with. */
    @PreAuthorize(Permissions.READ + " or " + Permissions.EXECUTE)
    public List<RunStep> steps(long id) {
        return queries.steps(id);
    }

    /** Newest first, without a total: for grids over many rows. */
    public List<RunSummary> list(RunFilter filter, int offset, int limit) {
        return queries.list(filter, offset, limit);
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
        return queries.page(filter, page, perPage, include);
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
     * Runs the run's agent (or workflow) again, queued, with {@code input} instead of the original's when given and
     * {@code config} laid over the agent's current config for this run only (e.g. another model or prompt); the new
     * run records which run it replays and the config it ran with.
     *
     * @param input  {@code null}: the original's input
     * @param config {@code null}: the agent's current config; else an object of config fields to change
     * @throws ConflictException     the agent has been deleted
     * @throws InvalidInputException a config field is unknown or out of range (naming {@code config.<field>})
     * @throws AccessDeniedException {@code config} changes something and the caller is not an admin
     */
    @PreAuthorize(Permissions.EXECUTE)
    public Run replay(long id, JsonNode input, JsonNode config) {
        Run run = get(id);
        if (run.agentId() == null) {
            throw new ConflictException("agent", "The agent '" + run.agentName() + "' has been deleted.");
        }
        if (config != null && !config.isNull() && !config.isObject()) {
            throw new InvalidInputException("config", "'config' must be a JSON object of config fields to change.");
        }
        if (config != null && config.isObject()) {
            JsonLimits.check(config, "config", 1);
            // Changing how an agent runs (its model, prompt, budget) is an admin's, even for one run.
            if (!config.isEmpty() && !currentRequester.get().admin()) {
                throw new AccessDeniedException("Only an admin may replay a run with changed config; replay it "
                        + "with its agent's config, or ask an admin.");
            }
        }
        JsonNode replayed = input == null || input.isNull() ? run.input() : input;
        RunRequest request = RunRequest.forAgent(String.valueOf(run.agentId()), replayed, true);
        RunAdmission.Decision decision = admission.admit(request, currentRequester.get(),
                new RunLinks(null, id, config == null || config.isNull() ? null : config));
        return lifecycle.queue((RunAdmission.Admitted<?>) decision);
    }

    /** Two runs side by side: differences of input, config and output. */
    public RunComparison compare(long left, long right) {
        Run a = get(left);
        Run b = get(right);
        JsonNode configA = configOf(a);
        JsonNode configB = configOf(b);
        return new RunComparison(a, b, configA, configB, differences(a.input(), b.input()),
                differences(configA, configB), differences(a.output(), b.output()));
    }

    /**
     * The config a run ran with: its agent's config at the run's version, with a replay's changes laid over it; for a
     * workflow (whose version is its definition's) the workflow agent's current config and that version. {@code null}
     * once the agent is deleted.
     */
    private JsonNode configOf(Run run) {
        if (run.agentId() == null) {
            return null;
        }
        ObjectNode config;
        Agent agent = agents.byId(run.agentId()).orElse(null);
        if (agent == null) {
            return null;
        }
        boolean workflow = programs.forType(agent.type()).filter(OrchestratingProgram.class::isInstance).isPresent();
        if (workflow) {
            config = agent.configJson();
            config.put("definition_version", run.configVersion());
        } else {
            config = agentService.versions(agent.id()).stream()
                    .filter(version -> run.configVersion() != null && version.version() == run.configVersion())
                    .findFirst().map(version -> version.config().toJson()).orElse(null);
            if (config == null) {
                return null;
            }
        }
        String override = queries.configOverride(run.id());
        if (override != null) {
            try {
                objectMapper.readTree(override).fields().forEachRemaining(field -> config.set(field.getKey(),
                        field.getValue()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Run " + run.id() + "'s config changes are not JSON", e);
            }
        }
        return config;
    }

    private static List<RunComparison.Difference> differences(JsonNode left, JsonNode right) {
        return JsonDiff.between(left, right).changes().stream()
                .map(change -> new RunComparison.Difference(change.path(), change.left(), change.right())).toList();
    }

    /** A workflow run's child runs (one per agent node run), oldest first; empty for an agent's run. */
    public List<RunSummary> children(long id) {
        get(id);
        return queries.children(id);
    }
}
