package com.fitnesscrm.orchestrator.base;

/**
 * The request is well-formed but clashes with the current state: a name already taken, a disabled agent, a run that
 * has already finished (409 over REST).
 */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input that clashes, or {@code null} when the conflict is with the resource as a whole. */
    public String field() {
        return field;
    }
}
