package com.fitnesscrm.orchestrator.execution;

/** A run reached a final status; metrics and the UI listen. */
public record ExecutionFinished(long executionId, Integer agentId, ExecutionStatus status, String engine) {
}
