package com.fitnesscrm.orchestrator.workouts.vocabulary;

import com.fitnesscrm.orchestrator.base.JsonCoded;

/** A condition that rules out every exercise marked with it. */
public enum Contraindication implements JsonCoded {
    KNEE, LOWER_BACK, SHOULDER, WRIST, HIP, PREGNANCY
}
