package com.fitnesscrm.orchestrator.security;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as admins see it: never its secret, only the prefix people recognise it by.
 *
 * @param source {@code ui} (created by an admin) or {@code environment} (from {@code MAIN_APP_API_KEY} or
 *               {@code ADMIN_API_KEY})
 */
public record ApiKey(int id, String name, String prefix, Set<ApiKeyScope> scopes, String source, String createdBy,
                     Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
