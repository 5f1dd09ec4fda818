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

    public ApiKeyAuthentication(int keyId, String keyName, Set<ApiKeyScope> scopes) {
        super(authorities(scopes));
        this.keyId = keyId;
        this.keyName = keyName;
        this.scopes = Set.copyOf(scopes);
        setAuthenticated(true);
    }

    public int keyId() {
        return keyId;
    }

    public Set<ApiKeyScope> scopes() {
        return scopes;
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
