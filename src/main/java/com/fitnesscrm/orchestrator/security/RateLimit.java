package com.fitnesscrm.orchestrator.security;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perMinute} a minute, evenly (one every
 * {@code 60 / perMinute} seconds), so a caller who waits gets the next request as soon as a token is back.
 */
public record RateLimit(int perMinute, int burst) {

    /** The largest value either number may take; higher is "no limit" in practice and would only hide typos. */
    public static final int MAX = 100_000;

    public RateLimit {
        if (perMinute < 1 || perMinute > MAX || burst < 1 || burst > MAX) {
            throw new IllegalArgumentException("A rate limit needs 1 to " + MAX + " requests per minute and a burst "
                    + "of 1 to " + MAX + ", not " + perMinute + "/min burst " + burst);
        }
    }

    @Override
    public String toString() {
        return perMinute + "/min, burst " + burst;
    }
}
