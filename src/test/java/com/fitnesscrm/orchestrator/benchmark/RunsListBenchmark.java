package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.base.api.RawHttp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The runs list under a storm, in the memory the app has on Railway (README, "Benchmarks"; issues 12 and 19). The app
 * runs as a child JVM with the Procfile's start command (the same as {@code railway.json}'s: its heap, its GC,
 * {@code -XX:+ExitOnOutOfMemoryError}, capped metaspace and code cache) and a GC log, on a PostgreSQL this JVM starts.
 * It fills {@code benchmark.runs-list.runs} (300) runs with payloads of 5–120 KB, every 10th input and every 15th
 * output about 1 MB, then, for {@code GET /api/executions?per_page=100} and the same with
 * {@code include=input,output}, {@code benchmark.runs-list.clients} (64) clients at once each ask
 * {@code benchmark.runs-list.requests} (5) pages back to back (pages 1–3), while {@code /api/health} is asked every
 * 100 ms. It prints p50/p99/max per kind, the answers' sizes, status counts, {@code /api/health}'s latency during the
 * storm, and from the GC log the largest heap before a collection, the largest after one, the time in pauses and
 * the full collections. It fails on any answer but 200, on a child that exited (an OutOfMemoryError ends it), on a
 * summary page over 200 KB, on a page with more payload than its budget, on 512 MB resident or more after the
 * storms, or on a full collection longer than 200 ms.
 */
class RunsListBenchmark {

    private static final String KEY = "runs-list-benchmark-admin-key-0123456789";
    private static final Path LOGS = Path.of("target", "runs-list-benchmark");

