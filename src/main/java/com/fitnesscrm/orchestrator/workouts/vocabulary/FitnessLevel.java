package com.fitnesscrm.orchestrator.workouts.vocabulary;

import com.fitnesscrm.orchestrator.base.JsonCoded;

/** A client's training age; an exercise's level is the lowest client level it is given to. */
public enum FitnessLevel implements JsonCoded {
    BEGINNER, INTERMEDIATE, ADVANCED
}
