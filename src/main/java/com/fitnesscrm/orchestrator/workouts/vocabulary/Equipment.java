package com.fitnesscrm.orchestrator.workouts.vocabulary;

import com.fitnesscrm.orchestrator.base.JsonCoded;

/** What a client can train with; bodyweight is always available. */
public enum Equipment implements JsonCoded {
    BODYWEIGHT, DUMBBELL, BARBELL, RACK, BENCH, KETTLEBELL, CABLE, MACHINE, BANDS, PULLUP_BAR, CARDIO_MACHINE
}
