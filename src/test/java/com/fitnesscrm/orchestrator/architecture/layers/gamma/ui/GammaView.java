package com.fitnesscrm.orchestrator.architecture.layers.gamma.ui;

import com.fitnesscrm.orchestrator.architecture.layers.gamma.internal.GammaTable;

/** A view that reads its feature's table instead of calling the feature's service. */
public class GammaView {

    public String show() {
        return new GammaTable().row();
    }
}
