package com.fitnesscrm.orchestrator.metrics.internal;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.metrics.MetricPeriod;
import com.fitnesscrm.orchestrator.metrics.MetricRow;
import com.fitnesscrm.orchestrator.metrics.MetricRowFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the roll-up rows of {@code ai_agent_metrics} (those with a period; rows of the original service without one
 * are not roll-ups and are not listed), newest period first.
 */
@Repository
public class MetricRowStore {

    private final JdbcTemplate jdbc;

    MetricRowStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<MetricRow> rows(MetricRowFilter filter, int offset, int limit) {
        Where where = where(filter);
        where.args.add(limit);
        where.args.add(offset);
        return jdbc.query("""
                SELECT id, agent_id, agent_name, metric_type, metric_value, period, period_start, period_end,
                    config_version, created_at
                FROM ai_agent_metrics WHERE\s""" + where.sql + """
                 ORDER BY period_start DESC, agent_name, metric_type, COALESCE(config_version, 0), id
                LIMIT ? OFFSET ?""", this::row, where.args.toArray());
    }

    public long count(MetricRowFilter filter) {
        Where where = where(filter);
        Long count = jdbc.queryForObject("SELECT count(*) FROM ai_agent_metrics WHERE " + where.sql, Long.class,
                where.args.toArray());
        return count == null ? 0 : count;
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(MetricRowFilter filter) {
        StringBuilder sql = new StringBuilder("period IS NOT NULL");
        List<Object> args = new ArrayList<>();
        if (filter.agentId() != null) {
            sql.append(" AND agent_id = ?");
            args.add(filter.agentId());
        }
        if (filter.agentName() != null) {
            sql.append(" AND agent_name = ?");
            args.add(filter.agentName());
        }
        if (filter.type() != null) {
            sql.append(" AND metric_type = ?");
            args.add(filter.type().code());
        }
        if (filter.period() != null) {
            sql.append(" AND period = ?");
            args.add(filter.period().code());
        }
        if (filter.from() != null) {
            sql.append(" AND period_start >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND period_start < ?");
            args.add(Timestamp.from(filter.to()));
        }
        return new Where(sql.toString(), args);
    }

    private MetricRow row(ResultSet rs, int row) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new MetricRow(rs.getLong("id"), (Integer) rs.getObject("agent_id"), rs.getString("agent_name"),
                rs.getString("metric_type"), rs.getDouble("metric_value"),
                Coded.find(MetricPeriod.class, rs.getString("period")).orElse(null),
                rs.getTimestamp("period_start").toInstant(), rs.getTimestamp("period_end").toInstant(),
                (Integer) rs.getObject("config_version"), created == null ? null : created.toInstant());
    }
}
