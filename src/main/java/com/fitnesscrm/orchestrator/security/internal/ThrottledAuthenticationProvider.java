package com.fitnesscrm.orchestrator.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check of one channel (the login form, or Actuator's HTTP Basic), with its own {@link LoginThrottle}
 * in front: after too many wrong passwords the user name is refused for a while on that channel. Channels count
 * apart, so someone who keeps {@code admin} paused at the login form does not also stop Prometheus scraping.
 * <p>
 * A refused attempt still runs the password encoder once, against a hash of no one's password, so it takes as long
 * as a real check: otherwise the refusal answers about 70 ms sooner and tells an attacker which names are paused.
 * The CPU that costs is bounded by the per-address limit of the login form (RateLimitFilter).
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final String channel;
    private final DaoAuthenticationProvider passwords;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final String dummyHash;

    public ThrottledAuthenticationProvider(String channel, UserDetailsService users, PasswordEncoder passwordEncoder,
                                           Clock clock) {
        this.channel = channel;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.passwordEncoder = passwordEncoder;
        this.throttle = new LoginThrottle(clock);
        // Made now rather than at the first refusal, which would otherwise take twice as long as a real check.
        this.dummyHash = passwordEncoder.encode("no-ones-password-" + channel);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
        Duration blocked = throttle.tryAttempt(username, address);
        if (!blocked.isZero()) {
            // As long as a real check; the answer is thrown away.
            passwordEncoder.matches(Objects.toString(authentication.getCredentials(), ""), dummyHash);
            log.warn("Refused a login for '{}' from {} ({}): too many failed attempts", username, address, channel);
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
