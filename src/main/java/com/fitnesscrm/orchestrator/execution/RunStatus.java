package com.fitnesscrm.orchestrator.execution;

import com.fitnesscrm.orchestrator.base.Coded;
import java.util.Arrays;
import java.util.Optional;

/**
 * queued → running → succeeded | failed | timed_out | cancelled | budget_exceeded; or rejected, for input the agent
 * refused before it ran: the caller's mistake, kept with its reason but not a failure of the agent (failure rates
 * leave it out). A workflow run may also be waiting (for a person's approval, then queued again), and a failed or
 * timed-out one may be resumed (queued again).
 * Its {@link #code()} is what {@code ai_agent_executions.status} stores and REST sends.
 */
public enum RunStatus implements Coded {
    QUEUED, RUNNING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, REJECTED, WAITING, BUDGET_EXCEEDED;

    /** Done for now: nothing executes it (a waiting run is not finished, but does not execute either). */
    public boolean isFinished() {
        return this != QUEUED && this != RUNNING && this != WAITING;
    }

    public static Optional<RunStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
    }
}
