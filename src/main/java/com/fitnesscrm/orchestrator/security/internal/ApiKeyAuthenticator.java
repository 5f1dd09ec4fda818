package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.security.ApiKeyAuthentication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.stereotype.Component;

/**
 * Turns a presented key into the caller it belongs to. Keys are looked up by their SHA-256; a hit (or a miss) is
 * remembered for {@link #CACHE_TTL}, so the API does not read the keys table on every request. A revoke on this
 * node takes effect at once; on other nodes of a cluster within {@link #CACHE_TTL}. "Last used" is written at most
 * once a minute per key, off the request thread.
 *
 * <p>While the database is away, a key that was found within the last {@link #STALE_FOR} is still accepted from
 * the cache (and looked up again at most every {@link #CACHE_TTL}), so that the main backend can still read
 * {@code GET /api/health-status}, which answers from memory then (docs/decisions/0021). Safe: no key can be revoked
 * while the database is away, and a revoke on this node drops the key from the cache at once. A key not seen
 * recently, or seen as unknown, is not accepted: the lookup's failure goes on as before.
 */
@Component
public class ApiKeyAuthenticator {

    static final Duration CACHE_TTL = Duration.ofSeconds(10);
    /** How long after its last successful lookup a key is still accepted while the database does not answer. */
    static final Duration STALE_FOR = Duration.ofMinutes(15);
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_CACHED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final Executor touchExecutor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> lastTouched = new ConcurrentHashMap<>();

    ApiKeyAuthenticator(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.touchExecutor = command -> {
            Thread thread = new Thread(command, "api-key-touch");
            thread.setDaemon(true);
            thread.start();
        };
    }

    public Optional<ApiKeyAuthentication> authenticate(String presentedKey) {
        String hash = ApiKeyHashes.sha256(presentedKey);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached == null || cached.expires().isBefore(now)) {
            if (cache.size() > MAX_CACHED) {
                cache.clear(); // someone is guessing keys; misses are cheap to forget
            }
            cached = lookUp(hash, cached, now);
            cache.put(hash, cached);
        }
        cached.caller().ifPresent(caller -> touch(caller.keyId(), now));
        return cached.caller();
    }

    private Cached lookUp(String hash, Cached previous, Instant now) {
        try {
            return new Cached(keys.findByKeyHash(hash).filter(key -> !key.isRevoked())
                    .map(key -> new ApiKeyAuthentication(key.getId(), key.getName(), key.scopeSet(),
                            "environment".equals(key.getSource()), key.rateLimit())),
                    now.plus(CACHE_TTL), now);
        } catch (DataAccessException | TransactionException e) {
            // A repository call that cannot get a connection fails to begin its transaction: TransactionException.
            if (previous == null || previous.caller().isEmpty() || previous.foundAt().plus(STALE_FOR).isBefore(now)) {
                throw e;
            }
            log.debug("The keys table does not answer ({}); accepting key {} as found at {}",
                    e.getMostSpecificCause().getMessage(), previous.caller().get().keyId(), previous.foundAt());
            return new Cached(previous.caller(), now.plus(CACHE_TTL), previous.foundAt());
        }
    }

    /** Drops a key from the cache, e.g. when it is revoked or its secret changes. */
    public void forget(String keyHash) {
        cache.remove(keyHash);
    }

    public void forgetAll() {
        cache.clear();
    }

    private void touch(int keyId, Instant now) {
        Instant previous = lastTouched.get(keyId);
        if (previous != null && previous.plus(TOUCH_INTERVAL).isAfter(now)) {
            return;
        }
        lastTouched.put(keyId, now);
        touchExecutor.execute(() -> {
            try {
                keys.touch(keyId, now);
            } catch (RuntimeException e) {
                log.debug("Could not record the use of API key {}: {}", keyId, e.getMessage());
            }
        });
    }

    /** {@code foundAt}: when the keys table last answered for it. */
    private record Cached(Optional<ApiKeyAuthentication> caller, Instant expires, Instant foundAt) {
    }
}
