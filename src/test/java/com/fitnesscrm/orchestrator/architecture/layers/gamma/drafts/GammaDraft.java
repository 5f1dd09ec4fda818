package com.fitnesscrm.orchestrator.architecture.layers.gamma.drafts;

/** A package below the feature's root that is neither internal nor engine nor vocabulary: still not for views. */
public class GammaDraft {

    public String text() {
        return "draft";
    }
}
