package com.fitnesscrm.orchestrator.architecture.layers.gamma.internal;

/** A feature's data access, which its own view reaches into below: for ArchitectureTest to catch. */
public class GammaTable {

    public String row() {
        return "row";
    }
}
