package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.security.RateLimit;
import com.fitnesscrm.orchestrator.security.RateLimitDecision;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The token buckets of this node, one per subject (an API key, a client address, a named limit's subject) and limit.
 * Per node on purpose (see docs/decisions/0012): a bucket costs no database round trip, and with n nodes a caller
 * gets at most n times its budget. The map is bounded: a full bucket carries no state (a new one would be full too),
 * so full buckets are dropped when it grows large, and a flood of distinct subjects at worst starts the count over.
 */
@Component
public class RateLimitBuckets {

    static final int MAX_BUCKETS = 100_000;

    private final RateLimitProperties properties;
    private final TimeMeter time;
    /**
     * The buckets, least recently used first: past {@link #MAX_BUCKETS} the one idle longest goes (it has mostly
     * refilled anyway), so a flood of distinct addresses can neither grow memory nor reset anyone's active budget.
     */
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > MAX_BUCKETS;
                }
            });

    RateLimitBuckets(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        // The injected clock, so tests can move time instead of sleeping.
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public RateLimitProperties properties() {
        return properties;
    }

    /**
     * Takes one token from the subject's bucket under this limit. A changed limit starts a new bucket (the old one is
     * forgotten), so an admin's change applies at once.
     */
    public RateLimitDecision consume(String subject, RateLimit limit) {
        Bucket bucket = buckets.computeIfAbsent(subject + "#" + limit.perMinute() + "/" + limit.burst(),
                key -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new RateLimitDecision(probe.isConsumed(), limit.perMinute(), limit.burst(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** A named limit's bucket for one subject, e.g. {@code errors} per error group. */
    public RateLimitDecision consumeNamed(String name, String subject) {
        RateLimit limit = properties.named().get(name);
        if (limit == null) {
            throw new IllegalArgumentException("No rate limit named '" + name + "' is configured "
                    + "(orchestrator.rate-limit.named." + name + ".per-minute and .burst)");
        }
        return consume("named:" + name + "|" + subject, limit);
    }

    private Bucket newBucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.perMinute(), Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Whole seconds, rounded up: a caller told "0" would retry at once and be refused again. */
    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
