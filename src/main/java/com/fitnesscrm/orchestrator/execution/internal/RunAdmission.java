package com.fitnesscrm.orchestrator.execution.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentCatalog;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.AgentPrograms;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRejectedException;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.security.Requester;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides whether a run may execute, and with what: the agent asked for, enabled, with an engine in this build, and
 * an input its program reads. Fresh runs are admitted here when they are asked for (a refusal after the agent is
 * known is recorded as a run, with its reason); queued runs are admitted again here when a node picks them up,
 * because their agent may have been deleted or changed meanwhile.
 */
@Component
public class RunAdmission {

    /** The column's size (V0008); printable ASCII only, so it is stored and shown as sent. */
    private static final int MAX_IDEMPOTENCY_KEY = 200;
    private static final Logger log = LoggerFactory.getLogger(RunAdmission.class);

    private final RunStore runs;
    private final AgentCatalog agents;
    private final AgentPrograms programs;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    RunAdmission(RunStore runs, AgentCatalog agents, AgentPrograms programs, ObjectMapper objectMapper, Clock clock) {
        this.runs = runs;
        this.agents = agents;
        this.programs = programs;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** What a request for a run comes to: a run to execute, or the run its Idempotency-Key already started. */
    public sealed interface Decision permits Admitted, Repeated {
    }

    /** A run that passed its checks and may execute now; {@code run} is {@code null} for a queued run read back. */
    public record Admitted<I>(Agent agent, AgentProgram<I, ?> program, I input, NewRun run, JsonNode inputJson)
            implements Decision {
    }

    /** The request repeats an Idempotency-Key: its first run is the answer, whatever its mode or status. */
    public record Repeated(Run run) implements Decision {
    }

    /**
     * Admits a fresh request.
     *
     * @throws NotFoundException     no agent by that id or name
     * @throws InvalidInputException an unknown task type or a malformed request (nothing recorded)
     * @throws RunRejectedException  the agent refused the input (recorded as a rejected run)
     * @throws ConflictException     the agent is disabled
     * @throws UnavailableException  this version has no engine for the agent's type (recorded as a failed run)
     */
    public Decision admit(RunRequest request, Requester requester) {
        return admit(request, requester, RunLinks.NONE);
    }

    /** Admits a fresh request for a run linked to others (a child run, a replay), as {@link #admit(RunRequest, Requester)}. */
    public Decision admit(RunRequest request, Requester requester, RunLinks links) {
        String key = idempotencyKey(request.idempotencyKey());
        Agent agent = withOverride(resolve(request), links.configOverride());
        if (key != null) {
            Optional<Run> earlier = runs.findByIdempotencyKey(requester.name(), key);
            if (earlier.isPresent()) {
                if (!agent.type().equals(earlier.get().taskType())) {
                    // Keys are the caller's, across endpoints: one reused for another kind of request is a mistake.
                    throw new InvalidInputException("Idempotency-Key", "This key was used for run "
                            + earlier.get().id() + " of a " + earlier.get().taskType() + " agent; use a new key "
                            + "for a different request.");
                }
                return new Repeated(earlier.get());
            }
        }
        if (!agent.enabled()) {
            throw new ConflictException("agent", "The agent '" + agent.name() + "' is disabled; an admin can "
                    + "enable it in Agents.");
        }
        JsonNode input = request.input() == null ? JsonNodeFactory.instance.objectNode() : request.input();
        // Bodies are checked as they are read; this holds the same limits for the UI and for runs run again.
        JsonLimits.check(input, "input", 1);
        AgentProgram<?, ?> program = programs.forType(agent.type()).orElse(null);
        // What is recorded (and answered) is what the program lets be stored, e.g. no secrets; a sync run reads the
        // input as sent, a queued one reads the recorded input back.
        JsonNode recorded = program == null ? input : program.recordedInput(input);
        int version = program == null ? agent.configVersion() : program.configVersion(agent);
        NewRun run = runs.newRun(agent, version, request.async() ? "async" : "sync", json(recorded),
                requester.name(), requester.kind().code(), key, clock.instant())
                .withLinks(links.parentId(), links.replayOf(),
                        links.configOverride() == null ? null : json(links.configOverride()));
        if (program == null) {
            String reason = "The " + typeName(agent.type()) + " engine (task type '" + agent.type() + "') is not "
                    + "installed in this version of the orchestrator, so agent '" + agent.name() + "' cannot run yet.";
            runs.recordRefused(run, reason);
            throw new UnavailableException(reason);
        }
        return read(agent, program, input, recorded, run);
    }

    private <I> Admitted<I> read(Agent agent, AgentProgram<I, ?> program, JsonNode input, JsonNode recorded,
                                 NewRun run) {
        try {
            return new Admitted<>(agent, program, program.readInput(input), run, recorded);
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
    }

    /**
     * Admits a queued run again as a node picks it up; its input was checked when it was asked for.
     *
     * @throws RunFailedException its agent was deleted, its engine is not in this build, or its program no longer
     *                            reads the input (the run is then recorded as failed with this reason)
     */
    Admitted<Object> readmit(Run queued, String override) {
        Agent stored = Optional.ofNullable(queued.agentId()).flatMap(agents::byId)
                .orElseThrow(() -> new RunFailedException("The agent '" + queued.agentName()
                        + "' was deleted before the run started."));
        Agent agent;
        try {
            agent = withOverride(stored, override == null ? null : objectMapper.readTree(override));
        } catch (JsonProcessingException | InvalidInputException e) {
            throw new RunFailedException("The run's config changes are no longer accepted: " + e.getMessage());
        }
        @SuppressWarnings("unchecked")
        AgentProgram<Object, ?> program = (AgentProgram<Object, ?>) programs.forType(agent.type())
                .orElseThrow(() -> new RunFailedException("This version has no engine for task type '"
                        + agent.type() + "'."));
        Object input;
        try {
            input = program.readInput(queued.input());
        } catch (RuntimeException e) {
            throw new RunFailedException("The input is no longer accepted: " + e.getMessage());
        }
        return new Admitted<>(agent, program, input, null, queued.input());
    }

    /**
     * The agent with {@code override}'s config fields laid over its config, for one run (a replay's).
     *
     * @throws InvalidInputException a field is unknown or out of range, named {@code config.<field>}
     */
    private static Agent withOverride(Agent agent, JsonNode override) {
        if (override == null || override.isNull() || override.isEmpty()) {
            return agent;
        }
        AgentConfig config;
        try {
            config = AgentConfig.read(override, agent.config());
        } catch (InvalidInputException e) {
            throw e.under("config");
        }
        // The response cache is keyed by config version: a run with changed config neither reads nor feeds it.
        AgentConfig uncached = new AgentConfig(config.model(), config.temperature(), config.systemPrompt(),
                config.maxTokens(), config.timeoutSeconds(), config.maxRetries(), config.dailyBudgetUsd(), 0,
                config.fallbackPolicy(), config.health());
        return new Agent(agent.id(), agent.name(), agent.type(), agent.description(), agent.enabled(),
                agent.status(), uncached, agent.configVersion(), agent.installed(), agent.createdAt(),
                agent.updatedAt());
    }

    /** The program this build runs {@code agent} with, if it has one. */
    Optional<AgentProgram<?, ?>> program(Agent agent) {
        return programs.forType(agent.type());
    }

    /** The agent's kind as people say it ("Workout Optimizer"), or the task type when this build does not know it. */
    public String typeName(String code) {
        return programs.type(code).map(AgentType::displayName).orElse(code);
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
