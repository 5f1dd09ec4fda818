package com.fitnesscrm.orchestrator.agents;

import java.util.OptionalLong;
import java.util.function.Supplier;

/** Lets a rules engine's wrapper record its stages as steps of the run, so the timeline shows where time went. */
public interface RunSteps {

    /** Runs {@code work} as a step of kind {@code node} named {@code name}, recording its time and outcome. */
    <T> T node(String name, Supplier<T> work);

    /** Records a step of kind {@code tool_call} that has already happened (e.g. a database lookup for the engine). */
    void toolCall(String name, String inputSummary, String outputSummary, long durationMillis);

    /**
     * The id the run is recorded under, e.g. for what an agent stores about the run (the Code Analyzer's evidence). A
     * short sync run is written only when it ends; asking reserves its id then. Empty outside a recorded run.
     */
    default OptionalLong runId() {
        return OptionalLong.empty();
    }

    /** True once the run has been cancelled; a long engine may stop early. */
    boolean cancelled();
}
