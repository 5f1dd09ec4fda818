package com.fitnesscrm.orchestrator.health.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentPrograms;
import com.fitnesscrm.orchestrator.health.engine.HealthReadings;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The runs table read directly for the checks (the metrics roll-ups do not exist yet): each agent's finished runs in
 * the windows the agents and SLO checks look at, the async queue, and the LLM calls among the runs' steps. Rejected
 * runs are the caller's invalid input, not the agent's failure: they are left out of every count.
 */
final class RunReadings {

    /** Statuses of runs that ran and ended; {@code rejected} is left out on purpose. */
    private static final String FINISHED = "('succeeded', 'failed', 'timed_out', 'cancelled')";
    private static final String FAILED = "('failed', 'timed_out')";

    private final JdbcTemplate jdbc;
    /** Lazily: the programs include the Health Checker's own, which needs these readings. */
    private final ObjectProvider<AgentPrograms> programs;
    private final ObjectMapper objectMapper;

    RunReadings(JdbcTemplate jdbc, ObjectProvider<AgentPrograms> programs, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.objectMapper = objectMapper;
    }

    record AgentRow(int id, String name, String type, boolean enabled, AgentConfig config) {
    }

    List<AgentRow> agents() {
        return jdbc.query("SELECT id, name, type, coalesce(enabled, true) AS enabled, config::text AS config "
                + "FROM ai_agents ORDER BY id", (rs, i) -> new AgentRow(rs.getInt("id"), rs.getString("name"),
                rs.getString("type"), rs.getBoolean("enabled"), config(rs.getString("type"), rs.getString("config"))));
    }

    private AgentConfig config(String type, String json) {
        AgentConfig defaults = programs.getObject().defaultConfig(type);
        try {
            return json == null ? defaults : AgentConfig.read(objectMapper.readTree(json), defaults);
        } catch (Exception e) {
            return defaults; // a config the agents feature would refuse: judge the agent by the defaults
        }
    }

    /** Every agent's windows at {@code now}: 5 min, 30 min, 1 h, 6 h and 24 h, in one pass over the last day. */
    List<HealthReadings.Agent> agentWindows(List<AgentRow> agents, Instant now) {
        Map<Integer, Map<String, HealthReadings.Window>> windows = new HashMap<>();
        jdbc.query("""
                WITH recent AS (
                    SELECT e.agent_id, e.status, e.completed_at, e.execution_time,
                           EXISTS (SELECT 1 FROM ai_execution_steps s
                                   WHERE s.execution_id = e.id AND s.kind = 'fallback') AS fell_back
                    FROM ai_agent_executions e
                    WHERE e.completed_at >= ?::timestamptz - interval '24 hours' AND e.completed_at <= ?
                      AND e.status IN %s AND e.agent_id IS NOT NULL)
                SELECT agent_id, w.name,
                       count(*) AS runs,
                       count(*) FILTER (WHERE status IN %s) AS failures,
                       count(*) FILTER (WHERE fell_back) AS fallbacks,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY execution_time) AS p95
                FROM recent
                JOIN (VALUES ('5m', interval '5 minutes'), ('30m', interval '30 minutes'), ('1h', interval '1 hour'),
                             ('6h', interval '6 hours'), ('24h', interval '24 hours')) AS w (name, span)
                  ON completed_at >= ?::timestamptz - w.span
                GROUP BY agent_id, w.name""".formatted(FINISHED, FAILED), (ResultSet rs) -> {
            double p95 = rs.getDouble("p95");
            Duration p95Duration = rs.wasNull() ? null : Duration.ofNanos((long) (p95 * 1e9));
            windows.computeIfAbsent(rs.getInt("agent_id"), id -> new HashMap<>()).put(rs.getString("name"),
                    new HealthReadings.Window(rs.getInt("runs"), rs.getInt("failures"), rs.getInt("fallbacks"),
                            p95Duration));
        }, ts(now), ts(now), ts(now));
        List<HealthReadings.Agent> result = new ArrayList<>();
        for (AgentRow agent : agents) {
            Map<String, HealthReadings.Window> own = windows.getOrDefault(agent.id(), Map.of());
            AgentConfig.HealthThresholds health = agent.config().health();
            Duration timeout = Duration.ofSeconds(agent.config().timeoutSeconds());
            HealthReadings.Thresholds thresholds = new HealthReadings.Thresholds(health.failureRateWarning(),
                    health.failureRateCritical(),
                    health.p95WarningMs() != null ? Duration.ofMillis(health.p95WarningMs()) : timeout.dividedBy(2),
                    health.p95CriticalMs() != null ? Duration.ofMillis(health.p95CriticalMs())
                            : timeout.multipliedBy(9).dividedBy(10),
                    health.sloSuccessRate(), health.minRuns());
            result.add(new HealthReadings.Agent(agent.name(), agent.type(), agent.enabled(), thresholds, timeout,
                    window(own, "1h"), window(own, "24h"), window(own, "5m"), window(own, "30m"),
                    window(own, "6h")));
        }
        return result;
    }

