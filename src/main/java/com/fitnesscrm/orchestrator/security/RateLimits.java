package com.fitnesscrm.orchestrator.security;

import com.fitnesscrm.orchestrator.security.internal.RateLimitBuckets;
import org.springframework.stereotype.Service;

/**
 * Named limits a controller applies on top of the per-key limit of {@code /api/**}, each counted per subject the
 * controller chooses. The first is {@code errors}: {@code POST /api/errors} (the Code Analyzer's error intake) calls
 * {@code check("errors", fingerprint)} so one noisy error group cannot flood the analyzer while other groups still
 * get through. Limits are configured as {@code orchestrator.rate-limit.named.<name>.per-minute} and
 * {@code .burst}; a name that is not configured is a programming error and fails loudly.
 */
@Service
public class RateLimits {

    /** The limit per error group of {@code POST /api/errors}. */
    public static final String ERRORS = "errors";

    private final RateLimitBuckets buckets;

    public RateLimits(RateLimitBuckets buckets) {
        this.buckets = buckets;
    }

    /** Takes one request from the subject's bucket of the named limit and says whether it may go on. */
    public RateLimitDecision consume(String name, String subject) {
        return buckets.consumeNamed(name, subject);
    }

    /**
     * Like {@link #consume}, throwing {@link RateLimitExceededException} (answered 429 with {@code Retry-After} and
     * the {@code RateLimit-*} headers) when the subject has used its budget.
     */
    public RateLimitDecision check(String name, String subject) {
        RateLimitDecision decision = consume(name, subject);
        if (!decision.allowed()) {
            throw new RateLimitExceededException("Too many requests for this " + name + " subject; try again in "
                    + decision.retryAfterSeconds() + " s.", decision);
        }
        return decision;
    }
}
