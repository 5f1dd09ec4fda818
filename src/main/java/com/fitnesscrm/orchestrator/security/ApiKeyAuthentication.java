package com.fitnesscrm.orchestrator.security;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller of {@code /api/**} identified by an API key; its authorities are the key's scopes. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final int keyId;
    private final String keyName;
    private final Set<ApiKeyScope> scopes;
    private final boolean fromEnvironment;
    private final transient RateLimit rateLimit;

    public ApiKeyAuthentication(int keyId, String keyName, Set<ApiKeyScope> scopes) {
        this(keyId, keyName, scopes, false, null);
    }

    /**
     * @param fromEnvironment whether the key comes from {@code MAIN_APP_API_KEY}/{@code ADMIN_API_KEY}, which take
     *                        the environment keys' default limit
     * @param rateLimit       the limit an admin set for this key, or {@code null} for the default
     */
    public ApiKeyAuthentication(int keyId, String keyName, Set<ApiKeyScope> scopes, boolean fromEnvironment,
                                RateLimit rateLimit) {
        super(authorities(scopes));
        this.keyId = keyId;
        this.keyName = keyName;
        this.scopes = Set.copyOf(scopes);
        this.fromEnvironment = fromEnvironment;
        this.rateLimit = rateLimit;
        setAuthenticated(true);
    }

    public int keyId() {
        return keyId;
    }

    public Set<ApiKeyScope> scopes() {
        return scopes;
    }

    public boolean fromEnvironment() {
        return fromEnvironment;
    }

    /** The limit an admin set for this key; empty means the configured default. */
    public java.util.Optional<RateLimit> rateLimit() {
        return java.util.Optional.ofNullable(rateLimit);
    }

    /** The key's name, e.g. {@code main-backend}: what runs record as who asked. */
    @Override
    public String getName() {
        return keyName;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return keyName;
    }

    private static Collection<GrantedAuthority> authorities(Set<ApiKeyScope> scopes) {
        return scopes.stream().<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(scope.authority())).toList();
    }
}
