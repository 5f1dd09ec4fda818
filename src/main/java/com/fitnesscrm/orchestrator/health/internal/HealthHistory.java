package com.fitnesscrm.orchestrator.health.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthCheckRow;
import com.fitnesscrm.orchestrator.health.HealthReport;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The checks as stored in the original service's {@code ai_system_health}: one row per component per check, all rows
 * of one check sharing its {@code checked_at}.
 */
@Component
public class HealthHistory {

    private static final TypeReference<Map<String, Object>> METRICS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    HealthHistory(DataSource dataSource, ObjectMapper objectMapper) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
        this.objectMapper = objectMapper;
    }

    public void save(HealthReport report) {
        Timestamp at = Timestamp.from(report.checkedAt());
        jdbc.batchUpdate("INSERT INTO ai_system_health (component, status, message, metrics, checked_at) "
                        + "VALUES (?, ?, ?, ?::jsonb, ?)",
                report.components().stream().map(c -> new Object[] {c.component(), c.status().code(), c.message(),
                        json(c.metrics()), at}).toList());
    }

    /** The newest {@code limit} rows, newest first. */
    public List<HealthCheckRow> latest(int limit) {
        return jdbc.query("SELECT id, component, status, message, metrics::text AS metrics, checked_at "
                + "FROM ai_system_health ORDER BY checked_at DESC, id LIMIT ?", this::row, limit);
    }

    /** The rows of the latest check, in the order they were written. */
    public List<HealthCheckRow> latestCheck() {
        return jdbc.query("SELECT id, component, status, message, metrics::text AS metrics, checked_at "
                + "FROM ai_system_health WHERE checked_at = (SELECT max(checked_at) FROM ai_system_health) "
                + "ORDER BY id", this::row);
    }

    /**
     * Each component's worst status per bucket of {@code bucket} from {@code from} on, as bucket numbers (0: the
     * first) to statuses; the components in the order their rows were first written.
     */
    public Map<String, Map<Integer, HealthStatus>> worstPerBucket(Instant from, Duration bucket) {
        Map<String, Map<Integer, HealthStatus>> worst = new LinkedHashMap<>();
        jdbc.query("""
                SELECT component, floor(extract(epoch FROM checked_at - ?) / ?)::int AS bucket,
                       max(CASE status WHEN 'healthy' THEN 0 WHEN 'critical' THEN 2 ELSE 1 END) AS worst
                FROM ai_system_health WHERE checked_at >= ?
                GROUP BY component, bucket ORDER BY min(min(id)) OVER (PARTITION BY component), component, bucket""",
                (ResultSet rs) -> {
                    worst.computeIfAbsent(rs.getString("component"), c -> new TreeMap<>())
                            .put(rs.getInt("bucket"), HealthStatus.values()[rs.getInt("worst")]);
                }, Timestamp.from(from), bucket.toSeconds(), Timestamp.from(from));
        return worst;
    }

    /** Deletes the rows checked before {@code before}; returns how many. */
    public int trim(Instant before) {
        return jdbc.update("DELETE FROM ai_system_health WHERE checked_at < ?", Timestamp.from(before));
    }

    private HealthCheckRow row(ResultSet rs, int i) throws SQLException {
        String status = rs.getString("status");
        HealthStatus parsed;
        try {
            parsed = HealthStatus.fromCode(status);
        } catch (IllegalArgumentException e) {
            parsed = HealthStatus.WARNING; // a row the original service may have written in words of its own
        }
        return new HealthCheckRow(rs.getLong("id"), new ComponentHealth(rs.getString("component"), parsed,
                rs.getString("message"), metrics(rs.getString("metrics"))), rs.getTimestamp("checked_at").toInstant());
    }

    private Map<String, Object> metrics(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return objectMapper.readValue(json, METRICS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private String json(Map<String, Object> metrics) {
        try {
            return objectMapper.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Metrics are numbers, texts and lists of them", e);
        }
    }
}
