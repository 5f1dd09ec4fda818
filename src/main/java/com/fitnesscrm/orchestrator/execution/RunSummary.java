package com.fitnesscrm.orchestrator.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A run as lists show it: everything recorded but its input and output, of which only the sizes are read. The runs
 * grid and {@code GET /api/executions} read these, so a page weighs the same whatever its runs' payloads weigh.
 *
 * @param agentId       {@code null} once the agent has been deleted ({@code agentName} stays)
 * @param engine        an {@link OutputSource} code; {@code null} until the run has an output
 * @param costUsd       {@code null} when nothing was priced: see {@code unpriced}
 * @param unpriced      the LLM's model has no price in the table, so the cost is unknown (never shown as $0)
 * @param requestedBy   the user's name or the API key's name
 * @param requesterKind {@code user}, {@code api_key} or {@code system}
 * @param startedAt     when the run was asked for (the original column)
 * @param runningAt     when it began to execute
 * @param executionTime seconds from running to finished (the original column)
 * @param inputBytes    the input's size as JSON text, as stored (V0013); {@code null}: no input, or a run answered
 *                      as it was written, before it was read back
 * @param outputBytes   the output's size as JSON text, as stored; {@code null}: no output yet, or not read back
 * @param parentId      the workflow run this is a child run of; {@code null} for none
 * @param replayOf      the run this one replays; {@code null} for none
 */
public record RunSummary(long id, Integer agentId, String agentName, String taskType, RunStatus status,
                         String mode, String error, String engine, String model, int tokensIn, int tokensOut,
                         BigDecimal costUsd, boolean unpriced, String requestedBy, String requesterKind,
                         Integer configVersion, Instant startedAt, Instant runningAt, Instant completedAt,
                         Double executionTime, int attempts, Integer inputBytes, Integer outputBytes, Long parentId,
                         Long replayOf) {
}
