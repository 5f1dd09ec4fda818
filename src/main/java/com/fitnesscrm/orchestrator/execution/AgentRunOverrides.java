package com.fitnesscrm.orchestrator.execution;

import java.time.Instant;
import java.util.Optional;

/**
 * What is imposed on an agent's runs for now from outside its config: the Health Checker's self-healing implements
 * this (docs/decisions/0021, "Self-healing"), so that execution asks without knowing who decides. Read at every run
 * of an agent with an LLM layer, so an implementation answers from memory and reads its store only now and then.
 */
public interface AgentRunOverrides {

    /** Nothing imposed: the agent runs as configured. The runner's answer when no implementation is present. */
    AgentRunOverrides NONE = new AgentRunOverrides() {
        @Override
        public Optional<String> rulesOnly(int agentId) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> cacheClearedAt(int agentId) {
            return Optional.empty();
        }
    };

    /** Why this agent answers from its rules engine only for now, without asking the LLM; empty: it may ask. */
    Optional<String> rulesOnly(int agentId);

    /** Answers this agent cached before this time are not served from its response cache; empty: all are. */
    Optional<Instant> cacheClearedAt(int agentId);
}
