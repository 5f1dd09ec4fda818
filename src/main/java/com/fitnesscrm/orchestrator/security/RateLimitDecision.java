package com.fitnesscrm.orchestrator.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer of a bucket to one request, with what the IETF draft "RateLimit header fields for HTTP"
 * (draft-ietf-httpapi-ratelimit-headers) lets a caller plan by.
 *
 * @param allowed          whether the request may go on
 * @param limit            the requests a minute this caller may make
 * @param burst            the requests it may make at once
 * @param remaining        what it may still send at once now
 * @param resetSeconds     seconds until the bucket is full again
 * @param retryAfterSeconds when refused: seconds until the next request is let through; else 0
 */
public record RateLimitDecision(boolean allowed, int limit, int burst, long remaining, long resetSeconds,
                                long retryAfterSeconds) {

    /** Sets {@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset} and {@code -Policy}, and when refused {@code Retry-After}. */
    public void writeHeaders(HttpServletResponse response) {
        response.setHeader("RateLimit-Limit", Integer.toString(limit));
        response.setHeader("RateLimit-Remaining", Long.toString(remaining));
        response.setHeader("RateLimit-Reset", Long.toString(resetSeconds));
        // The policy in the draft's syntax: `limit` per window `w` in seconds; burst is our extension parameter.
        response.setHeader("RateLimit-Policy", limit + ";w=60;burst=" + burst);
        if (!allowed) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
    }
}