    @Test
    void sixty_four_callers_listing_runs_at_once_get_their_pages_within_512_mb() throws Exception {
        int runs = Integer.getInteger("benchmark.runs-list.runs", 300);
        int clients = Integer.getInteger("benchmark.runs-list.clients", 64);
        int requests = Integer.getInteger("benchmark.runs-list.requests", 5);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(ChildApp.freePort())
                .setServerConfig("max_connections", "100").start();
             ChildApp app = ChildApp.start(LOGS, postgres.getJdbcUrl("postgres", "postgres"), KEY, Map.of(),
                     // One caller asking 64 pages at once is over any key's budget; the storm measures the list.
                     List.of("--orchestrator.llm.api-key=", "--orchestrator.rate-limit.enabled=false"))) {
            int port = app.port();
            try {
                long residentAfterStart = app.residentMegabytes();
                fill(postgres, runs);
                for (int i = 0; i < 10; i++) {
                    send(port, "/api/executions?per_page=100");
                    send(port, "/api/executions?per_page=100&include=input,output");
                }
                Storm summaries = storm(app, "/api/executions?per_page=100", clients, requests);
                Storm payloads = storm(app, "/api/executions?per_page=100&include=input,output",
                        clients, requests);
                System.out.printf(Locale.ROOT, "%nRUNS LIST over %d runs (%.0f MB of payloads), %d clients at once "
                        + "x %d pages each, child JVM %s%n", runs, payloadMegabytes(postgres), clients, requests,
                        String.join(" ", ChildApp.START.options()));
                summaries.print("summaries");
                payloads.print("include=input,output");
                long residentAfterLoad = app.residentMegabytes();
                System.out.printf(Locale.ROOT, "%-22s resident %d MB after start, %d MB after both storms (limit "
                        + "512 MB); environment %s; threads %d%n", "memory", residentAfterStart, residentAfterLoad,
                        ChildApp.START.environment(), app.threads());
                if (Boolean.getBoolean("benchmark.nmt")) {
                    System.out.println(Resident.nativeMemory(app.pid()));
                }
                assertThat(app.alive()).as("the app survived (an OutOfMemoryError would have ended it)").isTrue();
                for (Storm storm : List.of(summaries, payloads)) {
                    assertThat(storm.statuses()).as(storm.target()).containsOnlyKeys(200);
                    assertThat(storm.healthStatuses()).as("/api/health during " + storm.target())
                            .containsOnlyKeys(200);
                }
                assertThat(summaries.maxBytes()).as("largest summary page").isLessThan(200 * 1024);
                assertThat(residentAfterLoad).as("resident MB after the storms").isLessThan(512);
                for (Storm storm : List.of(summaries, payloads)) {
                    assertThat(storm.gc().longestFullMs()).as("longest full GC, ms").isLessThanOrEqualTo(200);
                }
                assertThat(payloads.maxBytes()).as("largest page with payloads").isLessThan(1024 * 1024 + 200 * 1024);
            } catch (Throwable failure) {
                app.printLogTail();
                throw failure;
            }
        }
    }

    /** What one storm measured; latencies in nanoseconds, sorted. */
    record Storm(String target, long[] nanos, Map<Integer, Long> statuses, long maxBytes, long totalBytes,
                 long[] healthNanos, Map<Integer, Long> healthStatuses, GcLog gc, double seconds) {

        void print(String name) {
            System.out.printf(Locale.ROOT, "%-22s %d pages in %.1f s: p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
                            + "%.0f KB a page (largest %.0f KB); statuses %s%n", name, nanos.length, seconds,
                    percentile(nanos, 50), percentile(nanos, 99), percentile(nanos, 100),
                    totalBytes / 1024.0 / Math.max(1, nanos.length), maxBytes / 1024.0, statuses);
            System.out.printf(Locale.ROOT, "%-22s /api/health meanwhile: %d answers, p50 %.0f ms, p99 %.0f ms, "
                            + "max %.0f ms, statuses %s%n", "", healthNanos.length, percentile(healthNanos, 50),
                    percentile(healthNanos, 99), percentile(healthNanos, 100), healthStatuses);
            System.out.printf(Locale.ROOT, "%-22s heap (of %d MB): at most %d MB before a GC, %d MB after one; "
                            + "%d young + %d full GCs, %.0f ms in pauses (longest %.0f ms, longest full %.0f ms)%n", "",
                    gc.capacityMb(), gc.maxBeforeMb(), gc.maxAfterMb(), gc.young(), gc.full(), gc.pauseMs(),
                    gc.longestMs(), gc.longestFullMs());
        }
    }

    private static Storm storm(ChildApp app, String target, int clients, int requests)
            throws Exception {
        int port = app.port();
        int gcLinesBefore = app.gcLines().size();
        long[] nanos = new long[clients * requests];
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder totalBytes = new LongAdder();
        long[] maxBytes = {0};
        List<Long> health = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, LongAdder> healthStatuses = new ConcurrentHashMap<>();
        AtomicBoolean storming = new AtomicBoolean(true);
        Thread prober = new Thread(() -> {
            while (storming.get()) {
                long begin = System.nanoTime();
                int status = send(port, "/api/health").status();
                health.add(System.nanoTime() - begin);
                healthStatuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                sleep(100);
            }
        }, "health-prober");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                await(start);
                for (int r = 0; r < requests; r++) {
                    long begin = System.nanoTime();
                    RawHttp.Response page = send(port, target + "&page=" + (1 + (client + r) % 3));
                    nanos[client * requests + r] = System.nanoTime() - begin;
                    statuses.computeIfAbsent(page.status(), s -> new LongAdder()).increment();
                    long bytes = page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    totalBytes.add(bytes);
                    synchronized (maxBytes) {
                        maxBytes[0] = Math.max(maxBytes[0], bytes);
                    }
                }
            });
        }
        prober.start();
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(15, TimeUnit.MINUTES)).as("the storm ended").isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;
        storming.set(false);
        prober.join();
        Arrays.sort(nanos);
        long[] healthNanos = health.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Storm(target, nanos, counts(statuses), maxBytes[0], totalBytes.sum(), healthNanos,
                counts(healthStatuses), app.gcSince(gcLinesBefore), seconds);
    }

    /**
     * Runs as the main backend's history would hold them, written straight into the table: mostly 5–120 KB in and
     * out, every 10th input and every 15th output about 1 MB, one second apart.
     */
    private static void fill(EmbeddedPostgres postgres, int runs) throws Exception {
        Instant start = Instant.now().minusSeconds(runs + 60L);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ai_agent_executions (agent_name, task_type, status, mode, input_data, output_data,
                         engine, started_at, running_at, completed_at, execution_time, requested_by, requester_kind,
                         attempts)
                     VALUES ('Workout Optimizer', 'workout_optimization', 'succeeded', 'sync', ?::jsonb, ?::jsonb,
                         'rules', ?, ?, ?, 0.4, 'main-backend', 'api_key', 1)""")) {
            for (int i = 0; i < runs; i++) {
                Instant at = start.plusSeconds(i);
                insert.setString(1, payload("in", i, i % 10 == 0 ? 1_000_000 : 5_000 + (i * 7919) % 115_000));
                insert.setString(2, payload("out", i, i % 15 == 0 ? 1_000_000 : 5_000 + (i * 104_729) % 115_000));
                insert.setTimestamp(3, Timestamp.from(at));
                insert.setTimestamp(4, Timestamp.from(at.plusMillis(10)));
                insert.setTimestamp(5, Timestamp.from(at.plusMillis(410)));
                insert.addBatch();
                if (i % 20 == 19) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static double payloadMegabytes(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var rows = connection.createStatement().executeQuery(
                     "SELECT sum(octet_length(input_data::text) + octet_length(output_data::text)) "
                             + "FROM ai_agent_executions")) {
            rows.next();
            return rows.getLong(1) / 1024.0 / 1024.0;
        }
    }

    /** A workout-like JSON object of about {@code bytes} bytes. */
    private static String payload(String kind, int i, int bytes) {
        StringBuilder text = new StringBuilder("{\"tag\": \"" + kind + "-" + i + "\", \"sessions\": [");
        for (int n = 0; text.length() < bytes - 80; n++) {
            text.append(n == 0 ? "" : ", ").append("{\"exercise\": \"Romanian deadlift ").append(n)
                    .append("\", \"sets\": ").append(3 + n % 3).append(", \"reps\": \"8-12\", \"rir\": ")
                    .append(n % 4).append('}');
        }
        return text.append("]}").toString();
    }

    private static RawHttp.Response send(int port, String target) {
        try {
            return RawHttp.send(port, RawHttp.request("GET", target, target.startsWith("/api/executions") ? KEY
                    : null, null, null));
        } catch (IOException e) {
            return new RawHttp.Response(0, Map.of(), String.valueOf(e.getMessage()));
        }
    }

    private static Map<Integer, Long> counts(Map<Integer, LongAdder> counts) {
        Map<Integer, Long> sorted = new TreeMap<>();
        counts.forEach((status, n) -> sorted.put(status, n.sum()));
        return sorted;
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
