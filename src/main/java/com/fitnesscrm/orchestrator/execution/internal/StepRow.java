package com.fitnesscrm.orchestrator.execution.internal;

import com.fitnesscrm.orchestrator.execution.StepKind;
import java.time.Instant;

/** A step as written to {@code ai_execution_steps}. */
record StepRow(int seq, String name, StepKind kind, boolean succeeded, Instant startedAt, double durationMs,
               String inputSummary, String outputSummary, Integer tokensIn, Integer tokensOut) {

    static final int SUMMARY_LIMIT = 500;

    StepRow {
        name = truncate(name, 200);
        inputSummary = truncate(inputSummary, SUMMARY_LIMIT);
        outputSummary = truncate(outputSummary, SUMMARY_LIMIT);
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
