package com.fitnesscrm.orchestrator.security;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.RandomSecrets;
import com.fitnesscrm.orchestrator.security.internal.ApiKeyAuthenticator;
import com.fitnesscrm.orchestrator.security.internal.ApiKeyEntity;
import com.fitnesscrm.orchestrator.security.internal.ApiKeyHashes;
import com.fitnesscrm.orchestrator.security.internal.ApiKeyRepository;
import com.fitnesscrm.orchestrator.security.internal.RateLimitProperties;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Admins create API keys for the main backend and other callers: named, scoped, shown once, stored as a hash,
 * revocable. Keys from the environment ({@code MAIN_APP_API_KEY}, {@code ADMIN_API_KEY}) are listed here too.
 */
@Service
@PreAuthorize(Permissions.ADMIN)
@Transactional(readOnly = true)
public class ApiKeyService {

    /** The names of the keys provisioned from the environment (see EnvironmentApiKeys). */
    public static final Set<String> RESERVED_NAMES = Set.of("main-backend", "admin-environment");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{1,99}");

    private final ApiKeyRepository keys;
    private final ApiKeyAuthenticator authenticator;
    private final Clock clock;
    private final CurrentRequester requester;
    private final RateLimitProperties rateLimits;

    ApiKeyService(ApiKeyRepository keys, ApiKeyAuthenticator authenticator, Clock clock,
                  CurrentRequester requester, RateLimitProperties rateLimits) {
        this.keys = keys;
        this.authenticator = authenticator;
        this.clock = clock;
        this.requester = requester;
        this.rateLimits = rateLimits;
    }

    public List<ApiKey> list() {
        return keys.findAllByOrderByNameAsc().stream().map(ApiKeyEntity::toApiKey).toList();
    }

    @Transactional
    public CreatedApiKey create(String name, Set<ApiKeyScope> scopes) {
        String value = name == null ? "" : name.strip();
        if (!NAME.matcher(value).matches()) {
            throw new InvalidInputException("name", "The key's name must be 2 to 100 letters, digits, spaces, "
                    + "'.', '_' or '-'.");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "Give the key at least one scope: execute, read or admin.");
        }
        if (RESERVED_NAMES.contains(value)) {
            throw new ConflictException("name", "'" + value + "' is reserved for the key set through the "
                    + "environment (MAIN_APP_API_KEY or ADMIN_API_KEY); choose another name.");
        }
        if (keys.existsByName(value)) {
            throw duplicate(value);
        }
        String secret = ApiKeyHashes.PREFIX + RandomSecrets.generate(40, RandomSecrets.ALPHANUMERIC);
        ApiKeyEntity key = new ApiKeyEntity(value, secret.substring(0, 10) + "…", ApiKeyHashes.sha256(secret),
                EnumSet.copyOf(scopes), "ui", actor(), clock.instant());
        try {
            keys.saveAndFlush(key);
        } catch (DataIntegrityViolationException e) {
            throw duplicate(value);
        }
        return new CreatedApiKey(key.toApiKey(), secret);
    }

    /** Revokes a key at once on this node (and within seconds on others); its past use stays on record. */
    @Transactional
    public ApiKey revoke(int id) {
        ApiKeyEntity key = keys.findById(id).orElseThrow(() -> new NotFoundException("No API key with id " + id
                + "."));
        if (key.isRevoked()) {
            throw new ConflictException("revoked", "The key '" + key.getName() + "' is already revoked.");
        }
        key.revoke(actor(), clock.instant());
        String hash = key.getKeyHash();
        authenticator.forget(hash);
        // Again once committed: a request in between could have cached the key as still active.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                authenticator.forget(hash);
            }
        });
        return key.toApiKey();
    }

    /** The limit a key has when no admin set one: the environment keys' default or the one for UI-made keys. */
    public RateLimit defaultRateLimit(ApiKey key) {
        return key.fromEnvironment() ? rateLimits.environmentKey() : rateLimits.apiKey();
    }

    /** What limits this key now: its own, or the default. */
    public RateLimit effectiveRateLimit(ApiKey key) {
        return key.rateLimit() != null ? key.rateLimit() : defaultRateLimit(key);
    }

    /**
     * Sets a key's limit (both numbers) or, with both {@code null}, returns it to the default. Applies at once on
     * this node and within seconds on others (their key cache).
     */
    @Transactional
    public ApiKey setRateLimit(int id, Integer perMinute, Integer burst) {
        ApiKeyEntity key = keys.findById(id).orElseThrow(() -> new NotFoundException("No API key with id " + id
                + "."));
        RateLimit limit = null;
        if (perMinute != null || burst != null) {
            if (perMinute == null || perMinute < 1 || perMinute > RateLimit.MAX) {
                throw new InvalidInputException("perMinute", "Requests per minute must be a whole number from 1 to "
                        + RateLimit.MAX + ".");
            }
            if (burst == null || burst < 1 || burst > RateLimit.MAX) {
                throw new InvalidInputException("burst", "The burst must be a whole number from 1 to "
                        + RateLimit.MAX + ".");
            }
            limit = new RateLimit(perMinute, burst);
        }
        key.setRateLimit(limit);
        forgetAfterCommit(key.getKeyHash());
        return key.toApiKey();
    }

    private void forgetAfterCommit(String hash) {
        authenticator.forget(hash);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                authenticator.forget(hash);
            }
        });
    }

    private String actor() {
        return requester.name();
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("name", "An API key named '" + name + "' already exists.");
    }
}
