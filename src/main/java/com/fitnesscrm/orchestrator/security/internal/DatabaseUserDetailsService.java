package com.fitnesscrm.orchestrator.security.internal;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks users up in {@code ai_users}; a disabled user cannot log in. */
@Service
@Transactional(readOnly = true)
class DatabaseUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    DatabaseUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        AppUser user = users.findByUsername(normalized)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new AppUserDetails(user.getUsername(), user.getPasswordHash(), user.isEnabled(),
                List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole().name())), user.getSecurityStamp());
    }
}
