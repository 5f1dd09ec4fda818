package com.fitnesscrm.orchestrator.metrics;

import java.time.Instant;

/**
 * One voter's feedback on one run, as stored: a second vote by the same voter replaced the first ({@code updatedAt}
 * moved, {@code createdAt} stayed).
 *
 * @param voter  {@code user:<id>} for the main backend's user, else the signed-in user's or the API key's name
 * @param userId the main backend's user id when the voter is one, else {@code null}
 * @param source {@code api} or {@code ui}
 */
public record Vote(long id, long runId, String agentName, Integer configVersion, String voter, String userId,
                   Feedback feedback, String comment, String source, Instant createdAt, Instant updatedAt) {

    /** The prefix of a voter that is the main backend's user. */
    public static final String USER_PREFIX = "user:";
}
