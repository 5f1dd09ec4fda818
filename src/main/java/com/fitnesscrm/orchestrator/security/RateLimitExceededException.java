package com.fitnesscrm.orchestrator.security;

/** A named limit ({@link RateLimits#check}) refused a request; the REST facade answers 429 with its headers. */
public class RateLimitExceededException extends RuntimeException {

    private final transient RateLimitDecision decision;

    public RateLimitExceededException(String message, RateLimitDecision decision) {
        super(message);
        this.decision = decision;
    }

    public RateLimitDecision decision() {
        return decision;
    }
}
