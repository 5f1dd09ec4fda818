package com.fitnesscrm.orchestrator.execution;

import java.math.BigDecimal;
import java.time.Instant;

/** A run as the runs grid lists it, without its payloads. */
public record ExecutionSummary(long id, Integer agentId, String agentName, ExecutionStatus status, String engine,
                               BigDecimal costUsd, boolean unpriced, int tokensIn, int tokensOut, String requestedBy,
                               Instant startedAt, Double executionTime) {
}
