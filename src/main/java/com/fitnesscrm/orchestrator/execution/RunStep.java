package com.fitnesscrm.orchestrator.execution;

import java.time.Instant;

/** One step of a run, for its timeline. Summaries are short, truncated texts, never whole payloads. */
public record RunStep(int seq, String name, StepKind kind, String status, Instant startedAt,
                      double durationMs, String inputSummary, String outputSummary, Integer tokensIn,
                      Integer tokensOut) {
}
