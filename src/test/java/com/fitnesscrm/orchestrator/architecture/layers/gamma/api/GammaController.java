package com.fitnesscrm.orchestrator.architecture.layers.gamma.api;

import com.fitnesscrm.orchestrator.architecture.layers.gamma.GammaService;
import com.fitnesscrm.orchestrator.architecture.layers.gamma.vocabulary.GammaWord;

/** A controller that keeps to its feature's root and vocabulary: no rule should name it. */
public class GammaController {

    public int answer() {
        return new GammaService().plan() + GammaWord.HELLO.ordinal();
    }
}
