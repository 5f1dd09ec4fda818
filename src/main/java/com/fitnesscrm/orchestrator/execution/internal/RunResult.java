package com.fitnesscrm.orchestrator.execution.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** The columns a run gets when it finishes ({@code output} is {@code outputJson} parsed, when at hand). */
record RunResult(RunStatus status, String outputJson, String error, String engine, String model,
                 int tokensIn, int tokensOut, BigDecimal costUsd, boolean unpriced, String inputHash,
                 Instant runningAt, Instant completedAt, Integer configVersion, JsonNode output) {

    RunResult(RunStatus status, String outputJson, String error, String engine, String model, int tokensIn,
              int tokensOut, BigDecimal costUsd, boolean unpriced, String inputHash, Instant runningAt,
              Instant completedAt, Integer configVersion) {
        this(status, outputJson, error, engine, model, tokensIn, tokensOut, costUsd, unpriced, inputHash, runningAt,
                completedAt, configVersion, null);
    }

    double executionSeconds() {
        return runningAt == null ? 0 : Duration.between(runningAt, completedAt).toNanos() / 1e9;
    }
}
