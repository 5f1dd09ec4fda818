package com.fitnesscrm.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agents and slo components read the runs table: a spike of failed runs of one agent shows at the next check,
 * on that agent, by its own thresholds; a caller's invalid input (rejected runs) is not the agent's failure.
 */
class AgentFailureSpikeIT extends RunIntegrationTest {

    @Autowired
    private HealthChecker checker;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    @Test
    void a_spike_of_failed_runs_makes_the_agent_and_its_slo_critical_at_the_next_check() {
        Agent agent = agent("progress_monitoring", null);
        runs(agent, "succeeded", 10);
        assertThat(agentRow(agent).get("status")).isEqualTo("healthy");
        assertThat(sloRow(agent).get("status")).isEqualTo("healthy");

        runs(agent, "failed", 4);
        runs(agent, "timed_out", 2);

        HealthReport report = checker.check(Set.of(), null);
        assertThat(report.component("agents").orElseThrow().status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(report.component("agents").orElseThrow().message()).contains(agent.name())
                .contains("6 of 16 runs failed");
        assertThat(agentRow(agent).get("status")).isEqualTo("critical");
        // 37.5 % failures against a 1 % budget: a burn of 37.5x in the hour and in the last five minutes.
        assertThat(sloRow(agent).get("status")).isEqualTo("critical");
        assertThat(sloRow(agent).get("burn_rate_1h")).isEqualTo(37.5);
        assertThat(report.overall()).isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    void rejected_input_is_the_callers_mistake_and_does_not_count_as_a_failure() {
        Agent agent = agent("progress_monitoring", null);
        runs(agent, "succeeded", 10);
        runs(agent, "rejected", 30);

        Map<String, Object> row = agentRow(agent);

        assertThat(row.get("status")).isEqualTo("healthy");
        assertThat(lastHour(row)).containsEntry("runs", 10).containsEntry("failures", 0);
    }

    @Test
    void the_thresholds_are_the_agents_own_from_its_config() {
        Agent lenient = agent("progress_monitoring",
                "{\"health\": {\"failure_rate_warning\": 0.3, \"failure_rate_critical\": 0.6}}");
        runs(lenient, "succeeded", 8);
        runs(lenient, "failed", 2);
        assertThat(agentRow(lenient).get("status")).isEqualTo("healthy");

        Agent strict = agent("progress_monitoring", "{\"health\": {\"failure_rate_critical\": 0.1}}");
        runs(strict, "succeeded", 9);
        runs(strict, "failed", 1);
        assertThat(agentRow(strict).get("status")).isEqualTo("critical");
    }

    private void runs(Agent agent, String status, int count) {
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            jdbc.update("""
                    INSERT INTO ai_agent_executions (agent_id, agent_name, task_type, status, started_at, running_at,
                        completed_at, execution_time, mode, input_data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0.2, 'sync', '{}'::jsonb)""", agent.id(), agent.name(),
                    agent.type(), status, Timestamp.from(now.minusSeconds(61)), Timestamp.from(now.minusSeconds(61)),
                    Timestamp.from(now.minusSeconds(60)));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> agentRow(Agent agent) {
        return row(checker.check(Set.of("agents"), null), "agents", agent);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sloRow(Agent agent) {
        return row(checker.check(Set.of("slo"), null), "slo", agent);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(HealthReport report, String component, Agent agent) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.component(component).orElseThrow()
                .metrics().get("agents");
        return rows.stream().filter(r -> agent.name().equals(r.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastHour(Map<String, Object> row) {
        return (Map<String, Object>) row.get("last_hour");
    }
}
