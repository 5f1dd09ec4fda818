package com.fitnesscrm.orchestrator.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A run as lists show it: everything recorded but its input and output, of which only the sizes are read. The runs
 * grid and {@code GET /api/executions} read these, so a page weighs the same whatever its runs' payloads weigh.
 *
 * @param inputBytes  the input's size as JSON text ({@code null}: no input); see V0013
 * @param outputBytes the output's size as JSON text ({@code null}: no output yet)
 * @see Run for the other fields
 */
public record RunSummary(long id, Integer agentId, String agentName, String taskType, RunStatus status,
                               String mode, String error, String engine, String model, int tokensIn, int tokensOut,
                               BigDecimal costUsd, boolean unpriced, String requestedBy, String requesterKind,
                               Integer configVersion, Instant startedAt, Instant runningAt, Instant completedAt,
                               Double executionTime, int attempts, Integer inputBytes, Integer outputBytes) {
}
