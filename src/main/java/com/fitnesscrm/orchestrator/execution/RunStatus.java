package com.fitnesscrm.orchestrator.execution;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * queued → running → succeeded | failed | timed_out | cancelled; or rejected, for input the agent refused before it
 * ran: the caller's mistake, kept with its reason but not a failure of the agent (failure rates leave it out).
 */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, REJECTED;

    /** As stored in {@code ai_agent_executions.status} and sent over REST. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this != QUEUED && this != RUNNING;
    }

    public static Optional<RunStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
    }
}
