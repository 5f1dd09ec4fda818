package com.fitnesscrm.orchestrator.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention trims old runs' input, output and steps, keeps their row (status, tokens, cost, agent), keeps recent runs
 * and runs that are evidence whole, never touches the roll-ups, and the run detail still answers for a trimmed run.
 */
@ServerIntegrationTest
class RunRetentionIT {

    private static final String ADMIN_KEY = "admin-key-for-tests-0123456789abcdef";

    @Autowired
    private RunRetention retention;
    @Autowired
    private JdbcTemplate jdbc;
    @LocalServerPort
    private int port;

    private final String agent = "retention-" + UUID.randomUUID();

    @Test
    void trims_old_runs_and_keeps_recent_runs_evidence_and_rollups() throws Exception {
        Instant now = Instant.now();
        long old = run(now.minus(Duration.ofDays(120)));
        long recent = run(now.minus(Duration.ofDays(10)));
        long evidence = run(now.minus(Duration.ofDays(200)));
        long errorGroupRun = run(now.minus(Duration.ofDays(200)));
        long suggestion = jdbc.queryForObject("""
                INSERT INTO ai_code_suggestions (file_path, issue_type, severity, description, suggestion)
                VALUES ('app.py', 'security', 'high', 'debug=True', 'turn it off') RETURNING id""", Long.class);
        jdbc.update("INSERT INTO ai_code_suggestion_evidence (suggestion_id, run_id, seen_at) VALUES (?, ?, now())",
                suggestion, evidence);
        jdbc.update("""
                INSERT INTO ai_error_groups (fingerprint, title, exception_type, language, first_seen, last_seen,
                                             last_run_id)
                VALUES (?, 'KeyError', 'KeyError', 'python', now(), now(), ?)""", UUID.randomUUID().toString()
                .replace("-", ""), errorGroupRun);
        jdbc.update("""
                INSERT INTO ai_agent_metrics (metric_type, metric_value, period_start, period_end, period, agent_name)
                VALUES ('runs', 7, ?, ?, 'day', ?)""", Timestamp.from(now.minus(Duration.ofDays(121))),
                Timestamp.from(now.minus(Duration.ofDays(120))), agent);

        assertThat(retention.trim()).isGreaterThanOrEqualTo(1);

        Map<String, Object> trimmed = row(old);
        assertThat(trimmed.get("payload_trimmed_at")).isNotNull();
        assertThat(trimmed.get("input_data").toString()).contains("payload removed by retention on");
        assertThat(trimmed.get("output_data").toString()).contains("payload removed by retention on");
        assertThat(trimmed.get("input_hash")).isNull();
        assertThat(trimmed).containsEntry("status", "succeeded").containsEntry("tokens_in", 120)
                .containsEntry("tokens_out", 80).containsEntry("agent_name", agent)
                .containsEntry("config_version", 3);
        assertThat(trimmed.get("cost_usd").toString()).startsWith("0.0125");
        assertThat(steps(old)).isZero();

        for (long kept : new long[] {recent, evidence, errorGroupRun}) {
            assertThat(row(kept).get("payload_trimmed_at")).as("run %d", kept).isNull();
            assertThat(row(kept).get("input_data").toString()).contains("numbers");
            assertThat(steps(kept)).as("steps of run %d", kept).isEqualTo(2);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ai_agent_metrics WHERE agent_name = ?", Long.class,
                agent)).isEqualTo(1);

        // A second trim finds nothing more to do among these runs.
        retention.trim();
        assertThat(row(old).get("payload_trimmed_at")).isEqualTo(trimmed.get("payload_trimmed_at"));

        HttpResponse<String> detail = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/executions/" + old))
                .header("X-API-Key", ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(detail.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(detail.body());
        assertThat(body.get("status").asText()).isEqualTo("succeeded");
        assertThat(body.at("/output_data/payload_removed").asText()).startsWith("payload removed by retention on ");
    }

    private long run(Instant startedAt) {
        long id = jdbc.queryForObject("""
                INSERT INTO ai_agent_executions (status, input_data, output_data, execution_time, started_at,
                    completed_at, agent_name, task_type, config_version, engine, tokens_in, tokens_out, cost_usd,
                    requested_by, requester_kind, input_hash)
                VALUES ('succeeded', '{"numbers": [1, 2]}', '{"total": 3}', 1.5, ?, ?, ?, 'sum_test', 3, 'llm',
                    120, 80, 0.0125, 'admin', 'user', md5(random()::text))
                RETURNING id""", Long.class, Timestamp.from(startedAt),
                Timestamp.from(startedAt.plusSeconds(2)), agent);
        for (int seq = 1; seq <= 2; seq++) {
            jdbc.update("""
                    INSERT INTO ai_execution_steps (execution_id, seq, name, kind, status, started_at, duration_ms)
                    VALUES (?, ?, 'step', 'node', 'succeeded', ?, 10)""", id, seq, Timestamp.from(startedAt));
        }
        return id;
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT * FROM ai_agent_executions WHERE id = ?", id);
    }

    private int steps(long id) {
        return jdbc.queryForObject("SELECT count(*) FROM ai_execution_steps WHERE execution_id = ?", Integer.class,
                id);
    }
}
