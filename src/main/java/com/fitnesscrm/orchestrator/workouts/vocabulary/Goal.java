package com.fitnesscrm.orchestrator.workouts.vocabulary;

import com.fitnesscrm.orchestrator.base.JsonCoded;

/** A client's training goal; the engine's {@code GoalRules} holds what NSCA prescribes for each. */
public enum Goal implements JsonCoded {
    STRENGTH, HYPERTROPHY, FAT_LOSS, ENDURANCE, GENERAL_FITNESS
}
