package com.fitnesscrm.orchestrator.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins in a sliding window and says when to stop trying: per user name and client address (the
 * ordinary case: someone guessing from one place), and per user name alone with a higher bar (guessing spread over
 * many addresses, or behind a spoofed {@code X-Forwarded-For}). The second bar also means an attacker can lock a
 * known user name out for a window; it heals by itself. Memory is per node and bounded.
 */
class LoginThrottle {

    static final int MAX_FAILURES_PER_ADDRESS = 5;
    static final int MAX_FAILURES_PER_USER = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED_KEYS = 100_000;

    private record Failures(int count, Instant firstAt) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @return how long this user name may not try again from this address, or {@link Duration#ZERO} */
    Duration blockedFor(String username, String address) {
        Duration byAddress = blockedFor(key(username, address), MAX_FAILURES_PER_ADDRESS);
        Duration byUser = blockedFor(key(username, null), MAX_FAILURES_PER_USER);
        return byAddress.compareTo(byUser) >= 0 ? byAddress : byUser;
    }

    void recordFailure(String username, String address) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            forgetExpired();
        }
        increment(key(username, address));
        increment(key(username, null));
    }

    void recordSuccess(String username, String address) {
        failures.remove(key(username, address));
    }

    private Duration blockedFor(String key, int max) {
        Failures current = failures.get(key);
        if (current == null || current.count() < max) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), current.firstAt().plus(WINDOW));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void increment(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, current) -> current == null || expired(current, now)
                ? new Failures(1, now)
                : new Failures(current.count() + 1, current.firstAt()));
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        failures.values().removeIf(current -> expired(current, now));
    }

    private static boolean expired(Failures failures, Instant now) {
        return !now.isBefore(failures.firstAt().plus(WINDOW));
    }

    private static String key(String username, String address) {
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return address == null ? user : user + "|" + address;
    }
}
