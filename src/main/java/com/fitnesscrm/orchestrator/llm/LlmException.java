package com.fitnesscrm.orchestrator.llm;

/** The model gave no usable answer; the reason says why, so the run can record it and fall back to its rules. */
public class LlmException extends RuntimeException {

    public enum Reason { NOT_CONFIGURED, CIRCUIT_OPEN, TIMEOUT, RATE_LIMITED, PROVIDER_ERROR, INVALID_RESPONSE }

    private final Reason reason;

    public LlmException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public LlmException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
