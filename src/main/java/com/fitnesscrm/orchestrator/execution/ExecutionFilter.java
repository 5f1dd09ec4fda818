package com.fitnesscrm.orchestrator.execution;

import java.time.Instant;

/** Which runs to list; each {@code null} means any. Times bound {@code started_at}, from inclusive, to exclusive. */
public record ExecutionFilter(Integer agentId, ExecutionStatus status, Instant from, Instant to) {

    public static ExecutionFilter any() {
        return new ExecutionFilter(null, null, null, null);
    }
}