    private static HealthReadings.Window window(Map<String, HealthReadings.Window> windows, String name) {
        return windows.getOrDefault(name, HealthReadings.Window.EMPTY);
    }

    /**
     * The async queue: queued and executing runs from the runs table, the oldest due task, tasks that failed an
     * attempt and tasks picked by a node whose heartbeat stopped (db-scheduler revives those after
     * {@code missedHeartbeats} × heartbeat).
     */
    HealthReadings.RunEngine runEngine(Instant now, Duration deadAfter) {
        Map<String, Object> runs = jdbc.queryForMap("""
                SELECT count(*) FILTER (WHERE status = 'queued') AS queued,
                       count(*) FILTER (WHERE status = 'running') AS running
                FROM ai_agent_executions WHERE status IN ('queued', 'running')""");
        Map<String, Object> tasks = jdbc.queryForMap("""
                SELECT min(execution_time) FILTER (WHERE NOT picked AND execution_time <= ?) AS oldest_due,
                       count(*) FILTER (WHERE consecutive_failures > 0) AS failed_attempts,
                       count(*) FILTER (WHERE picked AND (last_heartbeat IS NULL OR last_heartbeat < ?)) AS dead
                FROM ai_scheduled_tasks""", ts(now), ts(now.minus(deadAfter)));
        Timestamp oldest = (Timestamp) tasks.get("oldest_due");
        return new HealthReadings.RunEngine(number(runs.get("queued")), oldest == null ? null
                : Duration.between(oldest.toInstant(), now), number(runs.get("running")),
                number(tasks.get("failed_attempts")), number(tasks.get("dead")), null);
    }

    record LlmCalls(int calls, int errors, int rateLimited, int keyRefused, Duration p95) {
    }

    /** The LLM calls of the runs' steps in the hour before {@code now}. */
    LlmCalls llmCalls(Instant now) {
        return jdbc.queryForObject("""
                SELECT count(*) AS calls,
                       count(*) FILTER (WHERE status <> 'succeeded') AS errors,
                       count(*) FILTER (WHERE status <> 'succeeded' AND output_summary LIKE 'HTTP 429%') AS limited,
                       count(*) FILTER (WHERE status <> 'succeeded' AND (output_summary LIKE 'HTTP 401%'
                                        OR output_summary LIKE 'HTTP 403%')) AS refused,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
                FROM ai_execution_steps
                WHERE kind = 'llm_call' AND started_at >= ?::timestamptz - interval '1 hour' AND started_at <= ?""",
                (rs, i) -> {
                    double p95 = rs.getDouble("p95");
                    return new LlmCalls(rs.getInt("calls"), rs.getInt("errors"), rs.getInt("limited"),
                            rs.getInt("refused"), rs.wasNull() ? null : Duration.ofNanos((long) (p95 * 1e6)));
                }, ts(now), ts(now));
    }

    /** LLM spend per agent id since midnight UTC, as the budgets count it. */
    Map<Integer, BigDecimal> spentToday(Instant now) {
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Integer, BigDecimal> spent = new HashMap<>();
        jdbc.query("SELECT agent_id, sum(cost_usd) AS spent FROM ai_agent_executions WHERE started_at >= ? "
                        + "AND agent_id IS NOT NULL AND cost_usd IS NOT NULL GROUP BY agent_id",
                (ResultSet rs) -> {
                    spent.put(rs.getInt("agent_id"), rs.getBigDecimal("spent"));
                }, ts(midnight));
        return spent;
    }

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
