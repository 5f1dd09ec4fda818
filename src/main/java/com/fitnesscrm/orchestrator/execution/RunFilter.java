package com.fitnesscrm.orchestrator.execution;

import java.time.Instant;

/** Which runs to list; each {@code null} means any. Times bound {@code started_at}, from inclusive, to exclusive. */
public record RunFilter(Integer agentId, RunStatus status, Instant from, Instant to) {

    public static RunFilter any() {
        return new RunFilter(null, null, null, null);
    }
}
