package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.base.StartupConfigurationException;
import com.fitnesscrm.orchestrator.security.ApiKeyScope;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys shared through the environment, so that two Railway services can share a secret without anyone copying it
 * from the UI: {@code MAIN_APP_API_KEY} becomes the key "main-backend" (execute and read), {@code ADMIN_API_KEY}
 * the key "admin-environment" (every scope). A changed variable replaces the secret; an unset one revokes the key.
 */
@Component
class EnvironmentApiKeys implements InitializingBean {

    static final String MAIN_BACKEND = "main-backend";
    static final String ADMIN = "admin-environment";
    static final int MIN_LENGTH = 24;
    private static final Logger log = LoggerFactory.getLogger(EnvironmentApiKeys.class);

    private final ApiKeyRepository keys;
    private final ApiKeyAuthenticator authenticator;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String mainAppKey;
    private final String adminKey;

    EnvironmentApiKeys(ApiKeyRepository keys, ApiKeyAuthenticator authenticator, TransactionTemplate transaction,
                       Clock clock, @Value("${orchestrator.api.main-app-key:}") String mainAppKey,
                       @Value("${orchestrator.api.admin-key:}") String adminKey) {
        this.keys = keys;
        this.authenticator = authenticator;
        this.transaction = transaction;
        this.clock = clock;
        this.mainAppKey = mainAppKey.strip();
        this.adminKey = adminKey.strip();
    }

    @Override
    public void afterPropertiesSet() {
        provision("MAIN_APP_API_KEY", MAIN_BACKEND, mainAppKey, EnumSet.of(ApiKeyScope.EXECUTE, ApiKeyScope.READ));
        provision("ADMIN_API_KEY", ADMIN, adminKey, EnumSet.allOf(ApiKeyScope.class));
        authenticator.forgetAll();
    }

    private void provision(String variable, String name, String secret, Set<ApiKeyScope> scopes) {
        if (!secret.isEmpty() && secret.length() < MIN_LENGTH) {
            throw new StartupConfigurationException(variable + " is too short: an API key shared through the "
                    + "environment must be at least " + MIN_LENGTH + " characters.",
                    "Set " + variable + " to a long random value, e.g. the output of `openssl rand -hex 32`.");
        }
        try {
            transaction.executeWithoutResult(status -> {
                var existing = keys.findByName(name);
                if (secret.isEmpty()) {
                    existing.filter(key -> "environment".equals(key.getSource()) && !key.isRevoked())
                            .ifPresent(key -> {
                                key.revoke("environment", clock.instant());
                                log.info("Revoked the API key '{}': {} is no longer set", name, variable);
                            });
                    return;
                }
                String hash = ApiKeyHashes.sha256(secret);
                if (existing.isEmpty()) {
                    keys.saveAndFlush(new ApiKeyEntity(name, ApiKeyHashes.environmentLabel(secret), hash, scopes,
                            "environment", "environment", clock.instant()));
                    log.info("Created the API key '{}' from {}", name, variable);
                } else if (!existing.get().getKeyHash().equals(hash)) {
                    existing.get().provision(ApiKeyHashes.environmentLabel(secret), hash, scopes);
                    log.info("Replaced the secret of the API key '{}' from {}", name, variable);
                } else if (existing.get().isRevoked()) {
                    log.warn("The API key '{}' from {} was revoked by an admin and stays revoked; set a new value "
                            + "to issue a new secret", name, variable);
                }
            });
        } catch (DataIntegrityViolationException e) {
            log.info("Another instance provisioned the API key '{}' at the same moment", name);
        }
    }
}
