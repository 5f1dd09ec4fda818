package com.fitnesscrm.orchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One run of an agent, as recorded: its summary (everything lists show) and its input and output. A run is always
 * built this way, from a {@link RunSummary}, so its fields are listed once.
 *
 * @param input  {@code null} only for a run stored without one (the original service's rows)
 * @param output {@code null} until the run has succeeded
 */
public record Run(RunSummary summary, JsonNode input, JsonNode output) {

    public long id() {
        return summary.id();
    }

    /** {@code null} once the agent has been deleted ({@link #agentName()} stays). */
    public Integer agentId() {
        return summary.agentId();
    }

    public String agentName() {
        return summary.agentName();
    }

    public String taskType() {
        return summary.taskType();
    }

    public RunStatus status() {
        return summary.status();
    }

    public String mode() {
        return summary.mode();
    }

    public String error() {
        return summary.error();
    }

    /** An {@link OutputSource} code; {@code null} until the run has an output. */
    public String engine() {
        return summary.engine();
    }

    public String model() {
        return summary.model();
    }

    public int tokensIn() {
        return summary.tokensIn();
    }

    public int tokensOut() {
        return summary.tokensOut();
    }

    /** {@code null} when nothing was priced: see {@link #unpriced()}. */
    public BigDecimal costUsd() {
        return summary.costUsd();
    }

    /** The LLM's model has no price in the table, so the cost is unknown (never shown as $0). */
    public boolean unpriced() {
        return summary.unpriced();
    }

    /** The user's name or the API key's name. */
    public String requestedBy() {
        return summary.requestedBy();
    }

    /** {@code user}, {@code api_key} or {@code system}. */
    public String requesterKind() {
        return summary.requesterKind();
    }

    public Integer configVersion() {
        return summary.configVersion();
    }

    /** When the run was asked for (the original column). */
    public Instant startedAt() {
        return summary.startedAt();
    }

    /** When it began to execute. */
    public Instant runningAt() {
        return summary.runningAt();
    }

    public Instant completedAt() {
        return summary.completedAt();
    }

    /** Seconds from running to finished (the original column). */
    public Double executionTime() {
        return summary.executionTime();
    }

    public int attempts() {
        return summary.attempts();
    }
}
