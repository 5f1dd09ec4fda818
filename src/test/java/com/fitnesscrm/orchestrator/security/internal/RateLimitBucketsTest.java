package com.fitnesscrm.orchestrator.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.security.RateLimit;
import com.fitnesscrm.orchestrator.security.RateLimitDecision;
import com.fitnesscrm.orchestrator.security.RateLimitExceededException;
import com.fitnesscrm.orchestrator.security.RateLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token buckets on a clock the test moves: what a caller is told, and when it may go on. */
class RateLimitBucketsTest {

    private final LoginThrottleTest.MovableClock clock = new LoginThrottleTest.MovableClock();
    private final RateLimitBuckets buckets = new RateLimitBuckets(new RateLimitProperties(true,
            new RateLimit(120, 30), new RateLimit(600, 100), new RateLimit(60, 30), new RateLimit(20, 10),
            Map.of(RateLimits.ERRORS, new RateLimit(6, 2))), clock);

    @Test
    void a_bucket_lets_the_burst_through_then_says_when_the_next_request_may_come() {
        RateLimit limit = new RateLimit(6, 3);
        for (int remaining = 2; remaining >= 0; remaining--) {
            RateLimitDecision decision = buckets.consume("key:1", limit);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(remaining);
            assertThat(decision.limit()).isEqualTo(6);
        }
        RateLimitDecision refused = buckets.consume("key:1", limit);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).as("6 a minute: one every 10 s").isEqualTo(10);
        assertThat(refused.resetSeconds()).as("full again after 3 tokens").isEqualTo(30);

        clock.advance(Duration.ofSeconds(10));
        assertThat(buckets.consume("key:1", limit).allowed()).isTrue();
        assertThat(buckets.consume("key:1", limit).allowed()).isFalse();
        assertThat(buckets.consume("key:2", limit).allowed()).as("another subject has its own bucket").isTrue();
    }

    @Test
    void a_changed_limit_applies_at_once() {
        buckets.consume("key:7", new RateLimit(1, 1));
        assertThat(buckets.consume("key:7", new RateLimit(1, 1)).allowed()).isFalse();
        assertThat(buckets.consume("key:7", new RateLimit(100, 10)).allowed()).isTrue();
    }

    @Test
    void the_errors_limit_counts_per_error_group() {
        RateLimits limits = new RateLimits(buckets);
        limits.check(RateLimits.ERRORS, "KeyError:app/views.py:42");
        limits.check(RateLimits.ERRORS, "KeyError:app/views.py:42");
        assertThatThrownBy(() -> limits.check(RateLimits.ERRORS, "KeyError:app/views.py:42"))
                .isInstanceOf(RateLimitExceededException.class)
                .satisfies(e -> assertThat(((RateLimitExceededException) e).decision().retryAfterSeconds())
                        .isEqualTo(10));
        assertThat(limits.consume(RateLimits.ERRORS, "TypeError:app/models.py:7").allowed())
                .as("another group still gets through").isTrue();
    }

    @Test
    void a_flood_of_new_addresses_does_not_give_a_caller_who_keeps_calling_a_fresh_budget() {
        RateLimit limit = new RateLimit(1, 1);
        assertThat(buckets.consume("ip:victim", limit).allowed()).isTrue();
        for (int address = 0; address < RateLimitBuckets.MAX_BUCKETS + 10_000; address++) {
            buckets.consume("ip:flood-" + address, limit);
            if (address % 10_000 == 0) {
                assertThat(buckets.consume("ip:victim", limit).allowed()).as("still out of budget").isFalse();
            }
        }
        assertThat(buckets.consume("ip:victim", limit).allowed()).isFalse();
        assertThat(buckets.consume("ip:flood-" + (RateLimitBuckets.MAX_BUCKETS + 9_999), limit).allowed())
                .as("the newest address keeps its spent bucket").isFalse();
    }

    @Test
    void an_unknown_named_limit_is_a_programming_error_not_a_free_pass() {
        assertThatThrownBy(() -> new RateLimits(buckets).check("no-such-limit", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-limit");
    }
}
