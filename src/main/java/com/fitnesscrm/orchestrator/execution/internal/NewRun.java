package com.fitnesscrm.orchestrator.execution.internal;

import java.time.Instant;

/** The columns a run gets when it is first written. */
public record NewRun(Integer agentId, String agentName, String taskType, int configVersion, String mode, String inputJson,
              String requestedBy, String requesterKind, String idempotencyKey, Instant startedAt) {
}
