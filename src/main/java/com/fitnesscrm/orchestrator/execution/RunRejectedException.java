package com.fitnesscrm.orchestrator.execution;

import com.fitnesscrm.orchestrator.base.InvalidInputException;

/** The agent refused the run's input; the run was recorded as failed with this reason. */
public class RunRejectedException extends InvalidInputException {

    private final long executionId;

    public RunRejectedException(String field, String message, long executionId) {
        super(field, message);
        this.executionId = executionId;
    }

    public long executionId() {
        return executionId;
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("execution_id", executionId);
    }
}
