package com.fitnesscrm.orchestrator.architecture.layers.gamma.api;

import com.fitnesscrm.orchestrator.architecture.layers.gamma.GammaService;

/** A controller that keeps to its feature's root: no rule should name it. */
public class GammaController {

    public int answer() {
        return new GammaService().plan();
    }
}
