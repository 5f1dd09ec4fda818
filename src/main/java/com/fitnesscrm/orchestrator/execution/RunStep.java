package com.fitnesscrm.orchestrator.execution;

import java.time.Instant;

/** One step of a run, for its timeline. Summaries are short, truncated texts, never whole payloads. */
public record RunStep(int seq, String name, StepKind kind, String status, Instant startedAt,
                      double durationMs, String inputSummary, String outputSummary, Integer tokensIn,
                      Integer tokensOut) {

    /** The step that checks an answer from the response cache against the agent's rules before serving it. */
    public static final String CACHED_ANSWER_CHECK = "check cached answer";
    /** How the reason of a fallback (the step's input summary) starts when the LLM gave no answer at all. */
    public static final String LLM_GAVE_NO_ANSWER = "The LLM gave no answer";
    /**
     * How the reason of a fallback starts when the LLM was not asked because its answer could not fit in the agent's
     * {@code max_tokens}: a decision of the run, not a failure of the provider.
     */
    public static final String LLM_NOT_ASKED = "The LLM was not asked";
}
