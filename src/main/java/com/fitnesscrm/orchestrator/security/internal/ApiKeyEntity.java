package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.security.ApiKey;
import com.fitnesscrm.orchestrator.security.ApiKeyScope;
import com.fitnesscrm.orchestrator.security.RateLimit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A row of {@code ai_api_keys}: the SHA-256 of the secret, never the secret. */
@Entity
@Table(name = "ai_api_keys")
public class ApiKeyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(nullable = false, length = 20)
    private String prefix;

    @Column(name = "key_hash", nullable = false, unique = true, length = 64)
    private String keyHash;

    /** Comma-separated scope codes, e.g. {@code execute,read}. */
    @Column(nullable = false, length = 100)
    private String scopes;

    @Column(nullable = false, length = 20)
    private String source;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 100)
    private String revokedBy;

    /** With {@link #rateLimitBurst}: the limit an admin set; both null means the configured default (V0011). */
    @Column(name = "rate_limit_per_minute")
    private Integer rateLimitPerMinute;

    @Column(name = "rate_limit_burst")
    private Integer rateLimitBurst;

    protected ApiKeyEntity() {
    }

    public ApiKeyEntity(String name, String prefix, String keyHash, Set<ApiKeyScope> scopes, String source,
                        String createdBy, Instant createdAt) {
        this.name = name;
        this.prefix = prefix;
        this.keyHash = keyHash;
        this.scopes = codes(scopes);
        this.source = source;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public ApiKey toApiKey() {
        return new ApiKey(id, name, prefix, scopeSet(), source, createdBy, createdAt, lastUsedAt, revokedAt,
                rateLimit());
    }

    /** The limit an admin set, or {@code null} for the default. */
    public RateLimit rateLimit() {
        return rateLimitPerMinute == null || rateLimitBurst == null ? null
                : new RateLimit(rateLimitPerMinute, rateLimitBurst);
    }

    /** Sets this key's own limit, or {@code null} to go back to the configured default. */
    public void setRateLimit(RateLimit limit) {
        this.rateLimitPerMinute = limit == null ? null : limit.perMinute();
        this.rateLimitBurst = limit == null ? null : limit.burst();
    }

    public Set<ApiKeyScope> scopeSet() {
        Set<ApiKeyScope> set = EnumSet.noneOf(ApiKeyScope.class);
        Arrays.stream(scopes.split(",")).map(ApiKeyScope::fromCode).flatMap(java.util.Optional::stream)
                .forEach(set::add);
        return set;
    }

    /** Gives an environment key the secret and scopes the deployment now sets (a new secret is a new key). */
    public void provision(String prefix, String keyHash, Set<ApiKeyScope> scopes) {
        this.prefix = prefix;
        this.keyHash = keyHash;
        this.scopes = codes(scopes);
        this.revokedAt = null;
        this.revokedBy = null;
        this.source = "environment";
    }

    public void revoke(String by, Instant at) {
        this.revokedAt = at;
        this.revokedBy = by;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public String getSource() {
        return source;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    private static String codes(Set<ApiKeyScope> scopes) {
        return scopes.stream().sorted().map(ApiKeyScope::code).collect(Collectors.joining(","));
    }
}
