package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.Application;
import com.fitnesscrm.orchestrator.base.api.HostileRequests;
import com.fitnesscrm.orchestrator.base.api.RawHttp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hostile requests against the whole app on the loopback address (README, "Benchmarks"; issue 11): by default
 * 6,500 requests generated from seed 11 by {@link HostileRequests} — deep nesting, NULs, huge numbers, wrong types
 * and content types, odd methods and paths, long headers, unicode, malformed JSON, odd Accept headers and keys — sent
 * by 4 threads, at most 10 minutes. It prints the status counts, overall and per kind of hostility, and fails on any
 * answer that breaks the contract: a 5xx, no answer, an error that is not problem+json, or a Java class name.
 * Afterwards every list page must still read. Options: {@code -Dbenchmark.fuzz.requests=6500
 * -Dbenchmark.fuzz.seed=11 -Dbenchmark.fuzz.threads=4 -Dbenchmark.fuzz.max-seconds=600}.
 *
 * <p>{@link #listing_runs_stays_fast} measures {@code GET /api/executions?per_page=100} over typical runs, the cost
 * of writing each answer whole before sending it.
 */
class FuzzBenchmark {

    private static final String KEY = "fuzz-benchmark-admin-key-0123456789";
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|org|com)\\.[a-z]+\\.[A-Za-z.]+|Exception\\b");

    @Test
    void thousands_of_hostile_requests_get_only_2xx_or_4xx_problem_answers() throws Exception {
        int count = Integer.getInteger("benchmark.fuzz.requests", 6500);
        long seed = Long.getLong("benchmark.fuzz.seed", 11);
        int threads = Integer.getInteger("benchmark.fuzz.threads", 4);
        long maxSeconds = Long.getLong("benchmark.fuzz.max-seconds", 600);
        try (App app = App.start()) {
            assertThat(RawHttp.send(app.port(), RawHttp.json("POST", "/api/agents", KEY,
                    "{\"name\": \"fuzz-sum\", \"type\": \"sum_test\"}")).status()).isEqualTo(201);
            List<HostileRequests.Case> cases = new HostileRequests(seed, KEY).generate(count);

            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            Map<String, Map<Integer, LongAdder>> byCategory = new ConcurrentHashMap<>();
            List<String> violations = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            long[] nanos = new long[cases.size()];
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < cases.size() && System.nanoTime() < deadline;
                         i = next.getAndIncrement()) {
                        HostileRequests.Case hostile = cases.get(i);
                        long begin = System.nanoTime();
                        RawHttp.Response response;
                        try {
                            response = RawHttp.send(app.port(), hostile.request());
                        } catch (Exception e) {
                            response = new RawHttp.Response(0, Map.of(), String.valueOf(e.getMessage()));
                        }
                        nanos[i] = System.nanoTime() - begin;
                        statuses.computeIfAbsent(response.status(), s -> new LongAdder()).increment();
                        byCategory.computeIfAbsent(hostile.category(), c -> new ConcurrentHashMap<>())
                                .computeIfAbsent(response.status(), s -> new LongAdder()).increment();
                        String broken = broken(hostile, response);
                        if (broken != null) {
                            violations.add(broken);
                        }
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(maxSeconds + 60, TimeUnit.SECONDS)).isTrue();
            double seconds = (System.nanoTime() - started) / 1e9;
            int sent = (int) statuses.values().stream().mapToLong(LongAdder::sum).sum();

            long[] sorted = Arrays.stream(nanos).filter(n -> n > 0).sorted().toArray();
            System.out.printf(Locale.ROOT, "%nFUZZ seed %d: %d hostile requests in %.1f s (%.0f/s, %d threads), "
                            + "p50 %.1f ms, p99 %.1f ms, max %.0f ms%n", seed, sent, seconds, sent / seconds, threads,
                    percentile(sorted, 50), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
            System.out.println("status counts: " + counts(statuses));
            new TreeMap<>(byCategory).forEach((category, counts) ->
                    System.out.printf(Locale.ROOT, "  %-13s %s%n", category, counts(counts)));
            System.out.println("contract violations: " + violations.size());
            violations.stream().limit(20).forEach(v -> System.out.println("  " + v));

            // The runs the fuzz recorded must all read back, whatever they hold.
            ObjectMapper lenient = new ObjectMapper();
            lenient.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000)
                    .build());
            for (int page = 1; page <= 5; page++) {
                RawHttp.Response list = RawHttp.send(app.port(), RawHttp.request("GET",
                        "/api/executions?per_page=100&page=" + page, KEY, null, null));
                assertThat(list.status()).isEqualTo(200);
                lenient.readTree(list.body());
            }
            assertThat(sent).as("requests sent within the time limit").isGreaterThanOrEqualTo(
                    Math.min(count, 5000));
            assertThat(violations).isEmpty();
        }
    }

    @Test
    void listing_runs_stays_fast() throws Exception {
        int runs = Integer.getInteger("benchmark.list.runs", 300);
        int requests = Integer.getInteger("benchmark.list.requests", 300);
        try (App app = App.start()) {
            assertThat(RawHttp.send(app.port(), RawHttp.json("POST", "/api/agents", KEY,
                    "{\"name\": \"list-sum\", \"type\": \"sum_test\"}")).status()).isEqualTo(201);
            for (int i = 0; i < runs; i++) {
                RawHttp.send(app.port(), RawHttp.json("POST", "/api/execute", KEY, "{\"task_type\": \"sum_test\", "
                        + "\"input_data\": {\"numbers\": [" + i + ", 2, 3.5], \"client_id\": " + i + "}}"));
            }
            for (int i = 0; i < 50; i++) {
                RawHttp.send(app.port(), RawHttp.request("GET", "/api/executions?per_page=100", KEY, null, null));
            }
            long[] nanos = new long[requests];
            long bytes = 0;
            for (int i = 0; i < requests; i++) {
                long begin = System.nanoTime();
                RawHttp.Response list = RawHttp.send(app.port(), RawHttp.request("GET",
                        "/api/executions?per_page=100&page=" + (1 + i % 3), KEY, null, null));
                nanos[i] = System.nanoTime() - begin;
                assertThat(list.status()).isEqualTo(200);
                bytes += list.body().length();
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%nLIST GET /api/executions?per_page=100 over %d runs, %d requests: "
                            + "p50 %.2f ms, p99 %.2f ms, %.0f KB a page%n", runs, requests, percentile(nanos, 50),
                    percentile(nanos, 99), bytes / 1024.0 / requests);
        }
    }

    /** What is wrong with an answer, or null when it keeps the contract. */
    private static String broken(HostileRequests.Case hostile, RawHttp.Response response) {
        String body = response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body();
        if (response.status() == 0) {
            return hostile + " → no answer: " + body;
        }
        if (response.status() >= 500) {
            return hostile + " → " + response.status() + " " + body;
        }
        if (CLASS_NAME.matcher(response.body()).find()) {
            return hostile + " → names a class: " + body;
        }
        if (response.status() >= 400 && !response.contentType().startsWith("application/problem+json")) {
            return hostile + " → " + response.status() + " as '" + response.contentType() + "': " + body;
        }
        return null;
    }

    private static String counts(Map<Integer, LongAdder> counts) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(counts).forEach((status, n) -> text.append(status).append(": ").append(n.sum()).append("  "));
        return text.toString().strip();
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** The whole app on a free port with a throw-away embedded PostgreSQL; loopback only. */
    private record App(ConfigurableApplicationContext context, int port) implements AutoCloseable {

        static App start() {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).run(
                    "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                    "--orchestrator.database.embedded.ephemeral=true",
                    "--orchestrator.security.initial-admin-password=benchmark-admin-password",
                    "--orchestrator.api.admin-key=" + KEY, "--orchestrator.api.main-app-key=",
                    "--orchestrator.llm.api-key=", "--logging.level.root=warn",
                    // Thousands of requests with the benchmark's key in a minute: a budget above them, so that the
                    // pages read afterwards measure the app, not the rate limiter (which still answers the others).
                    "--orchestrator.rate-limit.environment-key.per-minute=100000",
                    "--orchestrator.rate-limit.environment-key.burst=100000",
                    "--logging.level.com.fitnesscrm=off",
                    // A 5xx is logged with its stack trace and reference: what to look at when one shows up.
                    "--logging.level.com.fitnesscrm.orchestrator.base.api=error");
            return new App(context, Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
