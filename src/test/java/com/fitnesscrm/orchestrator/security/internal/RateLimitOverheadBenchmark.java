package com.fitnesscrm.orchestrator.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.security.RateLimit;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * What the rate limiter adds to a request, in this JVM without the web stack: one key's bucket (the main backend's
 * case: every request on one bucket, from 4 threads), and 50,000 distinct client addresses (a scan). Prints ns per
 * request; fails only if a request costs more than 20 µs, two orders of magnitude under the cheapest endpoint.
 * {@code ./mvnw -o -Pbenchmark verify -Dit.test=RateLimitOverheadBenchmark}
 */
class RateLimitOverheadBenchmark {

    private static final int WARM_UP = 2_000_000;
    private static final int MEASURED = 4_000_000;

    private final RateLimitBuckets buckets = new RateLimitBuckets(new RateLimitProperties(true,
            new RateLimit(120, 30), new RateLimit(100_000, 100_000), new RateLimit(100_000, 100_000),
            new RateLimit(20, 10), Map.of()), Clock.systemUTC());

    @Test
    void one_request_costs_well_under_a_microsecond_or_two() throws Exception {
        RateLimit limit = new RateLimit(100_000, 100_000);
        run(WARM_UP, i -> buckets.consume("key:1", limit));
        double oneKey = run(MEASURED, i -> buckets.consume("key:1", limit));

        double oneKeyFourThreads = parallel(4, MEASURED / 4, i -> buckets.consume("key:1", limit));

        MockHttpServletRequest request = new MockHttpServletRequest();
        run(WARM_UP / 10, i -> {
            request.setRemoteAddr("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            buckets.consume("anonymous:" + RateLimitFilter.client(request), limit);
        });
        double manyAddresses = run(MEASURED / 10, i -> {
            int n = i % 50_000;
            request.setRemoteAddr("10.1." + (n >> 8 & 255) + "." + (n & 255));
            buckets.consume("anonymous:" + RateLimitFilter.client(request), limit);
        });

        System.out.printf("RateLimitOverheadBenchmark: one key %.0f ns/request; one key from 4 threads %.0f ns/request"
                + " (wall time per request overall); 50,000 addresses %.0f ns/request%n", oneKey, oneKeyFourThreads,
                manyAddresses);
        assertThat(oneKey).isLessThan(20_000);
        assertThat(manyAddresses).isLessThan(20_000);
    }

    private interface Step {
        void run(int i);
    }

    private static double run(int count, Step step) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            step.run(i);
        }
        return (System.nanoTime() - start) / (double) count;
    }

    private static double parallel(int threads, int perThread, Step step) throws InterruptedException {
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> run(perThread, step));
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return (System.nanoTime() - start) / (double) (threads * perThread);
    }
}
