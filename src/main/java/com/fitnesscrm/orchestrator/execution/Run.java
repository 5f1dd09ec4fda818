package com.fitnesscrm.orchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One run of an agent, as recorded.
 *
 * @param agentId       {@code null} once the agent has been deleted ({@code agentName} stays)
 * @param engine        {@code null} until the run has an output
 * @param costUsd       {@code null} when nothing was priced: see {@code unpriced}
 * @param unpriced      the LLM's model has no price in the table, so the cost is unknown (never shown as $0)
 * @param requestedBy   the user's name or the API key's name
 * @param requesterKind {@code user}, {@code api_key} or {@code system}
 * @param startedAt     when the run was asked for (the original column)
 * @param runningAt     when it began to execute
 * @param executionTime seconds from running to finished (the original column)
 */
public record Run(long id, Integer agentId, String agentName, String taskType, RunStatus status,
                        String mode, JsonNode input, JsonNode output, String error, String engine, String model,
                        int tokensIn, int tokensOut, BigDecimal costUsd, boolean unpriced, String requestedBy,
                        String requesterKind, Integer configVersion, Instant startedAt, Instant runningAt,
                        Instant completedAt, Double executionTime, int attempts) {
}
