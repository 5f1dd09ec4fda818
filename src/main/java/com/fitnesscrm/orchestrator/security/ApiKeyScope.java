package com.fitnesscrm.orchestrator.security;

import com.fitnesscrm.orchestrator.base.Coded;
import java.util.Arrays;
import java.util.Optional;

/** What an API key may do; a key carries one or more. */
public enum ApiKeyScope implements Coded {
    /** Run agents ({@code POST /api/execute}). */
    EXECUTE,
    /** Read agents, runs and health. */
    READ,
    /** Create, change and delete agents; cancel runs. */
    ADMIN;

    /** Spring Security authorities of keys are {@code SCOPE_execute}, {@code SCOPE_read}, {@code SCOPE_admin}. */
    public static final String AUTHORITY_PREFIX = "SCOPE_";

    public String authority() {
        return AUTHORITY_PREFIX + code();
    }

    public static Optional<ApiKeyScope> fromCode(String code) {
        return Arrays.stream(values()).filter(scope -> scope.code().equalsIgnoreCase(code.trim())).findFirst();
    }
}
