package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * What an agent of one type does, as a Spring bean the runtime finds by {@link #type()}: a deterministic rules
 * engine that always answers, an optional LLM layer that may answer better, and the checks both answers must pass.
 * The runtime runs the rules first, then the LLM layer when a provider is configured; an LLM answer that breaks a
 * rule gets one repair attempt listing the violations, then the rules' answer is used.
 *
 * @param <I> the agent's input, read from the run's JSON
 * @param <O> the agent's output, serialised to JSON (records with Jackson)
 */
public interface AgentProgram<I, O> {

    AgentType type();

    /** The config an agent of this type gets when created without one; admins change it per agent. */
    default AgentConfig defaultConfig() {
        return AgentConfig.defaults("You are the FitnessCRM " + type().displayName()
                + ". Answer with JSON only, in the shape you are given.");
    }

    /**
     * Reads and checks the input.
     *
     * @throws com.fitnesscrm.orchestrator.base.InvalidInputException naming the field, e.g. {@code goal}
     */
    I readInput(JsonNode input);

    /**
     * The input as the run records it, for good: the input itself unless it holds what must not be stored (the Code
     * Analyzer redacts secrets). A queued run is read back from it with {@link #readInput}, so what this leaves must
     * still read as the same input.
     */
    default JsonNode recordedInput(JsonNode input) {
        return input;
    }

    /**
     * The version a run of {@code agent} records as its config version: the agent's config version, or for a program
     * whose behaviour is versioned elsewhere (a workflow's definition) that version.
     */
    default int configVersion(Agent agent) {
        return agent.configVersion();
    }

    /** The rules engine: no network, no LLM, the same answer for the same input. */
    O runRules(I input, RunSteps steps);

    /** Every rule the output breaks, as a sentence each; empty when the output may be given to the caller. */
    List<String> check(I input, O output);

    /**
     * Checks an answer from the LLM (or the response cache) against the rules' answer of the same run, for agents
     * whose LLM may change only some fields of it; by default the same as {@link #check(Object, Object)}.
     */
    default List<String> check(I input, O rules, O answer) {
        return check(input, answer);
    }

    Class<O> outputType();

    /** The LLM layer, or empty when this agent has none. */
    default Optional<LlmLayer<I, O>> llmLayer() {
        return Optional.empty();
    }

    /**
     * The {@code results} object of the original service's {@code POST /api/execute} answer. The main backend's
     * client reads {@code results["<task_type>"]}; each agent's contract says what it must hold.
     */
    default ObjectNode legacyResults(I input, JsonNode output) {
        ObjectNode results = JsonNodeFactory.instance.objectNode();
        results.set(type().code(), output);
        return results;
    }
}
