package com.fitnesscrm.orchestrator.metrics.internal;

import com.fitnesscrm.orchestrator.metrics.Kpis;
import com.fitnesscrm.orchestrator.metrics.MetricPoint;
import com.fitnesscrm.orchestrator.metrics.MetricType;
import com.fitnesscrm.orchestrator.metrics.MetricsQuery;
import com.fitnesscrm.orchestrator.metrics.MetricsReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link MetricsReader} over the roll-ups: a range's counts and sums add up its periods' all-versions rows, its rates
 * follow from those sums (never an average of rates), and its percentiles come from the periods' merged duration
 * histograms.
 */
@Component
class RollupMetricsReader implements MetricsReader {

    private static final Set<MetricType> SUMMED = Set.of(MetricType.RUNS, MetricType.SUCCEEDED, MetricType.FAILED,
            MetricType.TIMED_OUT, MetricType.REJECTED, MetricType.TOKENS_IN, MetricType.TOKENS_OUT, MetricType.COST,
            MetricType.UNPRICED_RUNS, MetricType.LLM_RUNS, MetricType.VOTES, MetricType.HELPFUL_VOTES);

    private final JdbcTemplate jdbc;

    RollupMetricsReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Kpis kpis(MetricsQuery query) {
        Map<MetricType, Double> sums = new EnumMap<>(MetricType.class);
        List<Object> args = new ArrayList<>();
        jdbc.query("SELECT metric_type, sum(metric_value) AS total FROM ai_agent_metrics WHERE "
                + where(query, SUMMED, args) + " AND config_version IS NULL GROUP BY metric_type", (ResultSet rs) -> {
            sums.put(type(rs.getString("metric_type")), rs.getDouble("total"));
        }, args.toArray());
        long runs = count(sums, MetricType.RUNS);
        long votes = count(sums, MetricType.VOTES);
        DurationHistogram durations = DurationHistogram.merged(DurationHistogram.read(jdbc, query.period(),
                query.from(), query.to(), query.agents()).values());
        BigDecimal cost = BigDecimal.valueOf(sums.getOrDefault(MetricType.COST, 0.0)).setScale(6, RoundingMode.HALF_UP);
        return new Kpis(runs, count(sums, MetricType.SUCCEEDED), count(sums, MetricType.FAILED),
                count(sums, MetricType.TIMED_OUT), count(sums, MetricType.REJECTED),
                runs > 0 ? (double) count(sums, MetricType.SUCCEEDED) / runs : null,
                durations.total() > 0 ? durations.percentile(0.50) : null,
                durations.total() > 0 ? durations.percentile(0.95) : null,
                cost, count(sums, MetricType.UNPRICED_RUNS),
                runs > 0 ? cost.doubleValue() / runs : null,
                count(sums, MetricType.TOKENS_IN), count(sums, MetricType.TOKENS_OUT),
                runs > 0 ? (double) count(sums, MetricType.LLM_RUNS) / runs : null,
                votes > 0 ? (double) count(sums, MetricType.HELPFUL_VOTES) / votes : null, votes);
    }

    @Override
    public List<MetricPoint> series(MetricsQuery query, Set<MetricType> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String where = where(query, types, args);
        return jdbc.query("""
                SELECT agent_name, metric_type, period_start, period_end, config_version, metric_value
                FROM ai_agent_metrics WHERE\s""" + where
                + " ORDER BY agent_name, metric_type, period_start, COALESCE(config_version, 0)",
                (rs, row) -> new MetricPoint(rs.getString("agent_name"), type(rs.getString("metric_type")),
                        query.period(), rs.getTimestamp("period_start").toInstant(),
                        rs.getTimestamp("period_end").toInstant(), (Integer) rs.getObject("config_version"),
                        rs.getDouble("metric_value")), args.toArray());
    }

    /** The rows of {@code types} in the query's periods and agents. */
    private static String where(MetricsQuery query, Set<MetricType> types, List<Object> args) {
        StringBuilder sql = new StringBuilder("period = ? AND period_start >= ? AND period_start < ?");
        args.add(query.period().code());
        args.add(Timestamp.from(query.from()));
        args.add(Timestamp.from(query.to()));
        sql.append(" AND metric_type IN (").append(String.join(", ", types.stream().map(t -> "?").toList()))
                .append(')');
        types.forEach(type -> args.add(type.code()));
        if (!query.agents().isEmpty()) {
            sql.append(" AND agent_name IN (").append(String.join(", ", query.agents().stream().map(a -> "?")
                    .toList())).append(')');
            args.addAll(query.agents());
        }
        return sql.toString();
    }

    private static MetricType type(String code) {
        return MetricType.valueOf(code.toUpperCase(Locale.ROOT));
    }

    private static long count(Map<MetricType, Double> sums, MetricType type) {
        return Math.round(sums.getOrDefault(type, 0.0));
    }
}
