package com.fitnesscrm.orchestrator.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void five_wrong_passwords_from_one_address_pause_that_user_name_there_for_the_rest_of_the_window() {
        for (int i = 0; i < 4; i++) {
            throttle.tryAttempt("Admin", "203.0.113.7");
        }
        assertThat(throttle.blockedFor("admin", "203.0.113.7")).isZero();

        throttle.tryAttempt("admin", "203.0.113.7");
        assertThat(throttle.blockedFor("ADMIN", "203.0.113.7")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.blockedFor("admin", "198.51.100.1")).as("another address").isZero();
        assertThat(throttle.blockedFor("trainer", "203.0.113.7")).as("another user").isZero();

        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("admin", "203.0.113.7")).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.blockedFor("admin", "203.0.113.7")).isZero();
    }

    @Test
    void guesses_spread_over_many_addresses_pause_the_user_name_everywhere() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            throttle.tryAttempt("admin", "10.0.0." + i);
        }
        assertThat(throttle.blockedFor("admin", "192.0.2.99")).isPositive();
    }

    @Test
    void a_successful_login_clears_the_count_for_that_address() {
        for (int i = 0; i < 4; i++) {
            throttle.tryAttempt("admin", "203.0.113.7");
        }
        throttle.succeeded("admin", "203.0.113.7");
        throttle.tryAttempt("admin", "203.0.113.7");
        assertThat(throttle.blockedFor("admin", "203.0.113.7")).isZero();
    }

    @Test
    void parallel_attempts_are_counted_before_their_passwords_are_checked() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            assertThat(throttle.tryAttempt("admin", "203.0.113.7")).as("attempt " + i).isZero();
        }
        assertThat(throttle.tryAttempt("admin", "203.0.113.7")).as("the sixth, still in flight").isPositive();
    }

    @Test
    void failures_older_than_the_window_start_a_new_count() {
        for (int i = 0; i < 4; i++) {
            throttle.tryAttempt("admin", "203.0.113.7");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.tryAttempt("admin", "203.0.113.7");
        assertThat(throttle.blockedFor("admin", "203.0.113.7")).isZero();
    }
}
