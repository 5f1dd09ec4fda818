package com.fitnesscrm.orchestrator.health.internal;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.health.HealthAlert;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ai_health_alerts} (V0017): what was alerted, on which channel, and how its delivery went. The unique key
 * {@code (component, seq, channel)} is the cluster's rule: of two nodes deciding the same alert, the second one's
 * insert does nothing, and only the node whose rows went in sends them.
 */
@Component
public class AlertLog {

    private static final int MAX_ERROR = 1000;

    private final JdbcTemplate jdbc;

    AlertLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
    }

    /** The latest alert of each component that has one. */
    Map<String, AlertRules.Last> latest() {
        Map<String, AlertRules.Last> latest = new HashMap<>();
        jdbc.query("SELECT DISTINCT ON (component) component, seq, to_status, created_at FROM ai_health_alerts "
                + "ORDER BY component, seq DESC", rs -> {
                    latest.put(rs.getString("component"), new AlertRules.Last(rs.getInt("seq"),
                            status(rs.getString("to_status")), rs.getTimestamp("created_at").toInstant()));
                });
        return latest;
    }

    /**
     * Records {@code decision} once per channel, all in one statement; returns the ids and channels that went in,
     * none when another node recorded this alert first.
     */
    List<Map.Entry<Long, String>> record(AlertRules.Decision decision, List<String> channels, Instant at) {
        String delivery = channels.equals(List.of("none")) ? "not_configured" : "pending";
        List<Object> arguments = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (String channel : channels) {
            values.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            arguments.addAll(List.of(decision.component().component(), decision.seq(), decision.kind().code(),
                    decision.from().code(), decision.to().code(), decision.message(), channel, delivery,
                    Timestamp.from(at)));
        }
        return jdbc.query("INSERT INTO ai_health_alerts (component, seq, kind, from_status, to_status, message, "
                        + "channel, delivery, created_at) VALUES " + values
                        + " ON CONFLICT ON CONSTRAINT ai_health_alerts_once DO NOTHING RETURNING id, channel",
                (rs, i) -> Map.entry(rs.getLong("id"), rs.getString("channel")), arguments.toArray());
    }

    void sent(long id, int attempts, Instant at) {
        jdbc.update("UPDATE ai_health_alerts SET delivery = 'sent', attempts = ?, sent_at = ?, last_error = NULL "
                + "WHERE id = ?", attempts, Timestamp.from(at), id);
    }

    /** An attempt failed; {@code last}: it was the final one. */
    void attemptFailed(long id, int attempts, String error, boolean last) {
        String bounded = error == null ? "unknown error" : error.length() <= MAX_ERROR ? error
                : error.substring(0, MAX_ERROR);
        jdbc.update("UPDATE ai_health_alerts SET delivery = ?, attempts = ?, last_error = ? WHERE id = ?",
                last ? "failed" : "pending", attempts, bounded, id);
    }

    /** The newest {@code limit} alerts, newest first. */
    public List<HealthAlert> newest(int limit) {
        return jdbc.query("SELECT * FROM ai_health_alerts ORDER BY created_at DESC, id DESC LIMIT ?", this::row,
                limit);
    }

    /** Deletes alerts older than {@code before}, except each component's latest: the next check compares with it. */
    int trim(Instant before) {
        return jdbc.update("DELETE FROM ai_health_alerts a WHERE created_at < ? AND seq < "
                + "(SELECT max(seq) FROM ai_health_alerts b WHERE b.component = a.component)", Timestamp.from(before));
    }

    private HealthAlert row(ResultSet rs, int i) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new HealthAlert(rs.getLong("id"), rs.getString("component"),
                Coded.find(HealthAlert.Kind.class, rs.getString("kind")).orElse(HealthAlert.Kind.CHANGE),
                status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("message"),
                rs.getString("channel"), rs.getString("delivery"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }

    private static HealthStatus status(String code) {
        try {
            return HealthStatus.fromCode(code);
        } catch (IllegalArgumentException e) {
            return HealthStatus.WARNING;
        }
    }
}
