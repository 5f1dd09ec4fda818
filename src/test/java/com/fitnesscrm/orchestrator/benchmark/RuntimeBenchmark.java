package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.Application;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The runtime's throughput, measured the way the issue states it (README, "Benchmarks"):
 * <ol>
 *   <li>sync: a rules-only test agent through {@code POST /api/execute} with the original body, 16 connections,
 *       every run persisted with its steps; target ≥ 1,000 runs/s with p99 ≤ 20 ms;</li>
 *   <li>async: runs whose LLM (a local stub) answers after 500 ms, 256 in flight; target ≥ 90% of the ideal
 *       512 runs/s.</li>
 * </ol>
 * Each starts the whole app with a persistent embedded PostgreSQL (fsync on, as in production). Run with
 * {@code ./mvnw -Pbenchmark verify}; figures are printed, and the targets asserted.
 */
class RuntimeBenchmark {

    private static final String KEY = "benchmark-admin-key-0123456789abcdef";
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).build();

    @Test
    void sync_rules_only_runs_through_the_original_execute_endpoint() throws Exception {
        int connections = Integer.getInteger("benchmark.connections", 16);
        Duration warmUp = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 15));
        Duration measure = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
        try (App app = App.start(null)) {
            app.createAgent("bench-sum", "sum_test", null);
            String body = "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1, 2, 3, 4.5]}}";
            load(app, body, connections, warmUp);
            long runsBefore = app.jdbc().queryForObject("SELECT count(*) FROM ai_agent_executions", Long.class);
            Result result = load(app, body, connections, measure);
            long runs = app.jdbc().queryForObject("SELECT count(*) FROM ai_agent_executions", Long.class)
                    - runsBefore;
            long steps = app.jdbc().queryForObject("SELECT count(*) FROM ai_execution_steps s JOIN "
                    + "ai_agent_executions e ON e.id = s.execution_id WHERE e.id > (SELECT max(id) FROM "
                    + "ai_agent_executions) - ?", Long.class, runs);
            System.out.printf(Locale.ROOT, "%nSYNC  %d connections, %d s: %d runs, %.0f runs/s, p50 %.2f ms, "
                            + "p95 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d; runs persisted %d with %d steps%n%n",
                    connections, measure.toSeconds(), result.count(), result.perSecond(), result.percentile(50),
                    result.percentile(95), result.percentile(99), result.max(), result.errors(), runs, steps);
            assertThat(result.errors()).isZero();
            assertThat(runs).isEqualTo(result.count());
            assertThat(steps).isEqualTo(2 * runs);
            assertThat(result.perSecond()).isGreaterThanOrEqualTo(1000);
            assertThat(result.percentile(99)).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void async_runs_waiting_500_ms_on_the_llm_with_256_in_flight() throws Exception {
        int inFlight = Integer.getInteger("benchmark.in-flight", 256);
        int total = Integer.getInteger("benchmark.async-runs", inFlight * 12);
        try (MockWebServer llm = slowOpenAi(Duration.ofMillis(500)); App app = App.start(llm)) {
            app.createAgent("bench-llm", "sum_test", "{\"max_retries\": 0, \"daily_budget_usd\": null}");
            String body = "{\"agent\": \"bench-llm\", \"input\": {\"numbers\": [1, 2]}, \"mode\": \"async\"}";
            submit(app, body, inFlight); // warm-up: connections, JIT, the scheduler's threads
            app.awaitAllFinished(Duration.ofMinutes(2));

            long firstId = app.jdbc().queryForObject("SELECT coalesce(max(id), 0) FROM ai_agent_executions",
                    Long.class);
            long started = System.nanoTime();
            submit(app, body, total);
            app.awaitAllFinished(Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - started) / 1e9;
            JsonNode stats = json.readTree(app.jdbc().queryForObject("""
                    SELECT json_build_object('runs', count(*), 'llm', count(*) FILTER (WHERE engine = 'llm'),
                        'first', extract(epoch FROM min(running_at)), 'last', extract(epoch FROM max(completed_at)))
                    FROM ai_agent_executions WHERE id > ?""", String.class, firstId));
            long runs = stats.get("runs").asLong();
            double span = stats.get("last").asDouble() - stats.get("first").asDouble();
            double ideal = inFlight / 0.5;
            System.out.printf(Locale.ROOT, "%nASYNC %d runs, %d threads, LLM 500 ms: %.0f runs/s from submit to "
                            + "last done (%.1f s), %.0f runs/s first start to last done (%.1f s); ideal %.0f; "
                            + "answered by the LLM: %d%n%n", runs, inFlight, runs / seconds, seconds, runs / span,
                    span, ideal, stats.get("llm").asLong());
            assertThat(runs).isEqualTo(total);
            assertThat(stats.get("llm").asLong()).isEqualTo(total);
            assertThat(runs / seconds).isGreaterThanOrEqualTo(0.9 * ideal);
        }
    }

    private Result load(App app, String body, int connections, Duration duration) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + duration.toNanos();
        List<long[]> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            long[] latencies = new long[2_000_000];
            perClient.add(latencies);
            int slot = c;
            clients.execute(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = app.post("/api/execute", body, http);
                        latencies[n++] = System.nanoTime() - t0;
                        if (response.statusCode() != 200 || !response.body().contains("\"success\":true")) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    latencies[latencies.length - 1] = n; // the count, in the last slot
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        int count = perClient.stream().mapToInt(l -> (int) l[l.length - 1]).sum();
        long[] all = new long[count];
        int at = 0;
        for (long[] latencies : perClient) {
            int n = (int) latencies[latencies.length - 1];
            System.arraycopy(latencies, 0, all, at, n);
            at += n;
        }
        Arrays.sort(all);
        return new Result(all, seconds, errors.get());
    }

    private void submit(App app, String body, int count) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < count; i++) {
            clients.execute(() -> {
                try {
                    if (app.post("/api/execute", body, http).statusCode() != 202) {
                        failures.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        assertThat(failures.get()).isZero();
    }

    /** An OpenAI chat-completions stub that answers every request with a correct sum after {@code delay}. */
    private static MockWebServer slowOpenAi(Duration delay) throws IOException {
        MockWebServer server = new MockWebServer();
        String answer = """
                {"id": "chatcmpl-bench", "object": "chat.completion", "created": 1764000000, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant",
                   "content": "{\\"total\\": 3, \\"count\\": 2, \\"explanation\\": \\"1 + 2 = 3\\"}"},
                   "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 40, "completion_tokens": 12, "total_tokens": 52}}""";
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(answer)
                        .setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        server.start();
        return server;
    }

    private record Result(long[] sortedNanos, double seconds, long errors) {

        int count() {
            return sortedNanos.length;
        }

        double perSecond() {
            return count() / seconds;
        }

        double percentile(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }

        double max() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    /** The whole app on a free port, its database persistent (fsync on) in a temporary folder. */
    private record App(ConfigurableApplicationContext context, int port, Path dataDir) implements AutoCloseable {

        static App start(MockWebServer llm) throws IOException {
            Path dataDir = Files.createTempDirectory("orchestrator-benchmark");
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                    "--orchestrator.database.embedded.data-dir=" + dataDir,
                    "--orchestrator.security.initial-admin-password=benchmark-admin-password",
                    "--orchestrator.api.admin-key=" + KEY, "--orchestrator.api.main-app-key=",
                    "--logging.level.root=warn", "--db-scheduler.threads=256", "--db-scheduler.polling-interval=1s",
                    "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("benchmark.pool", 24),
                    "--server.tomcat.threads.max=64"));
            if (llm != null) {
                args.add("--orchestrator.llm.api-key=benchmark");
                args.add("--orchestrator.llm.base-url=" + llm.url("/v1").toString().replaceAll("/$", ""));
            } else {
                args.add("--orchestrator.llm.api-key=");
            }
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                    .run(args.toArray(String[]::new));
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            return new App(context, port, dataDir);
        }

        JdbcTemplate jdbc() {
            return context.getBean(JdbcTemplate.class);
        }

        void createAgent(String name, String type, String config) throws Exception {
            HttpResponse<String> response = post("/api/agents", "{\"name\": \"" + name + "\", \"type\": \"" + type
                    + "\"" + (config == null ? "" : ", \"config\": " + config) + "}", HttpClient.newHttpClient());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }

        HttpResponse<String> post(String path, String body, HttpClient http) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        void awaitAllFinished(Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                Long open = jdbc().queryForObject("SELECT count(*) FROM ai_agent_executions WHERE status IN "
                        + "('queued', 'running')", Long.class);
                if (open != null && open == 0) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("Runs still open after " + timeout);
        }

        @Override
        public void close() {
            context.close();
        }
    }

}
