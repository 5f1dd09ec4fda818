package com.fitnesscrm.orchestrator.execution.internal;

import com.fitnesscrm.orchestrator.execution.StepKind;
import java.time.Instant;

/** A step as written to {@code ai_execution_steps}. */
record StepRow(int seq, String name, StepKind kind, boolean succeeded, Instant startedAt, double durationMs,
               String inputSummary, String outputSummary, Integer tokensIn, Integer tokensOut) {

    static final int SUMMARY_LIMIT = 500;
    /** An output may be a node's result as JSON: room for a readable sketch of it (see {@link JsonSketch}). */
    static final int OUTPUT_LIMIT = 2000;

    StepRow {
        name = truncate(name, 200);
        inputSummary = truncate(inputSummary, SUMMARY_LIMIT);
        outputSummary = truncate(outputSummary, OUTPUT_LIMIT);
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
