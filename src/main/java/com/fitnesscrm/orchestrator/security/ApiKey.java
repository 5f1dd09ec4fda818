package com.fitnesscrm.orchestrator.security;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as admins see it: never its secret, only the prefix people recognise it by.
 *
 * @param source {@code ui} (created by an admin) or {@code environment} (from {@code MAIN_APP_API_KEY} or
 *               {@code ADMIN_API_KEY})
 * @param rateLimit the limit an admin set for this key, or {@code null} when it takes the configured default
 */
public record ApiKey(int id, String name, String prefix, Set<ApiKeyScope> scopes, String source, String createdBy,
                     Instant createdAt, Instant lastUsedAt, Instant revokedAt, RateLimit rateLimit) {

    public boolean fromEnvironment() {
        return "environment".equals(source);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
