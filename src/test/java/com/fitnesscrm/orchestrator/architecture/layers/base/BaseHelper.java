package com.fitnesscrm.orchestrator.architecture.layers.base;

import com.fitnesscrm.orchestrator.architecture.layers.gamma.GammaService;

/** Shared code that knows a feature: base must not. */
public class BaseHelper {

    public int help() {
        return new GammaService().plan();
    }
}
