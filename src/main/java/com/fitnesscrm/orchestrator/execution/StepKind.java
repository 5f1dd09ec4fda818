package com.fitnesscrm.orchestrator.execution;

import com.fitnesscrm.orchestrator.base.Coded;

/** What a step of a run was. */
public enum StepKind implements Coded {
    /** A stage of the agent's own work, e.g. its rules engine. */
    NODE,
    /** One call to the LLM. */
    LLM_CALL,
    /** A tool the LLM asked for, or a lookup the engine made. */
    TOOL_CALL,
    /** A check of an answer against the agent's rules, or of a budget. */
    GUARDRAIL,
    /** A wait before trying again. */
    RETRY,
    /** The LLM's answer was given up for the rules engine's. */
    FALLBACK
}
