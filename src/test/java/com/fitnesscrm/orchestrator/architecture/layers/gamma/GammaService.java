package com.fitnesscrm.orchestrator.architecture.layers.gamma;

import com.fitnesscrm.orchestrator.architecture.layers.delta.engine.DeltaEngine;

/** A feature's service that calls another feature's rules engine directly instead of that feature's service. */
public class GammaService {

    public int plan() {
        return new DeltaEngine().compute();
    }
}
