package com.fitnesscrm.orchestrator.security;

/**
 * A change to users that breaks a rule (too short a password, a taken name, the last admin disabled). The message
 * is a sentence meant for the admin who asked, naming what is wrong.
 */
public class UserChangeRejectedException extends RuntimeException {

    private final String field;

    public UserChangeRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input the message is about: {@code username}, {@code password}, {@code role} or {@code enabled}. */
    public String field() {
        return field;
    }
}
