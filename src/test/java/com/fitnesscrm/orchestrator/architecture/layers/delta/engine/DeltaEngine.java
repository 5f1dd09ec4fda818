package com.fitnesscrm.orchestrator.architecture.layers.delta.engine;

/** A rules engine, which only its own feature may call. */
public class DeltaEngine {

    public int compute() {
        return 42;
    }
}
