package com.fitnesscrm.orchestrator.execution;

/**
 * A succeeded run and its output read into the agent's output record.
 *
 * @param run    the run as recorded: its id, engine and raw output JSON, for answers that carry them
 * @param output {@code run.output()} as the agent's output type
 */
public record TypedRun<O>(Run run, O output) {

    public long id() {
        return run.id();
    }

    /** Who wrote the output: {@code rules}, {@code llm} … (the run's engine). */
    public String engine() {
        return run.engine();
    }
}
