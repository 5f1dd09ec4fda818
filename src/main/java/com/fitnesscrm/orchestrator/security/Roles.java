package com.fitnesscrm.orchestrator.security;

/** Role names, for {@code @RolesAllowed} on views and {@code hasRole(...)} checks. */
public final class Roles {

    /** Manages agents, runs, health, schedules, API keys and users. */
    public static final String ADMIN = "ADMIN";
    /** Uses the trainer tools: workout planner, client progress, schedule optimiser. */
    public static final String TRAINER = "TRAINER";

    private Roles() {
    }
}
