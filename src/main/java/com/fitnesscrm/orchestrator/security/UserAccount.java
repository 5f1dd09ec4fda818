package com.fitnesscrm.orchestrator.security;

import java.time.Instant;

/**
 * A user as the Users view shows it; never carries the password hash.
 *
 * @param crmTrainerId the CRM trainer an admin linked the user to, or {@code null}
 */
public record UserAccount(long id, String username, UserRole role, boolean enabled, Instant createdAt,
                          Instant lastLoginAt, Long crmTrainerId) {
}
