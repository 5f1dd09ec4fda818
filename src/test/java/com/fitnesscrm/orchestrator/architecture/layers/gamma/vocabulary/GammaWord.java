package com.fitnesscrm.orchestrator.architecture.layers.gamma.vocabulary;

/** A feature's vocabulary, which its controller and view may use: no rule should name it. */
public enum GammaWord {
    HELLO
}
