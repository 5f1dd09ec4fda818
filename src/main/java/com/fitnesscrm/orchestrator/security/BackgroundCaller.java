package com.fitnesscrm.orchestrator.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Work the service starts itself on someone's behalf, e.g. an admin's schedule: named (runs record it as
 * {@code requested_by}, e.g. {@code schedule:7}, with the kind {@code system}) and allowed to run agents, nothing
 * else. Only {@link CurrentRequester#as} makes one.
 */
final class BackgroundCaller extends AbstractAuthenticationToken {

    private final String name;

    BackgroundCaller(String name) {
        super(List.of(new SimpleGrantedAuthority(ApiKeyScope.EXECUTE.authority())));
        this.name = name;
        setAuthenticated(true);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return name;
    }
}
