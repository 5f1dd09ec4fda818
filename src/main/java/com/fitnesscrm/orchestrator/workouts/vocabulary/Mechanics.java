package com.fitnesscrm.orchestrator.workouts.vocabulary;

import com.fitnesscrm.orchestrator.base.JsonCoded;

/** Whether an exercise moves several joints (compound) or one (isolation). */
public enum Mechanics implements JsonCoded {
    COMPOUND, ISOLATION
}
