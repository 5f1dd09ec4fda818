package com.fitnesscrm.orchestrator.metrics.internal;

import com.fitnesscrm.orchestrator.metrics.MetricPeriod;
import com.fitnesscrm.orchestrator.metrics.MetricType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the runs up into {@code ai_agent_metrics}, per agent and per hour and day (UTC), and their durations into
 * {@code ai_agent_metric_histograms}.
 *
 * <p>Each roll-up recomputes the periods that changed since the previous one: the hours of the runs that finished
 * since it began and of the runs voted on since then (so a late run or a late vote is counted in its own period),
 * and always the current and previous hour. Hours are computed from the runs; a day from its hours' rows and
 * histograms, so a busy day is never read run by run again. Rows are upserted on their key and the ones a period no
 * longer has are deleted: a rerun writes the same rows, with the same ids, never twice.
 */
@Component
public class MetricsRollup {

    /** Finished runs committed a little after the clock that stamped them are still found by the next roll-up. */
    static final Duration MARGIN = Duration.ofMinutes(5);
    /** Hours recomputed per transaction, so a first roll-up over a long history never holds one huge transaction. */
    private static final int HOURS_PER_BATCH = 24;
    private static final int DAYS_PER_BATCH = 31;
    private static final Logger log = LoggerFactory.getLogger(MetricsRollup.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** When the previous roll-up on this node began; null: never, so everything is rolled up once. */
    private volatile Instant previousStart;

    MetricsRollup(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What one roll-up did: the hours and days it wrote. */
    public record Result(int hours, int days) {
    }

    /**
     * Rolls up what changed. When the previous roll-up began is kept in {@code ai_metric_rollups} once it finished,
     * so a roll-up on another node, or after a restart, goes on from there.
     */
    public Result rollUp() {
        return rollUp(since());
    }

    /**
     * Rolls up every hour that has runs, whatever the previous roll-up saw: after runs were imported with their
     * original times, which no "finished since" finds.
     */
    public Result rebuild() {
        return rollUp(null);
    }

    private Result rollUp(Instant since) {
        Instant start = clock.instant();
        TreeSet<Instant> hours = dirtyHours(since, start);
        List<Instant> ordered = new ArrayList<>(hours);
        TreeSet<Instant> days = new TreeSet<>();
        for (int from = 0; from < ordered.size(); from += HOURS_PER_BATCH) {
            List<Instant> batch = ordered.subList(from, Math.min(ordered.size(), from + HOURS_PER_BATCH));
            transaction.executeWithoutResult(status -> batch.forEach(hour -> rollUpHour(hour, start)));
            batch.forEach(hour -> days.add(hour.truncatedTo(ChronoUnit.DAYS)));
        }
        List<Instant> dayList = new ArrayList<>(days);
        for (int from = 0; from < dayList.size(); from += DAYS_PER_BATCH) {
            List<Instant> batch = dayList.subList(from, Math.min(dayList.size(), from + DAYS_PER_BATCH));
            boolean last = from + DAYS_PER_BATCH >= dayList.size();
            transaction.executeWithoutResult(status -> {
                batch.forEach(day -> rollUpDay(day, start));
                if (last) {
                    // only once everything is written: a roll-up that failed half-way is redone whole
                    jdbc.update("""
                            INSERT INTO ai_metric_rollups (name, started_at) VALUES ('metrics', ?)
                            ON CONFLICT (name) DO UPDATE SET started_at = EXCLUDED.started_at""",
                            Timestamp.from(start));
                }
            });
        }
        previousStart = start;
        log.debug("Rolled up {} hour(s) and {} day(s) changed since {}", hours.size(), days.size(), since);
        return new Result(hours.size(), days.size());
    }

    private Instant since() {
        Instant known = previousStart;
        if (known == null) {
            known = jdbc.query("SELECT started_at FROM ai_metric_rollups WHERE name = 'metrics'",
                    (rs, row) -> rs.getTimestamp(1).toInstant()).stream().findFirst().orElse(null);
        }
        return known == null ? null : known.minus(MARGIN);
    }

    /** The hours whose runs or votes changed since {@code since} (all of them when null), and the last two. */
    private TreeSet<Instant> dirtyHours(Instant since, Instant now) {
        TreeSet<Instant> hours = new TreeSet<>();
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        hours.add(current);
        hours.add(current.minus(1, ChronoUnit.HOURS));
        if (since == null) {
            hours.addAll(jdbc.query("""
                    SELECT DISTINCT date_trunc('hour', started_at, 'UTC') FROM ai_agent_executions
                    WHERE completed_at IS NOT NULL""", (rs, row) -> rs.getTimestamp(1).toInstant()));
        } else {
            Timestamp from = Timestamp.from(since);
            hours.addAll(jdbc.query("""
                    SELECT DISTINCT date_trunc('hour', started_at, 'UTC') FROM ai_agent_executions
                    WHERE completed_at >= ?
                    UNION
                    SELECT DISTINCT date_trunc('hour', e.started_at, 'UTC')
                    FROM ai_feedback f JOIN ai_agent_executions e ON e.id = f.execution_id
                    WHERE f.updated_at >= ?""", (rs, row) -> rs.getTimestamp(1).toInstant(), from, from));
        }
        hours.removeIf(hour -> hour.isAfter(current));
        return hours;
    }

    /** One group of an hour's runs: an agent's, of one config version or (version null) of all. */
    private record Group(String agent, Integer agentId, Integer version) {
    }

    private void rollUpHour(Instant hour, Instant stamp) {
        Timestamp from = Timestamp.from(hour);
        Timestamp to = Timestamp.from(hour.plus(1, ChronoUnit.HOURS));
        Map<Group, Map<MetricType, Double>> groups = new LinkedHashMap<>();
        jdbc.query("""
                WITH r AS (
                    SELECT coalesce(e.agent_name, a.name, e.task_type, 'unknown') AS agent, e.agent_id,
                           e.config_version, e.status, e.engine, e.execution_time, e.tokens_in, e.tokens_out,
                           e.cost_usd, e.unpriced,
                           EXISTS (SELECT 1 FROM ai_execution_steps s
                                   WHERE s.execution_id = e.id AND s.kind = 'fallback') AS fell_back,
                           (SELECT count(*) FROM ai_feedback f WHERE f.execution_id = e.id) AS votes,
                           (SELECT count(*) FROM ai_feedback f
                            WHERE f.execution_id = e.id AND f.feedback = 'helpful') AS helpful
                    FROM ai_agent_executions e LEFT JOIN ai_agents a ON a.id = e.agent_id
                    WHERE e.started_at >= ? AND e.started_at < ?
                      AND e.status IN ('succeeded', 'failed', 'timed_out', 'rejected'))
                SELECT agent, max(agent_id) AS agent_id, config_version, GROUPING(config_version) AS all_versions,
                       count(*) FILTER (WHERE status <> 'rejected') AS runs,
                       count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
                       count(*) FILTER (WHERE status = 'failed') AS failed,
                       count(*) FILTER (WHERE status = 'timed_out') AS timed_out,
                       count(*) FILTER (WHERE status = 'rejected') AS rejected,
                       avg(execution_time) FILTER (WHERE status <> 'rejected') AS avg_time,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY execution_time)
                           FILTER (WHERE status <> 'rejected') AS p50_time,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY execution_time)
                           FILTER (WHERE status <> 'rejected') AS p95_time,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY execution_time)
                           FILTER (WHERE status <> 'rejected') AS p99_time,
                       coalesce(sum(tokens_in), 0) AS tokens_in, coalesce(sum(tokens_out), 0) AS tokens_out,
                       coalesce(sum(cost_usd) FILTER (WHERE NOT unpriced), 0) AS cost,
                       count(*) FILTER (WHERE unpriced) AS unpriced_runs,
                       count(*) FILTER (WHERE status <> 'rejected' AND engine IN ('llm', 'llm_repaired')) AS llm_runs,
                       count(*) FILTER (WHERE status <> 'rejected' AND fell_back) AS fallbacks,
                       count(*) FILTER (WHERE status <> 'rejected' AND engine = 'cache') AS cache_hits,
                       coalesce(sum(votes), 0) AS votes, coalesce(sum(helpful), 0) AS helpful_votes
                FROM r GROUP BY GROUPING SETS ((agent, config_version), (agent))""", (ResultSet rs) -> {
            boolean all = rs.getInt("all_versions") == 1;
            Integer version = all ? null : (Integer) rs.getObject("config_version");
            if (!all && version == null) {
                return; // runs recorded without a version: only in the all-versions rows
            }
            groups.put(new Group(rs.getString("agent"), (Integer) rs.getObject("agent_id"), version), values(rs));
        }, from, to);
        write(MetricPeriod.HOUR, hour, groups, stamp);
        jdbc.update("DELETE FROM ai_agent_metric_histograms WHERE period = 'hour' AND period_start = ?", from);
        jdbc.update("""
                INSERT INTO ai_agent_metric_histograms (agent_name, period, period_start, bucket, runs)
                SELECT coalesce(e.agent_name, a.name, e.task_type, 'unknown'), 'hour', ?,
                       %s, count(*)
                FROM ai_agent_executions e LEFT JOIN ai_agents a ON a.id = e.agent_id
                WHERE e.started_at >= ? AND e.started_at < ? AND e.execution_time IS NOT NULL
                  AND e.status IN ('succeeded', 'failed', 'timed_out')
                GROUP BY 1, 4""".formatted(DurationHistogram.BUCKET_SQL), from, from, to);
    }

    private static Map<MetricType, Double> values(ResultSet rs) throws SQLException {
        Map<MetricType, Double> values = new EnumMap<>(MetricType.class);
        for (MetricType type : List.of(MetricType.RUNS, MetricType.SUCCEEDED, MetricType.FAILED,
                MetricType.TIMED_OUT, MetricType.REJECTED, MetricType.TOKENS_IN, MetricType.TOKENS_OUT,
                MetricType.COST, MetricType.UNPRICED_RUNS, MetricType.LLM_RUNS, MetricType.VOTES,
                MetricType.HELPFUL_VOTES, MetricType.AVG_TIME, MetricType.P50_TIME, MetricType.P95_TIME,
                MetricType.P99_TIME)) {
            double value = rs.getDouble(type.code());
            if (!rs.wasNull()) {
                values.put(type, value);
            }
        }
        double runs = values.getOrDefault(MetricType.RUNS, 0.0);
        if (runs > 0) {
            values.put(MetricType.FALLBACK_RATE, rs.getDouble("fallbacks") / runs);
            values.put(MetricType.CACHE_HIT_RATE, rs.getDouble("cache_hits") / runs);
        }
        return rates(values);
    }

    /** The rates that follow from the counts: none where there was nothing to count. */
    private static Map<MetricType, Double> rates(Map<MetricType, Double> values) {
        double runs = values.getOrDefault(MetricType.RUNS, 0.0);
        if (runs > 0) {
            values.put(MetricType.SUCCESS_RATE, values.getOrDefault(MetricType.SUCCEEDED, 0.0) / runs);
        } else {
            List.of(MetricType.AVG_TIME, MetricType.P50_TIME, MetricType.P95_TIME, MetricType.P99_TIME)
                    .forEach(values::remove);
        }
        double votes = values.getOrDefault(MetricType.VOTES, 0.0);
        if (votes > 0) {
            values.put(MetricType.HELPFUL_RATE, values.getOrDefault(MetricType.HELPFUL_VOTES, 0.0) / votes);
        }
        return values;
    }

    /** A day from its hours: counts and sums add up, rates follow from them, times from the merged histograms. */
    private void rollUpDay(Instant day, Instant stamp) {
        Timestamp from = Timestamp.from(day);
        Timestamp to = Timestamp.from(day.plus(1, ChronoUnit.DAYS));
        Map<Group, Map<MetricType, Double>> groups = new LinkedHashMap<>();
        Map<Group, double[]> timeSums = new LinkedHashMap<>();
        Map<String, Integer> agentIds = new HashMap<>();
        jdbc.query("""
                SELECT agent_name, agent_id, config_version, metric_type, metric_value,
                       (SELECT m.metric_value FROM ai_agent_metrics m
                        WHERE m.period = 'hour' AND m.period_start = h.period_start AND m.agent_name = h.agent_name
                          AND m.metric_type = 'runs'
                          AND COALESCE(m.config_version, 0) = COALESCE(h.config_version, 0)) AS runs
                FROM ai_agent_metrics h
                WHERE period = 'hour' AND period_start >= ? AND period_start < ?""", (ResultSet rs) -> {
            // one group per name: an agent deleted and created again that day has two ids, its day one row
            Group group = new Group(rs.getString("agent_name"), null, (Integer) rs.getObject("config_version"));
            Integer agentId = (Integer) rs.getObject("agent_id");
            if (agentId != null) {
                agentIds.merge(group.agent(), agentId, Math::max);
            }
            Map<MetricType, Double> values = groups.computeIfAbsent(group, g -> new EnumMap<>(MetricType.class));
            MetricType type = MetricType.valueOf(rs.getString("metric_type").toUpperCase(Locale.ROOT));
            double value = rs.getDouble("metric_value");
            double runs = rs.getDouble("runs");
            switch (type) {
                case FALLBACK_RATE, CACHE_HIT_RATE -> values.merge(type, (double) Math.round(value * runs), Double::sum);
                case AVG_TIME -> timeSums.computeIfAbsent(group, g -> new double[1])[0] += value * runs;
                case SUCCESS_RATE, HELPFUL_RATE, P50_TIME, P95_TIME, P99_TIME -> {
                    // follow from the day's counts and histogram
                }
                default -> values.merge(type, value, Double::sum);
            }
        }, from, to);
        Map<String, DurationHistogram> histograms = DurationHistogram.read(jdbc, MetricPeriod.HOUR, day,
                day.plus(1, ChronoUnit.DAYS));
        for (Map.Entry<Group, Map<MetricType, Double>> entry : groups.entrySet()) {
            Map<MetricType, Double> values = entry.getValue();
            double runs = values.getOrDefault(MetricType.RUNS, 0.0);
            for (MetricType rate : List.of(MetricType.FALLBACK_RATE, MetricType.CACHE_HIT_RATE)) {
                Double count = values.remove(rate);
                if (runs > 0 && count != null) {
                    values.put(rate, count / runs);
                }
            }
            double[] timeSum = timeSums.get(entry.getKey());
            if (runs > 0 && timeSum != null) {
                values.put(MetricType.AVG_TIME, timeSum[0] / runs);
            }
            DurationHistogram histogram = histograms.get(entry.getKey().agent());
            if (entry.getKey().version() == null && histogram != null && histogram.total() > 0) {
                values.put(MetricType.P50_TIME, histogram.percentile(0.50));
                values.put(MetricType.P95_TIME, histogram.percentile(0.95));
                values.put(MetricType.P99_TIME, histogram.percentile(0.99));
            }
            rates(values);
        }
        Map<Group, Map<MetricType, Double>> withIds = new LinkedHashMap<>();
        groups.forEach((group, values) -> withIds.put(new Group(group.agent(), agentIds.get(group.agent()),
                group.version()), values));
        write(MetricPeriod.DAY, day, withIds, stamp);
        jdbc.update("DELETE FROM ai_agent_metric_histograms WHERE period = 'day' AND period_start = ?", from);
        jdbc.update("""
                INSERT INTO ai_agent_metric_histograms (agent_name, period, period_start, bucket, runs)
                SELECT agent_name, 'day', ?, bucket, sum(runs) FROM ai_agent_metric_histograms
                WHERE period = 'hour' AND period_start >= ? AND period_start < ?
                GROUP BY agent_name, bucket""", from, from, to);
    }

    /** Upserts the period's rows and deletes the ones it no longer has (stamped by an earlier roll-up). */
    private void write(MetricPeriod period, Instant start, Map<Group, Map<MetricType, Double>> groups,
                       Instant stamp) {
        Timestamp periodStart = Timestamp.from(start);
        Timestamp periodEnd = Timestamp.from(start.plus(period.length()));
        Timestamp updated = Timestamp.from(stamp);
        List<Object[]> rows = new ArrayList<>();
        groups.forEach((group, values) -> values.forEach((type, value) -> {
            if (Double.isFinite(value)) {
                rows.add(new Object[] {group.agentId(), group.agent(), type.code(), value, period.code(),
                        periodStart, periodEnd, group.version(), updated});
            }
        }));
        jdbc.batchUpdate("""
                INSERT INTO ai_agent_metrics (agent_id, agent_name, metric_type, metric_value, period, period_start,
                                              period_end, config_version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (agent_name, metric_type, period, period_start, (COALESCE(config_version, 0)))
                    WHERE period IS NOT NULL
                DO UPDATE SET metric_value = EXCLUDED.metric_value, agent_id = EXCLUDED.agent_id,
                              period_end = EXCLUDED.period_end, updated_at = EXCLUDED.updated_at""", rows);
        jdbc.update("DELETE FROM ai_agent_metrics WHERE period = ? AND period_start = ? AND updated_at < ?",
                period.code(), periodStart, updated);
    }
}
