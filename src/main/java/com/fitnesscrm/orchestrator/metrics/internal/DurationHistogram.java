package com.fitnesscrm.orchestrator.metrics.internal;

import com.fitnesscrm.orchestrator.metrics.MetricPeriod;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Run durations counted in log-spaced buckets, eight per doubling: bucket 0 under 1 ms, bucket {@code b} from
 * {@code 2^((b-1)/8)} to {@code 2^(b/8)} ms, the last one open. Histograms of periods add up, so the percentiles of
 * any range are read from them; a percentile is the bucket's geometric middle, within 5 % of the exact one.
 */
final class DurationHistogram {

    static final int BUCKETS = 240;
    /** The bucket of {@code e.execution_time} (seconds), in SQL, as {@link #bucket} computes it. */
    static final String BUCKET_SQL = "CASE WHEN e.execution_time * 1000 < 1 THEN 0 ELSE LEAST(" + (BUCKETS - 1)
            + ", 1 + floor(8 * ln(e.execution_time * 1000) / ln(2)))::int END";

    private final long[] counts = new long[BUCKETS];
    private long total;

    static int bucket(double seconds) {
        double ms = seconds * 1000;
        return ms < 1 ? 0 : (int) Math.min(BUCKETS - 1, 1 + Math.floor(8 * Math.log(ms) / Math.log(2)));
    }

    void add(int bucket, long runs) {
        counts[Math.max(0, Math.min(BUCKETS - 1, bucket))] += runs;
        total += runs;
    }

    long total() {
        return total;
    }

    /** The {@code q} quantile (0–1) in seconds: the middle of the bucket where it falls. */
    double percentile(double q) {
        double rank = Math.max(1, Math.ceil(q * total));
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts[b];
            if (seen >= rank) {
                return b == 0 ? 0.0005 : Math.pow(2, (b - 0.5) / 8) / 1000;
            }
        }
        return Math.pow(2, (BUCKETS - 1.5) / 8) / 1000;
    }

    /** Each agent's histogram over the periods starting in {@code [from, to)}. */
    static Map<String, DurationHistogram> read(JdbcTemplate jdbc, MetricPeriod period, Instant from, Instant to) {
        return read(jdbc, period, from, to, Set.of());
    }

    /** As {@link #read(JdbcTemplate, MetricPeriod, Instant, Instant)}, for the named agents (empty: all). */
    static Map<String, DurationHistogram> read(JdbcTemplate jdbc, MetricPeriod period, Instant from, Instant to,
                                               Set<String> agents) {
        Map<String, DurationHistogram> histograms = new HashMap<>();
        List<Object> args = new ArrayList<>(List.of(period.code(), Timestamp.from(from), Timestamp.from(to)));
        String only = "";
        if (!agents.isEmpty()) {
            only = " AND agent_name IN (" + String.join(", ", agents.stream().map(a -> "?").toList()) + ")";
            args.addAll(agents);
        }
        jdbc.query("SELECT agent_name, bucket, sum(runs) AS runs FROM ai_agent_metric_histograms"
                + " WHERE period = ? AND period_start >= ? AND period_start < ?" + only
                + " GROUP BY agent_name, bucket", (ResultSet rs) -> {
            histograms.computeIfAbsent(rs.getString("agent_name"), a -> new DurationHistogram())
                    .add(rs.getInt("bucket"), rs.getLong("runs"));
        }, args.toArray());
        return histograms;
    }

    /** All of {@code histograms} as one. */
    static DurationHistogram merged(Iterable<DurationHistogram> histograms) {
        DurationHistogram merged = new DurationHistogram();
        for (DurationHistogram histogram : histograms) {
            for (int b = 0; b < BUCKETS; b++) {
                merged.counts[b] += histogram.counts[b];
            }
            merged.total += histogram.total;
        }
        return merged;
    }
}
