package com.fitnesscrm.orchestrator.execution;

import com.fitnesscrm.orchestrator.base.Coded;

/**
 * A run in a page of {@code GET /api/executions}: its summary and, when the caller asked for them, its payloads.
 *
 * @param input  {@code null} when not asked for
 * @param output {@code null} when not asked for
 */
public record ListedRun(RunSummary run, Payload input, Payload output) {

    public static ListedRun summary(RunSummary run) {
        return new ListedRun(run, null, null);
    }

    /** The payloads a caller may ask a list for ({@code ?include=input,output}). */
    public enum Part implements Coded {
        INPUT, OUTPUT
    }

    /**
     * An input or output as a page carries it.
     *
     * @param json  the stored JSON text, sent as it is (no tree is built of it); {@code null} when the page's budget
     *              was spent before it ({@link #truncated()}) or when the run has none
     * @param bytes its size as JSON text; {@code null} when the run has none
     */
    public record Payload(String json, Integer bytes) {

        public boolean truncated() {
            return json == null && bytes != null;
        }
    }
}
