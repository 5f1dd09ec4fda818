package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.metrics.MetricPeriod;
import com.fitnesscrm.orchestrator.metrics.MetricType;
import com.fitnesscrm.orchestrator.metrics.MetricsQuery;
import com.fitnesscrm.orchestrator.metrics.MetricsReader;
import com.fitnesscrm.orchestrator.metrics.internal.MetricsRollup;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17's budgets for the roll-ups: with 10 million runs in the table (generated with SQL over 60 days, five
 * agents), the roll-up of a busy hour (100,000 runs that just finished) under 10 s, and the dashboard's reads and
 * {@code GET /api/metrics} over 30 days under 200 ms (median of 20 after warm-up; the first full roll-up over the
 * whole history is printed too). Run with {@code ./mvnw -o -Pbenchmark verify -Dit.test=MetricsBenchmark}
 * ({@code -Dbenchmark.metrics.runs=10000000}).
 */
@ServerIntegrationTest
class MetricsBenchmark {

    private static final long RUNS = Long.getLong("benchmark.metrics.runs", 10_000_000L);
    private static final String ADMIN_KEY = "admin-key-for-tests-0123456789abcdef";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MetricsRollup rollup;
    @Autowired
    private MetricsReader reader;
    @LocalServerPort
    private int port;

    @Test
    void a_busy_hour_rolls_up_in_under_10_s_and_30_days_of_metrics_read_in_under_200_ms() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant historyEnd = now.minus(2, ChronoUnit.HOURS);
        long seconds = ChronoUnit.SECONDS.between(historyEnd.minus(60, ChronoUnit.DAYS), historyEnd);
        long started = System.nanoTime();
        for (long from = 0; from < RUNS; from += 1_000_000) {
            insert(from, Math.min(RUNS, from + 1_000_000), historyEnd, seconds, false);
        }
        jdbc.execute("ANALYZE ai_agent_executions");
        System.out.printf(Locale.ROOT, "inserted %,d runs over 60 days in %.0f s%n", RUNS, secondsSince(started));

        started = System.nanoTime();
        MetricsRollup.Result history = rollup.rebuild(); // imported history: no "finished since" finds it
        System.out.printf(Locale.ROOT, "first roll-up of the whole history: %d hours, %d days in %.1f s%n",
                history.hours(), history.days(), secondsSince(started));

        // the busy hour: 100,000 runs of the previous hour that finished just now
        insert(0, 100_000, now.minus(1, ChronoUnit.HOURS), 3_599, true);
        started = System.nanoTime();
        MetricsRollup.Result busy = rollup.rollUp();
        double busySeconds = secondsSince(started);
        System.out.printf(Locale.ROOT, "roll-up after a busy hour (100,000 runs): %d hours, %d days in %.2f s%n",
                busy.hours(), busy.days(), busySeconds);

        Instant to = now.plus(1, ChronoUnit.HOURS);
        MetricsQuery days = new MetricsQuery(to.minus(30, ChronoUnit.DAYS), to, MetricPeriod.DAY, Set.of());
        MetricsQuery hours = new MetricsQuery(to.minus(1, ChronoUnit.DAYS), to, MetricPeriod.HOUR, Set.of());
        double kpis = median(() -> reader.kpis(days));
        double series = median(() -> reader.series(days, EnumSet.allOf(MetricType.class)));
        double daySeries = median(() -> reader.series(hours, EnumSet.allOf(MetricType.class)));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest api = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/metrics?period=day&from="
                + days.from() + "&to=" + days.to() + "&per_page=100")).header("Authorization", "Bearer " + ADMIN_KEY)
                .GET().build();
        assertThat(http.send(api, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        double metricsApi = median(() -> {
            try {
                return http.send(api, HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.printf(Locale.ROOT, "30 days: kpis %.1f ms, series %.1f ms; 24 h series %.1f ms; "
                + "GET /api/metrics %.1f ms (medians of 20); load average %.2f on %d cores%n", kpis, series,
                daySeries, metricsApi, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());

        assertThat(busySeconds).isLessThan(10);
        assertThat(Math.max(Math.max(kpis, series), Math.max(daySeries, metricsApi))).isLessThan(200);
    }

    /** Runs {@code from}–{@code to} spread over {@code span} seconds before {@code end}; five agents, 2 % failing. */
    private void insert(long from, long to, Instant end, long span, boolean finishedNow) {
        jdbc.update("""
                INSERT INTO ai_agent_executions (status, execution_time, started_at, completed_at, agent_name,
                    task_type, config_version, engine, tokens_in, tokens_out, cost_usd, unpriced, mode)
                SELECT CASE WHEN i % 50 = 0 THEN 'failed' WHEN i % 97 = 0 THEN 'rejected' ELSE 'succeeded' END,
                       0.005 + (i % 1000) / 400.0,
                       s.at, CASE WHEN ? THEN now() ELSE s.at + interval '1 second' END,
                       'bench-agent-' || (i % 5), 'benchmark', 1 + (i % 2),
                       CASE WHEN i % 3 = 0 THEN 'llm' ELSE 'rules' END,
                       CASE WHEN i % 3 = 0 THEN 400 ELSE 0 END, CASE WHEN i % 3 = 0 THEN 150 ELSE 0 END,
                       CASE WHEN i % 3 = 0 THEN 0.0004 END, false, 'sync'
                FROM generate_series(?::bigint, ?::bigint - 1) AS i,
                     LATERAL (SELECT ?::timestamptz - make_interval(secs => (i * 7919) % ?) AS at) AS s""",
                finishedNow, from, to, Timestamp.from(end), span);
    }

    private static double median(Supplier<?> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
