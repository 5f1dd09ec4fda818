package com.fitnesscrm.orchestrator.security.internal;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in user as Spring Security keeps them in the session, with the account's security stamp read in the
 * same query as the password and roles, so {@link RevokedSessionFilter} compares against exactly what the login saw.
 */
public class AppUserDetails extends User {

    private final int securityStamp;

    AppUserDetails(String username, String password, boolean enabled,
                   Collection<? extends GrantedAuthority> authorities, int securityStamp) {
        super(username, password, enabled, true, true, true, authorities);
        this.securityStamp = securityStamp;
    }

    public int securityStamp() {
        return securityStamp;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
