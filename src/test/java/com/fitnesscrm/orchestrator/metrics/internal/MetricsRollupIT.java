package com.fitnesscrm.orchestrator.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.metrics.Kpis;
import com.fitnesscrm.orchestrator.metrics.MetricPeriod;
import com.fitnesscrm.orchestrator.metrics.MetricsQuery;
import com.fitnesscrm.orchestrator.metrics.MetricsReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs with known outcomes and durations, in an hour of their own, rolled up: the hour's and the day's rows are the
 * expected counts, rates and percentiles; a rerun writes no row twice; a run that finishes late and a vote given
 * later are counted in their period at the next roll-up; a caller's invalid input is no failure.
 */
@IntegrationTest
class MetricsRollupIT {

    private static final Instant HOUR = Instant.parse("2026-03-04T10:00:00Z");
    private static final Instant DAY = HOUR.truncatedTo(ChronoUnit.DAYS);

    @Autowired
    private MetricsRollup rollup;
    @Autowired
    private MetricsReader reader;
    @Autowired
    private JdbcTemplate jdbc;

    private final String agent = "rollup-" + UUID.randomUUID();

    @Test
    void an_hour_of_known_runs_rolls_up_into_the_expected_rows_once_and_late_runs_and_votes_are_counted_next_time() {
        // ten runs of 0.1 … 1.0 s: eight succeeded (two of them by the LLM, one from the cache, one fell back), one
        // failed, one timed out; and a caller's invalid input
        long[] ids = new long[10];
        for (int i = 0; i < 10; i++) {
            String status = i == 8 ? "failed" : i == 9 ? "timed_out" : "succeeded";
            String engine = i < 2 ? "llm" : i == 2 ? "cache" : "rules";
            ids[i] = run(status, engine, 0.1 * (i + 1), 2, i < 2 ? 100 : 0, i < 2 ? 0.01 : null);
        }
        fallback(ids[3]);
        run("rejected", null, 0.001, 2, 0, null);
        vote(ids[0], "helpful", "user:1");
        vote(ids[1], "not_helpful", "user:1");

        rollup.rollUp();

        Map<String, Double> hour = rows("hour", HOUR, null);
        assertThat(hour).containsEntry("runs", 10.0).containsEntry("succeeded", 8.0).containsEntry("failed", 1.0)
                .containsEntry("timed_out", 1.0).containsEntry("rejected", 1.0).containsEntry("llm_runs", 2.0)
                .containsEntry("tokens_in", 200.0).containsEntry("votes", 2.0).containsEntry("helpful_votes", 1.0);
        assertThat(hour.get("success_rate")).isEqualTo(0.8); // the rejected run is not a failure of the agent
        assertThat(hour.get("avg_time")).isCloseTo(0.55, within(1e-9));
        assertThat(hour.get("p50_time")).isCloseTo(0.55, within(1e-9)); // exact for an hour
        assertThat(hour.get("p95_time")).isCloseTo(0.955, within(1e-9));
        assertThat(hour.get("cost")).isCloseTo(0.02, within(1e-9));
        assertThat(hour.get("fallback_rate")).isEqualTo(0.1);
        assertThat(hour.get("cache_hit_rate")).isEqualTo(0.1);
        assertThat(hour.get("helpful_rate")).isEqualTo(0.5);
        assertThat(rows("hour", HOUR, 3)).containsEntry("runs", 10.0).containsEntry("helpful_rate", 0.5);

        Map<String, Double> day = rows("day", DAY, null);
        assertThat(day).containsEntry("runs", 10.0).containsEntry("success_rate", 0.8)
                .containsEntry("fallback_rate", 0.1).containsEntry("helpful_rate", 0.5);
        assertThat(day.get("p95_time")).isCloseTo(1.0, within(0.05)); // from the histogram: within its bucket

        List<Long> idsBefore = rowIds();
        rollup.rollUp();
        assertThat(rowIds()).as("a rerun writes the same rows, never twice").isEqualTo(idsBefore);

        // a run of that hour that finished only now, and a second vote, come in at the next roll-up
        run("failed", "rules", 2.0, 0, 0, null);
        vote(ids[1], "helpful", "user:2");
        rollup.rollUp();

        Map<String, Double> later = rows("hour", HOUR, null);
        assertThat(later).containsEntry("runs", 11.0).containsEntry("failed", 2.0).containsEntry("votes", 3.0);
        assertThat(later.get("success_rate")).isCloseTo(8 / 11.0, within(1e-9));
        assertThat(later.get("helpful_rate")).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(rows("day", DAY, null)).containsEntry("runs", 11.0);

        Kpis kpis = reader.kpis(new MetricsQuery(DAY, DAY.plus(1, ChronoUnit.DAYS), MetricPeriod.HOUR,
                Set.of(agent)));
        assertThat(kpis.runs()).isEqualTo(11);
        assertThat(kpis.rejected()).isEqualTo(1);
        assertThat(kpis.successRate()).isCloseTo(8 / 11.0, within(1e-9));
        assertThat(kpis.llmShare()).isCloseTo(2 / 11.0, within(1e-9));
        assertThat(kpis.helpfulRate()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(kpis.p95Seconds()).isCloseTo(2.0, within(0.1));
        assertThat(kpis.cost().doubleValue()).isCloseTo(0.02, within(1e-9));
    }

    /** A run requested {@code minute} minutes into {@link #HOUR} that finished now: what a roll-up looks for. */
    private long run(String status, String engine, double seconds, int minute, int tokens, Double cost) {
        Instant started = HOUR.plus(minute, ChronoUnit.MINUTES);
        return jdbc.queryForObject("""
                INSERT INTO ai_agent_executions (status, execution_time, started_at, completed_at, agent_name,
                    task_type, config_version, engine, tokens_in, tokens_out, cost_usd, unpriced)
                VALUES (?, ?, ?, now(), ?, 'rollup_test', 3, ?, ?, 0, ?, false)
                RETURNING id""", Long.class, status, seconds, Timestamp.from(started), agent, engine, tokens, cost);
    }

    private void fallback(long run) {
        jdbc.update("""
                INSERT INTO ai_execution_steps (execution_id, seq, name, kind, status, started_at, duration_ms)
                VALUES (?, 1, 'Rules instead', 'fallback', 'succeeded', now(), 1)""", run);
    }

    private void vote(long run, String feedback, String voter) {
        jdbc.update("""
                INSERT INTO ai_feedback (execution_id, agent_name, config_version, voter, feedback, source)
                VALUES (?, ?, 3, ?, ?, 'api')""", run, agent, voter, feedback);
    }

    private Map<String, Double> rows(String period, Instant start, Integer version) {
        return jdbc.queryForList("""
                SELECT metric_type, metric_value FROM ai_agent_metrics
                WHERE agent_name = ? AND period = ? AND period_start = ?
                  AND COALESCE(config_version, 0) = COALESCE(?, 0)""", agent, period, Timestamp.from(start), version)
                .stream().collect(Collectors.toMap(row -> (String) row.get("metric_type"),
                        row -> ((Number) row.get("metric_value")).doubleValue()));
    }

    private List<Long> rowIds() {
        return jdbc.queryForList("SELECT id FROM ai_agent_metrics WHERE agent_name = ? ORDER BY id", Long.class, agent);
    }
}
