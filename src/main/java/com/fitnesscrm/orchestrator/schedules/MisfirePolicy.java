package com.fitnesscrm.orchestrator.schedules;

import com.fitnesscrm.orchestrator.base.JsonCoded;
import org.quartz.CronTrigger;

/** What a schedule does about firings it missed (every node down, the schedule paused past its time). */
public enum MisfirePolicy implements JsonCoded {
    /** Fire once now for all that were missed: Quartz's "fire once now". */
    RUN_ONCE(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW),
    /** Wait for the next fire time: Quartz's "do nothing". */
    SKIP(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);

    private final int quartzInstruction;

    MisfirePolicy(int quartzInstruction) {
        this.quartzInstruction = quartzInstruction;
    }

    /** The CronTrigger misfire instruction this policy stands for. */
    public int quartzInstruction() {
        return quartzInstruction;
    }
}
