package com.fitnesscrm.orchestrator.architecture.layers.gamma.ui;

import com.fitnesscrm.orchestrator.architecture.layers.gamma.drafts.GammaDraft;
import com.fitnesscrm.orchestrator.architecture.layers.gamma.internal.GammaTable;
import com.fitnesscrm.orchestrator.architecture.layers.gamma.vocabulary.GammaWord;

/**
 * A view that reads its feature's table and a draft below its root instead of calling the feature's service (its
 * vocabulary it may use).
 */
public class GammaView {

    public String show() {
        return new GammaTable().row() + new GammaDraft().text() + GammaWord.HELLO;
    }
}
