package com.fitnesscrm.orchestrator.llm;

import java.time.Duration;
import java.time.Instant;

/**
 * Something the gateway did while answering one request: a call to the model, a tool the model asked for, or a
 * wait before a retry. The run that asked records each as one of its steps.
 *
 * @param tokensIn  prompt tokens the provider reported for an {@code LLM_CALL}, otherwise {@code null}
 * @param tokensOut completion tokens the provider reported for an {@code LLM_CALL}, otherwise {@code null}
 */
public record LlmStep(String name, Kind kind, boolean succeeded, Instant startedAt, Duration duration,
                      String inputSummary, String outputSummary, Integer tokensIn, Integer tokensOut) {

    public enum Kind { LLM_CALL, TOOL_CALL, RETRY }
}
