package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.Application;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The runtime's throughput, measured the way issue 19 states it (README, "Benchmarks"; decision 0004):
 * <ol>
 *   <li>sync: a rules-only test agent through {@code POST /api/execute} with the original body, 16 connections,
 *       every run persisted with its steps. In one app: {@code GET /api/health} saturated (the web stack's ceiling),
 *       the runs saturated (target ≥ 50 % of the ceiling), then paced at half the saturated rate by
 *       {@link HttpLoad}'s constant-rate client (target p99 ≤ 20 ms);</li>
 *   <li>async: runs whose LLM (a local stub) answers after 500 ms, 256 in flight, after a warm-up of
 *       {@code benchmark.async-warmup-runs} (6,000) runs; target ≥ 80 % of the ideal 512 runs/s, every run persisted
 *       with its steps; then submits paced at half that throughput by {@link HttpLoad} while the runs execute
 *       (target submit p99 ≤ 50 ms).</li>
 * </ol>
 * Each starts the whole app with a persistent embedded PostgreSQL (fsync on, as in production); the load generators
 * share the two cores with it ({@code -Dbenchmark.client=wrk} uses wrk for the saturated loads when installed). Run
 * with {@code ./mvnw -Pbenchmark verify}; figures are printed, and the targets asserted.
 * {@code -Dbenchmark.async-profiler=/path/to/async-profiler.jar} profiles the measured part ({@link Profiler}).
 */
class RuntimeBenchmark {

    private static final String KEY = "benchmark-admin-key-0123456789abcdef";
    private static final MediaType JSON = MediaType.get("application/json");
    /** What the LLM stub answers the test agent {@code sum_test}: a correct sum of the benchmark's input. */
    private static final String SUM_ANSWER = "{\"total\": 3, \"count\": 2, \"explanation\": \"1 + 2 = 3\"}";
    private static final String ASYNC_BODY = "{\"agent\": \"bench-llm\", \"input\": {\"numbers\": [1, 2]}, "
            + "\"mode\": \"async\"}";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sync_rules_only_runs_through_the_original_execute_endpoint() throws Exception {
        int connections = Integer.getInteger("benchmark.connections", 16);
        Duration warmUp = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 15));
        Duration measure = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
        String loadBefore = loadAverage();
        try (App app = App.start(null)) {
            app.createAgent("bench-sum", "sum_test", null);
            String body = "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1, 2, 3, 4.5]}}";
            HttpLoad execute = HttpLoad.of(app.port(), "/api/execute", body, KEY);
            HttpLoad health = HttpLoad.of(app.port(), "/api/health", null, KEY);
            // wrk only if asked for: the benchmark's own client paces, which wrk cannot, and is cheap enough.
            boolean wrk = "wrk".equals(System.getProperty("benchmark.client")) && Wrk.installed();
            load(wrk, app, execute, "/api/execute", body, connections, warmUp);
            load(wrk, app, health, "/api/health", null, connections, Duration.ofSeconds(3));

            Result ceiling = load(wrk, app, health, "/api/health", null, connections, measure);
            long lastIdBefore = app.jdbc().queryForObject("SELECT coalesce(max(id), 0) FROM ai_agent_executions",
                    Long.class);
            Result saturated = load(wrk, app, execute, "/api/execute", body, connections, measure);
            double offered = saturated.perSecond() / 2;
            Result paced = execute.paced(connections, offered, measure);
            Persisted persisted = persisted(app, lastIdBefore);
            double ratio = saturated.perSecond() / ceiling.perSecond();
            System.out.printf(Locale.ROOT, """

                    SYNC  (load from %s, %d connections, %d s each, after a %d s warm-up)
                      ceiling  GET /api/health saturated: %.0f req/s, %s
                      sync     POST /api/execute saturated: %.0f runs/s = %.0f %% of the ceiling (target >= 50 %%), %s
                      paced    offered %.0f runs/s (half the saturated), achieved %.0f runs/s, %s (target p99 <= 20 ms)
                      persisted %d runs with %d steps (answered %d), not succeeded %d
                      load average before %s, after %s

                    """, wrk ? "wrk" : "HttpLoad", connections, measure.toSeconds(), warmUp.toSeconds(),
                    ceiling.perSecond(), ceiling.summary(), saturated.perSecond(), 100 * ratio, saturated.summary(),
                    offered, paced.perSecond(), paced.summary(), persisted.runs(), persisted.steps(),
                    saturated.count() + paced.count(), persisted.other(), loadBefore, loadAverage());
            assertThat(ceiling.errors() + saturated.errors() + paced.errors()).isZero();
            assertThat(persisted.other()).isZero();
            // wrk counts the requests answered within the period; the last few in flight are recorded but not counted.
            assertThat(persisted.runs()).isBetween((long) saturated.count() + paced.count(),
                    (long) saturated.count() + paced.count() + (wrk ? connections : 0));
            assertThat(persisted.steps()).isEqualTo(2 * persisted.runs());
            assertThat(ratio).isGreaterThanOrEqualTo(0.5);
            assertThat(paced.percentile(99)).isLessThanOrEqualTo(20);
        }
    }

    private record Persisted(long runs, long steps, long other) {
    }

    /**
     * The runs after {@code lastIdBefore} and their steps, from one statement (one snapshot): counted apart, runs
     * finishing between the two queries made the steps exceed twice the runs. Waits until none is still open.
     */
    private static Persisted persisted(App app, long lastIdBefore) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Persisted persisted = app.jdbc().queryForObject("""
                    WITH r AS (SELECT id, status FROM ai_agent_executions WHERE id > ?)
                    SELECT (SELECT count(*) FROM r WHERE status = 'succeeded') AS runs,
                        (SELECT count(*) FROM ai_execution_steps s
                            WHERE s.execution_id IN (SELECT id FROM r WHERE status = 'succeeded')) AS steps,
                        (SELECT count(*) FROM r WHERE status <> 'succeeded') AS other,
                        (SELECT count(*) FROM r WHERE status IN ('queued', 'running')) AS open""",
                    (rs, row) -> rs.getLong("open") > 0 ? null
                            : new Persisted(rs.getLong("runs"), rs.getLong("steps"), rs.getLong("other")),
                    lastIdBefore);
            if (persisted != null || System.nanoTime() > end) {
                return persisted == null ? new Persisted(-1, -1, -1) : persisted;
            }
            Thread.sleep(50);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Result load(boolean wrk, App app, HttpLoad load, String path, String body, int connections,
                               Duration duration) throws IOException, InterruptedException {
        return wrk ? Wrk.run(app.port(), path, body, KEY, connections, duration) : load.saturated(connections, duration);
    }

    @Test
    void async_runs_waiting_500_ms_on_the_llm_with_256_in_flight() throws Exception {
        int inFlight = Integer.getInteger("benchmark.in-flight", 256);
        int total = Integer.getInteger("benchmark.async-runs", inFlight * 12);
        try (SlowOpenAi llm = SlowOpenAi.start(Duration.ofMillis(500), SUM_ANSWER); App app = App.start(llm)) {
            app.createAgent("bench-llm", "sum_test", "{\"max_retries\": 0, \"daily_budget_usd\": null}");
            // The flooding submitters: raw keep-alive sockets (HttpLoad), which cost the two cores less than a client
            // library; the app's callers are on other machines.
            HttpLoad submit = HttpLoad.of(app.port(), "/api/execute", ASYNC_BODY, KEY);
            int submitters = Integer.getInteger("benchmark.submitters", 16);
            // Warm-up: connections, the scheduler's threads, and the JIT (a short warm-up measures it compiling).
            requireAccepted(submit.count(submitters, Integer.getInteger("benchmark.async-warmup-runs", 6000)));
            app.awaitAllFinished(Duration.ofMinutes(2));
            // Which engine answered the warm-up, and why any LLM call failed: a stub or client fault shows here.
            System.out.println("WARM-UP " + app.jdbc().queryForList("SELECT engine || ' ' || count(*) FROM "
                    + "ai_agent_executions GROUP BY engine", String.class) + " failed LLM calls: " + app.jdbc()
                    .queryForList("SELECT s || ' x' || n FROM (SELECT left(output_summary, 160) AS s, count(*) AS n FROM ai_execution_steps WHERE "
                            + "kind = 'llm_call' AND status = 'failed' GROUP BY 1 LIMIT 5) f", String.class));

            long lastIdBefore = app.jdbc().queryForObject("SELECT coalesce(max(id), 0) FROM ai_agent_executions",
                    Long.class);
            long[] commitsBefore = app.commits();
            long residentBefore = Resident.megabytes(ProcessHandle.current().pid());
            PeakResident peak = PeakResident.start(ProcessHandle.current().pid());
            Profiler.start("async");
            long started = System.nanoTime();
            Result submits = requireAccepted(submit.count(submitters, total));
            double submitted = (System.nanoTime() - started) / 1e9;
            app.awaitAllFinished(Duration.ofMinutes(5));
            Profiler.stop();
            peak.stop();
            double seconds = (System.nanoTime() - started) / 1e9;
            JsonNode stats = json.readTree(app.jdbc().queryForObject("""
                    SELECT json_build_object('runs', count(*), 'llm', count(*) FILTER (WHERE engine = 'llm'),
                        'first', extract(epoch FROM min(running_at)), 'last', extract(epoch FROM max(completed_at)))
                    FROM ai_agent_executions WHERE id > ?""", String.class, lastIdBefore));
            long runs = stats.get("runs").asLong();
            long[] after = app.commits();
            System.out.printf(Locale.ROOT, "ASYNC per run: %.2f transactions, %.2f WAL flushes (PostgreSQL's, over "
                    + "the run)%n", (after[0] - commitsBefore[0]) / (double) total,
                    (after[1] - commitsBefore[1]) / (double) total);
            double span = stats.get("last").asDouble() - stats.get("first").asDouble();
            double ideal = inFlight / 0.5;
            System.out.printf(Locale.ROOT, "%nASYNC %d runs, %d in flight, LLM 500 ms: %.0f runs/s from the first "
                            + "submit to the last done (%.1f s), %.0f runs/s from the first start to the last done "
                            + "(%.1f s); ideal %.0f; answered by the LLM: %d; all submitted after %.1f s%n%n", runs, inFlight,
                    runs / seconds, seconds, runs / span, span, ideal, stats.get("llm").asLong(), submitted);
            double throughput = runs / seconds;
            System.out.printf(Locale.ROOT, "ASYNC %.0f %% of the ideal (target >= 80 %%); flooded by %d submitters, "
                    + "submit answered in p50 %.1f ms, p99 %.1f ms; load average %s%n", 100 * throughput / ideal,
                    submitters, submits.percentile(50), submits.percentile(99),
                    loadAverage());

            // The whole benchmark JVM (app, LLM stub and clients): an upper bound of the app's own, e.g. when run
            // with the Procfile's options as -DargLine (README, "Benchmarks").
            System.out.printf(Locale.ROOT, "ASYNC resident (this JVM: app, stub and clients) %d MB before, at most "
                    + "%d MB during the runs, %d threads at most; JVM options %s%n", residentBefore, peak.megabytes(),
                    peak.threads(), java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());

            // Submit latency as a client sees it at a fixed rate (half the throughput) while the runs it queued
            // execute: flooded, it is only the submitters' queue (Little's law), as the sync run's at saturation.
            long lastIdBeforePaced = app.jdbc().queryForObject("SELECT coalesce(max(id), 0) FROM ai_agent_executions",
                    Long.class);
            double offered = throughput / 2;
            Result paced = HttpLoad.of(app.port(), "/api/execute", ASYNC_BODY, KEY).paced(16, offered,
                    Duration.ofSeconds(Long.getLong("benchmark.async-paced-seconds", 10)));
            app.awaitAllFinished(Duration.ofMinutes(5));
            long pacedRuns = app.jdbc().queryForObject("SELECT count(*) FROM ai_agent_executions WHERE id > ? AND "
                    + "status = 'succeeded' AND engine = 'llm' AND EXISTS (SELECT 1 FROM ai_execution_steps s WHERE "
                    + "s.execution_id = ai_agent_executions.id)", Long.class, lastIdBeforePaced);
            System.out.printf(Locale.ROOT, "ASYNC paced: offered %.0f runs/s (half the throughput), submitted %.0f/s, "
                    + "%s (target p99 <= 50 ms); %d of %d answered by the LLM with steps; load average %s%n%n",
                    offered, paced.perSecond(), paced.summary(), pacedRuns, paced.count(), loadAverage());

            assertThat(runs).isEqualTo(total);
            assertThat(stats.get("llm").asLong()).isEqualTo(total);
            assertThat(paced.errors()).isZero();
            assertThat(pacedRuns).isEqualTo(paced.count());
            assertThat(paced.percentile(99)).isLessThanOrEqualTo(50);
            assertThat(throughput).isGreaterThanOrEqualTo(0.8 * ideal);
        }
    }

    /** {@code submits}, having failed if any submission was not accepted (202, or 200 when it finished first). */
    private static Result requireAccepted(Result submits) {
        assertThat(submits.errors()).as("submissions not accepted").isZero();
        return submits;
    }

    /** Latencies of every request, or (from wrk) its percentiles; percentiles in milliseconds. */
    record Result(long[] sortedNanos, double seconds, long errors, long requests, double[] wrkPercentiles) {

        Result(long[] sortedNanos, double seconds, long errors) {
            this(sortedNanos, seconds, errors, sortedNanos.length, null);
        }


        int count() {
            return (int) requests;
        }

        double perSecond() {
            return count() / seconds;
        }

        double percentile(double p) {
            if (wrkPercentiles != null) {
                return wrkPercentiles[p == 50 ? 0 : p == 95 ? 1 : p == 99 ? 2 : 3];
            }
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }

        /** Percentiles in milliseconds, and the errors. */
        String summary() {
            return String.format(Locale.ROOT, "p50 %.2f ms, %s p99 %.2f ms, %s max %.2f ms, errors %d",
                    percentile(50), wrkPercentiles == null ? String.format(Locale.ROOT, "p90 %.2f ms,",
                            percentile(90)) : "", percentile(99), wrkPercentiles == null
                            ? String.format(Locale.ROOT, "p99.9 %.2f ms,", percentile(99.9)) : "", max(), errors);
        }

        double max() {
            if (wrkPercentiles != null) {
                return wrkPercentiles[3];
            }
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    /** The whole app on a free port, its database persistent (fsync on) in a temporary folder. */
    private record App(ConfigurableApplicationContext context, int port) implements AutoCloseable {

        static App start(SlowOpenAi llm) throws IOException {
            Path dataDir = Files.createTempDirectory("orchestrator-benchmark");
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                    "--orchestrator.database.embedded.data-dir=" + dataDir,
                    "--orchestrator.security.initial-admin-password=benchmark-admin-password",
                    "--orchestrator.api.admin-key=" + KEY, "--orchestrator.api.main-app-key=",
                    // The benchmark's key and the baseline's anonymous GET /api/health go through the rate limiter
                    // (so its cost is in the figures) with budgets far above what the load can reach.
                    "--orchestrator.rate-limit.environment-key.per-minute=100000",
                    "--orchestrator.rate-limit.environment-key.burst=100000",
                    "--orchestrator.rate-limit.anonymous.per-minute=100000",
                    "--orchestrator.rate-limit.anonymous.burst=100000",
                    "--logging.level.root=warn", "--db-scheduler.threads=" + Integer.getInteger("benchmark.in-flight",
                            256),
                    "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("benchmark.pool", 24)));
            if (llm != null) {
                args.add("--orchestrator.llm.api-key=benchmark");
                args.add("--orchestrator.llm.base-url=" + llm.baseUrl());
            } else {
                args.add("--orchestrator.llm.api-key=");
            }
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                    .run(args.toArray(String[]::new));
            return new App(context, Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        }

        /** PostgreSQL's transactions (read-only ones included) and WAL flushes so far. */
        long[] commits() {
            return jdbc().queryForObject("SELECT (SELECT sum(xact_commit) FROM pg_stat_database), "
                    + "(SELECT wal_sync FROM pg_stat_wal)", (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)});
        }

        JdbcTemplate jdbc() {
            return context.getBean(JdbcTemplate.class);
        }

        void createAgent(String name, String type, String config) throws IOException {
            try (Response response = new OkHttpClient().newCall(post("/api/agents", "{\"name\": \"" + name
                    + "\", \"type\": \"" + type + "\"" + (config == null ? "" : ", \"config\": " + config) + "}"))
                    .execute()) {
                assertThat(response.code()).as(response.body() == null ? "" : response.body().string())
                        .isEqualTo(201);
            }
        }

        Request post(String path, String body) {
            return new Request.Builder().url("http://localhost:" + port + path)
                    .header("Authorization", "Bearer " + KEY).post(RequestBody.create(body, JSON)).build();
        }

        Request get(String path) {
            return new Request.Builder().url("http://localhost:" + port + path)
                    .header("Authorization", "Bearer " + KEY).build();
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
