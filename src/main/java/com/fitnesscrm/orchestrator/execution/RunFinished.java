package com.fitnesscrm.orchestrator.execution;

import java.math.BigDecimal;

/**
 * A run reached its final status (succeeded, failed, timed out, cancelled or rejected). Published once per run, by the
 * store right after it writes that status, whoever ended the run (the run itself, a cancel, the abandoned-run reaper):
 * the hook for metrics (Prometheus counters and histograms, issue 17) and health checks. Listeners run in the thread
 * that wrote the run, so they must be quick or asynchronous; roll-ups read the table instead (a run that finishes
 * late is counted by the next roll-up), so a listener missing an event loses no history.
 *
 * @param agentId          {@code null} when not known at the write (a cancel) or the agent was deleted
 * @param engine           who wrote the output, {@code null} without one
 * @param agentName        the run's agent, as the run recorded it (kept when the agent is deleted)
 * @param executionSeconds from running to finished; {@code null} for a run that never ran (cancelled while queued)
 * @param costUsd          {@code null} when nothing was priced
 */
public record RunFinished(long runId, Integer agentId, RunStatus status, String engine, String agentName,
                          Double executionSeconds, int tokensIn, int tokensOut, BigDecimal costUsd) {

    /** A run that ended without an LLM's answer being written (stopped, failed or timed out by someone else). */
    public RunFinished(long runId, Integer agentId, RunStatus status, String engine, String agentName,
                       Double executionSeconds) {
        this(runId, agentId, status, engine, agentName, executionSeconds, 0, 0, null);
    }
}
