package com.fitnesscrm.orchestrator.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts login attempts that have not succeeded, in a window, and says when to stop trying: per user name and client
 * address (the ordinary case: someone guessing from one place), and per user name alone with a higher bar (guessing
 * spread over many addresses). An attempt counts as soon as it starts, so parallel guesses cannot slip past while
 * their passwords are being hashed; a success gives it back. The per-name bar lets an attacker keep a known name
 * paused for a window; it heals by itself. Memory is per node and bounded.
 */
class LoginThrottle {

    static final int MAX_FAILURES_PER_ADDRESS = 5;
    static final int MAX_FAILURES_PER_USER = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED_KEYS = 100_000;

    private record Attempts(int count, Instant firstAt) {
    }

    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Starts an attempt: counts it, unless the name is paused from this address or everywhere.
     *
     * @return {@link Duration#ZERO} when the attempt may go on, else how long the name stays paused
     */
    Duration tryAttempt(String username, String address) {
        Duration blocked = blockedFor(username, address);
        if (!blocked.isZero()) {
            return blocked;
        }
        if (attempts.size() > MAX_TRACKED_KEYS) {
            forgetExpired();
        }
        increment(key(username, address));
        increment(key(username, null));
        return Duration.ZERO;
    }

    /** The attempt succeeded: forget this address's count and give the attempt back to the name's. */
    void succeeded(String username, String address) {
        attempts.remove(key(username, address));
        attempts.computeIfPresent(key(username, null), (key, current) ->
                current.count() <= 1 ? null : new Attempts(current.count() - 1, current.firstAt()));
    }

    /** @return how long this user name may not try again from this address, or {@link Duration#ZERO} */
    Duration blockedFor(String username, String address) {
        Duration byAddress = blockedFor(key(username, address), MAX_FAILURES_PER_ADDRESS);
        Duration byUser = blockedFor(key(username, null), MAX_FAILURES_PER_USER);
        return byAddress.compareTo(byUser) >= 0 ? byAddress : byUser;
    }

    private Duration blockedFor(String key, int max) {
        Attempts current = attempts.get(key);
        if (current == null || current.count() < max) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), current.firstAt().plus(WINDOW));
        return left.isNegative() || left.isZero() ? Duration.ZERO : left;
    }

    private void increment(String key) {
        Instant now = clock.instant();
        attempts.compute(key, (k, current) -> current == null || expired(current, now)
                ? new Attempts(1, now)
                : new Attempts(current.count() + 1, current.firstAt()));
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        attempts.values().removeIf(current -> expired(current, now));
        if (attempts.size() > MAX_TRACKED_KEYS) {
            attempts.clear(); // a flood of distinct names: start over rather than grow without bound
        }
    }

    private static boolean expired(Attempts attempts, Instant now) {
        return !now.isBefore(attempts.firstAt().plus(WINDOW));
    }

    private static String key(String username, String address) {
        String user = "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
        return address == null ? user : user + "|from:" + address;
    }
}
