package com.fitnesscrm.orchestrator.security.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The password check for the login form and HTTP Basic, with {@link LoginThrottle} in front: after too many wrong
 * passwords the user name is refused for a while before its password is even hashed, which also keeps a flood of
 * guesses from eating the CPU with BCrypt.
 */
@Component
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.throttle = new LoginThrottle(clock);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
        Duration blocked = throttle.tryAttempt(username, address);
        if (!blocked.isZero()) {
            log.warn("Refused a login for '{}' from {}: too many failed attempts", username, address);
            throw new LockedException("Too many failed logins; try again in "
                    + Math.max(1, blocked.toMinutes()) + " minutes.");
        }
        Authentication result = passwords.authenticate(authentication);
        throttle.succeeded(username, address);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
