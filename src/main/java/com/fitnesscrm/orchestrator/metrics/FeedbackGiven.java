package com.fitnesscrm.orchestrator.metrics;

/**
 * Someone voted on a run (a first vote or one that replaced their earlier vote), published after the vote was
 * stored: the hook for the Prometheus vote counter. Roll-ups read {@code ai_feedback} instead.
 *
 * @param previous the voter's earlier vote on the run, {@code null} for a first vote
 */
public record FeedbackGiven(Vote vote, Feedback previous) {
}
