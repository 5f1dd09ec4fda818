package com.fitnesscrm.orchestrator.security;

/** The role a user holds; its name is one of {@link Roles}. */
public enum UserRole {
    ADMIN("Admin"),
    TRAINER("Trainer");

    private final String label;

    UserRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
