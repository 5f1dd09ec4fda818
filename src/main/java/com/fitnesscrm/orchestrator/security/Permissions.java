package com.fitnesscrm.orchestrator.security;

/**
 * Method-security expressions shared by the services that both people (roles) and API keys (scopes) reach. A person
 * logged in to the UI has a role; a caller with an API key has scopes ({@code execute}, {@code read}, {@code admin}).
 */
public final class Permissions {

    /** Read agents and runs: any person, or a key with the {@code read} scope. */
    public static final String READ = "hasAnyRole('" + Roles.ADMIN + "','" + Roles.TRAINER + "')"
            + " or hasAuthority('" + ApiKeyScope.AUTHORITY_PREFIX + "read')";
    /** Run agents: any person, or a key with the {@code execute} scope. */
    public static final String EXECUTE = "hasAnyRole('" + Roles.ADMIN + "','" + Roles.TRAINER + "')"
            + " or hasAuthority('" + ApiKeyScope.AUTHORITY_PREFIX + "execute')";
    /** Change agents, cancel others' runs, manage keys: an admin, or a key with the {@code admin} scope. */
    public static final String ADMIN = "hasRole('" + Roles.ADMIN + "')"
            + " or hasAuthority('" + ApiKeyScope.AUTHORITY_PREFIX + "admin')";

    /** Read what only admins see in the UI (operations): an admin, or a key with the {@code read} scope. */
    public static final String ADMIN_OR_READ_KEY = "hasRole('" + Roles.ADMIN + "')"
            + " or hasAuthority('" + ApiKeyScope.AUTHORITY_PREFIX + "read')";
    /** A person signed in as an admin (no API key: the UI's own services). */
    public static final String ADMIN_USER = "hasRole('" + Roles.ADMIN + "')";

    private Permissions() {
    }
}
