package com.fitnesscrm.orchestrator.execution;

import com.fitnesscrm.orchestrator.base.Coded;

/** Which part of the agent produced a run's output (the run's {@code engine} column and JSON field). */
public enum OutputSource implements Coded {
    /** The agent's rules engine (no LLM, or the LLM's answer was given up). */
    RULES,
    /** The LLM's first answer, which passed every rule. */
    LLM,
    /** The LLM's answer after one repair attempt listing the rules it broke. */
    LLM_REPAIRED,
    /** An earlier LLM answer for the same input and config version, within the agent's cache TTL. */
    CACHE,
    /**
     * A workflow's nodes: other agents' child runs (each with its own engine) and its functions. Its tokens and cost
     * are its child runs', counted there (docs/decisions/0026).
     */
    WORKFLOW
}
