package com.fitnesscrm.orchestrator.health.internal;

import com.fitnesscrm.orchestrator.execution.RunStep;
import com.fitnesscrm.orchestrator.health.RemediationKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the runs' steps say about agents, for self-healing: whose LLM layer keeps giving no answer, and whose cached
 * answers fail validation. Each counts only what happened after the agent's latest remediation of that kind ended,
 * so one condition leads to one remediation.
 */
@Component
class HealingSignals {

    /** Runs whose LLM gave no answer within {@link #LLM_WINDOW} before an agent is switched to its rules. */
    static final int LLM_FAILURES = 3;
    static final Duration LLM_WINDOW = Duration.ofMinutes(15);
    /** Cached answers that failed validation within {@link #CACHE_WINDOW} before an agent's cache is cleared. */
    static final int CACHE_FAILURES = 1;
    static final Duration CACHE_WINDOW = Duration.ofHours(1);
    private static final int SAMPLE_RUNS = 20;

    private final JdbcTemplate jdbc;

    HealingSignals(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
    }

    /**
     * An agent and the runs that show the condition.
     *
     * @param runIds     the newest of them, at most 20
     * @param lastDetail the newest one's reason or violation
     * @param failPolicy whether the agent's fallback policy is {@code fail}: its owner wants no rules answers
     */
    record AgentSignal(int agentId, String agentName, String model, boolean failPolicy, int count,
                       List<Long> runIds, String lastDetail) {
    }

    /**
     * Agents with at least {@link #LLM_FAILURES} runs in the last {@link #LLM_WINDOW} whose LLM gave no answer (an
     * error after its retries, or a timeout), since their latest rules-only switch ended. A refused key or an open
     * circuit breaker is the provider's, not the agent's: those are for a person and the breaker.
     */
    List<AgentSignal> llmFailing(Instant now) {
        return jdbc.query("""
                WITH switched AS (
                    SELECT agent_id, max(CASE WHEN mode = 'dry_run' THEN created_at
                                              ELSE coalesce(undone_at, ended_at, expires_at) END) AS until
                    FROM ai_health_remediations WHERE kind = ? AND agent_id IS NOT NULL GROUP BY agent_id)
                SELECT e.agent_id, a.name, a.config ->> 'model' AS model,
                       coalesce(a.config ->> 'fallback_policy', 'rules') = 'fail' AS fail_policy,
                       count(*) AS failures, (array_agg(e.id ORDER BY e.id DESC))[1:?] AS run_ids,
                       (array_agg(f.input_summary ORDER BY e.id DESC))[1] AS last_detail
                FROM ai_agent_executions e
                JOIN ai_agents a ON a.id = e.agent_id
                JOIN LATERAL (SELECT s.input_summary FROM ai_execution_steps s
                              WHERE s.execution_id = e.id AND s.kind = 'fallback' AND s.input_summary LIKE ?
                              LIMIT 1) f ON true
                LEFT JOIN switched w ON w.agent_id = e.agent_id
                WHERE e.completed_at >= ? AND e.completed_at <= ? AND coalesce(a.enabled, true)
                  AND (w.until IS NULL OR e.completed_at > w.until)
                  AND f.input_summary NOT LIKE '%HTTP 401%' AND f.input_summary NOT LIKE '%HTTP 403%'
                  AND f.input_summary NOT LIKE '%(circuit_open)%' AND f.input_summary NOT LIKE '%(not_configured)%'
                GROUP BY e.agent_id, a.name, a.config ->> 'model', a.config ->> 'fallback_policy'
                HAVING count(*) >= ?
                ORDER BY e.agent_id""", this::signal, RemediationKind.LLM_RULES_ONLY.code(), SAMPLE_RUNS,
                RunStep.LLM_GAVE_NO_ANSWER + "%", ts(now.minus(LLM_WINDOW)), ts(now), LLM_FAILURES);
    }

    /**
     * Agents with at least {@link #CACHE_FAILURES} answers from their response cache that failed the rules' check
     * in the last {@link #CACHE_WINDOW}, since their cache was last cleared. The runner serves no such answer (it
     * asks the LLM instead), but an answer cached under rules it no longer passes says the agent's other cached
     * answers were made under those rules too.
     */
    List<AgentSignal> cachedAnswersFailing(Instant now) {
        return jdbc.query("""
                WITH cleared AS (
                    SELECT agent_id, max(created_at) AS at FROM ai_health_remediations
                    WHERE kind = ? AND agent_id IS NOT NULL AND undone_at IS NULL GROUP BY agent_id)
                SELECT e.agent_id, a.name, a.config ->> 'model' AS model, false AS fail_policy,
                       count(*) AS failures, (array_agg(e.id ORDER BY e.id DESC))[1:?] AS run_ids,
                       (array_agg(s.output_summary ORDER BY e.id DESC))[1] AS last_detail
                FROM ai_execution_steps s
                JOIN ai_agent_executions e ON e.id = s.execution_id
                JOIN ai_agents a ON a.id = e.agent_id
                LEFT JOIN cleared c ON c.agent_id = e.agent_id
                WHERE s.name = ? AND s.status <> 'succeeded' AND s.started_at >= ? AND s.started_at <= ?
                  AND (c.at IS NULL OR s.started_at > c.at)
                GROUP BY e.agent_id, a.name, a.config ->> 'model'
                HAVING count(*) >= ?
                ORDER BY e.agent_id""", this::signal, RemediationKind.CACHE_CLEAR.code(), SAMPLE_RUNS,
                RunStep.CACHED_ANSWER_CHECK, ts(now.minus(CACHE_WINDOW)), ts(now), CACHE_FAILURES);
    }

    /** The agent's configured model, for a probe; {@code null}: the provider's default. */
    String model(int agentId) {
        return jdbc.query("SELECT config ->> 'model' FROM ai_agents WHERE id = ?", (rs, i) -> rs.getString(1),
                agentId).stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    private AgentSignal signal(ResultSet rs, int row) throws SQLException {
        Array ids = rs.getArray("run_ids");
        return new AgentSignal(rs.getInt("agent_id"), rs.getString("name"), rs.getString("model"),
                rs.getBoolean("fail_policy"), rs.getInt("failures"),
                ids == null ? List.of() : Arrays.stream((Object[]) ids.getArray())
                        .map(id -> ((Number) id).longValue()).toList(),
                rs.getString("last_detail"));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
