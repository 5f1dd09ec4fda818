package com.fitnesscrm.orchestrator.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A paused name is refused only after the same work as a real check, so its answer takes as long: counted as calls
 * of the password encoder, not measured on the wall clock.
 */
class ThrottledAuthenticationProviderTest {

    /** The real encoder, counting the checks it makes. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        private final AtomicInteger matches = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return real.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            matches.incrementAndGet();
            return real.matches(rawPassword, encodedPassword);
        }
    }

    private final CountingEncoder encoder = new CountingEncoder();
    private final UserDetailsService users = new InMemoryUserDetailsManager(User.withUsername("coach")
            .password(encoder.encode("the-right-password")).roles("TRAINER").build());
    private final LoginThrottleTest.MovableClock clock = new LoginThrottleTest.MovableClock();
    private final ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider("test", users,
            encoder, clock);

    @Test
    void a_refusal_for_a_paused_name_runs_the_password_check_like_a_real_attempt() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            assertThatThrownBy(() -> provider.authenticate(attempt("wrong-password")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        int before = encoder.matches.get();

        assertThatThrownBy(() -> provider.authenticate(attempt("the-right-password")))
                .isInstanceOf(LockedException.class);

        assertThat(encoder.matches.get() - before).as("one password check, as a real attempt makes").isEqualTo(1);
    }

    @Test
    void a_real_attempt_makes_exactly_one_password_check_too() {
        int before = encoder.matches.get();
        assertThat(provider.authenticate(attempt("the-right-password")).isAuthenticated()).isTrue();
        assertThat(encoder.matches.get() - before).isEqualTo(1);
    }

    @Test
    void two_channels_count_apart() {
        ThrottledAuthenticationProvider other = new ThrottledAuthenticationProvider("other", users, encoder, clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            assertThatThrownBy(() -> provider.authenticate(attempt("wrong-password")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.authenticate(attempt("the-right-password")))
                .isInstanceOf(LockedException.class);
        assertThat(other.authenticate(attempt("the-right-password")).isAuthenticated()).isTrue();
    }

    private static UsernamePasswordAuthenticationToken attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("coach", password);
    }
}
