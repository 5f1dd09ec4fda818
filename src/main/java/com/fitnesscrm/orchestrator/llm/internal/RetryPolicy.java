package com.fitnesscrm.orchestrator.llm.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the gateway waits between attempts. Backoff doubles from {@code firstBackoff} up to {@code maxBackoff},
 * plus up to a quarter more at random so parallel runs do not retry in lockstep. A provider's {@code Retry-After}
 * is honoured as sent, but one longer than {@code maxRetryAfter} or than what is left of {@code waitBudget} (all
 * waits of one request together) ends the request instead: an agent run should fall back to its rules rather
 * than hang.
 */
public record RetryPolicy(Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter, Duration waitBudget) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(30), Duration.ofSeconds(60));

    /** The wait before retry number {@code retry} (0 for the first), when the provider did not say. */
    public Duration backoff(int retry) {
        long base = Math.min(firstBackoff.toMillis() << Math.min(retry, 20), maxBackoff.toMillis());
        long jitter = (long) (base * 0.25 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(base + jitter);
    }
}
