package com.fitnesscrm.orchestrator.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.agents.LlmLayer;
import com.fitnesscrm.orchestrator.agents.RunSteps;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmSession;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Attendance;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Status;
import com.fitnesscrm.orchestrator.scheduling.engine.SchedulingEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scheduling Intelligence ({@code scheduling}): the {@link SchedulingEngine} finds and ranks the free slots; the LLM
 * layer may only rephrase each {@code suggestion} and its {@code reasons}, and {@link SchedulingCheck} throws out an
 * answer that moves, drops or invents a slot or changes a number (one repair, then the engine's own words).
 */
@Component
public class SchedulingAgent implements AgentProgram<SchedulingInput, SchedulingOutput> {

    private final SchedulingEngine engine = new SchedulingEngine();
    private final SchedulingCheck check = new SchedulingCheck(engine);
    private final Clock clock;
    private final ObjectMapper objectMapper;
    private final CrmDirectory crm;

    /** The week optimiser's limit when the input gives none ({@code orchestrator.scheduling.week-time-limit}). */
    private final Duration weekTimeLimit;
    public SchedulingAgent(Clock clock, ObjectMapper objectMapper, CrmDirectory crm,
                           @Value("${orchestrator.scheduling.week-time-limit:5s}") Duration weekTimeLimit) {
        this.clock = clock;
        this.objectMapper = objectMapper;
        this.crm = crm;
        this.weekTimeLimit = weekTimeLimit;
    }

    @Override
    public AgentType type() {
        return AgentType.SCHEDULING;
    }

    @Override
    public AgentConfig defaultConfig() {
        return AgentConfig.defaults("You are the FitnessCRM Scheduling Intelligence, a front-desk assistant who "
                + "words session proposals warmly and briefly for clients. You never change a time, a score or a "
                + "probability you are given. Answer with JSON only, in the shape you are given.");
    }

    /** Reads the input with "now" from the app's clock; what the request leaves out comes from the CRM. */
    @Override
    public SchedulingInput readInput(JsonNode input) {
        return SchedulingInputReader.read(input, clock.instant(), crmReads(), weekTimeLimit);
    }

    @Override
    public SchedulingOutput runRules(SchedulingInput input, RunSteps steps) {
        if (input.optimisesWeek()) {
            return steps.node("optimise week (Timefold)", () -> engine.optimiseWeek(input));
        }
        return steps.node("suggest slots", () -> engine.suggest(input));
    }

    /** The rules' own answer: every hard rule, and for suggestions every number the engine gives. */
    @Override
    public List<String> check(SchedulingInput input, SchedulingOutput output) {
        return input.optimisesWeek() ? check.checkWeek(input, output, null) : check.check(input, output);
    }

    /**
     * An LLM's answer for a week is held to the optimiser's plan of the same run (a time-limited solve need not
     * repeat exactly): only the reasons may differ.
     */
    @Override
    public List<String> check(SchedulingInput input, SchedulingOutput rules, SchedulingOutput answer) {
        return input.optimisesWeek() ? check.checkWeek(input, answer, rules) : check.check(input, answer);
    }

    @Override
    public Class<SchedulingOutput> outputType() {
        return SchedulingOutput.class;
    }

    /**
     * The original {@code results}: {@code scheduling} is the list of suggestions (the main backend's client keeps
     * {@code results.scheduling} only if it is a list) and {@code schedule} the whole answer.
     */
    @Override
    public ObjectNode legacyResults(SchedulingInput input, JsonNode output) {
        ObjectNode results = JsonNodeFactory.instance.objectNode();
        // A week's answer has no suggestions: its list is the assignments.
        JsonNode suggestions = input.optimisesWeek() ? output.path("week").path("assignments")
                : output.path("suggestions");
        results.set(type().code(), suggestions.isArray() ? suggestions : JsonNodeFactory.instance.arrayNode());
        results.set("schedule", output);
        return results;
    }

    @Override
    public Optional<LlmLayer<SchedulingInput, SchedulingOutput>> llmLayer() {
        return Optional.of(new LlmLayer<>() {
            @Override
            public String userMessage(SchedulingInput input, SchedulingOutput rulesOutput) {
                String answer;
                try {
                    answer = objectMapper.writeValueAsString(rulesOutput);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("An answer always serialises", e);
                }
                return """
                        Here are session slots our scheduling engine proposes to a client, best first:
                        %s

                        Rewrite two fields of each suggestion, for the client:
                        - "suggestion": one friendly sentence the client reads, starting with the day and time as \
                        given (e.g. "Tue 8 Dec, 07:00–08:00 — …").
                        - "reasons": the same reasons in plain words, one short sentence each.
                        Rules: keep every slot, its start, end, score, show_probability and priority exactly as \
                        given and in the same order; add no slot, move none, name no other time; keep every other \
                        field exactly as given and set "engine" to "llm". Answer with the whole JSON only."""
                        .formatted(answer);
            }
        });
    }

    /** The CRM's reads in the input reader's terms. */
    private SchedulingInputReader.Crm crmReads() {
        return new SchedulingInputReader.Crm() {
            @Override
            public Optional<ZoneId> zone() {
                return Optional.ofNullable(crm.status().timeZone());
            }

            @Override
            public List<Booking> trainerSessions(long trainerId, Instant from, Instant to) {
                return crm.trainerSessions(trainerId, from, to).stream().map(SchedulingAgent::booking).toList();
            }

            @Override
            public List<Attendance> clientHistory(long clientId, Instant from, Instant to) {
                return attendance(crm.sessions(clientId, from, to));
            }

            @Override
            public List<Attendance> gymHistory(Instant from, Instant to) {
                return attendance(crm.allSessions(from, to));
            }
        };
    }

    static Booking booking(CrmSession session) {
        Instant start = session.start().toInstant();
        Instant end = session.end() != null && session.end().isAfter(session.start()) ? session.end().toInstant()
                : start.plusSeconds(60L * (session.durationMinutes() != null && session.durationMinutes() > 0
                ? session.durationMinutes() : SchedulingInput.DEFAULT_SESSION_MINUTES));
        Status status = "confirmed".equalsIgnoreCase(String.valueOf(session.statusText()).strip())
                ? Status.CONFIRMED : status(session.status());
        return new Booking(start, end, session.clientId(), status);
    }

    private static List<Attendance> attendance(List<CrmSession> sessions) {
        return sessions.stream().filter(s -> s.status() == CrmSession.Status.COMPLETED
                        || s.status() == CrmSession.Status.NO_SHOW || s.status() == CrmSession.Status.CANCELLED)
                .map(s -> new Attendance(s.start().toInstant(), status(s.status()))).toList();
    }

    /** The CRM's status; one it has no name for counts as booked. */
    private static Status status(CrmSession.Status status) {
        return switch (status) {
            case SCHEDULED -> Status.SCHEDULED;
            case COMPLETED -> Status.COMPLETED;
            case CANCELLED -> Status.CANCELLED;
            case NO_SHOW -> Status.NO_SHOW;
            case OTHER -> null;
        };
    }
}
