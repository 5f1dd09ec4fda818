package com.fitnesscrm.orchestrator.schedules;

import com.fitnesscrm.orchestrator.base.JsonCoded;

/** What a firing does while the schedule's previous run is still queued or running. */
public enum OverlapPolicy implements JsonCoded {
    /** Start no run; the skip is recorded. */
    SKIP,
    /** Start another run anyway. */
    ALLOW
}
