package com.fitnesscrm.orchestrator.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.Roles;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Runs that no node will finish end as failed with the reason, and only those. */
@IntegrationTest
class AbandonedRunReaperIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    private AbandonedRunReaper reaper;
    @Autowired
    private AgentService agents;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Scheduler quartz;
    @Autowired
    private SecurityContextHolderStrategy securityContext;
    @Autowired
    private ObjectMapper objectMapper;

    private Agent agent;

    @BeforeEach
    void createAgentWithAThirtySecondTimeout() throws Exception {
        securityContext.getContext().setAuthentication(new TestingAuthenticationToken("admin", null,
                "ROLE_" + Roles.ADMIN));
        agent = agents.create(new AgentDraft("reaper-" + UUID.randomUUID(), SumAgent.TYPE.code(), null, true,
                (ObjectNode) objectMapper.readTree("{\"timeout_seconds\": " + TIMEOUT.toSeconds() + "}"), null));
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void a_sync_run_left_running_past_its_timeout_and_the_grace_period_is_failed_with_the_reason() {
        Duration deadline = TIMEOUT.plus(AbandonedRunReaper.GRACE);
        long abandoned = run("sync", "running", deadline.plusSeconds(10));
        long stillWithinItsTime = run("sync", "running", deadline.minusSeconds(10));

        reaper.reap();

        Map<String, Object> failed = row(abandoned);
        assertThat(failed.get("status")).isEqualTo("failed");
        assertThat(failed.get("error_message")).isEqualTo(AbandonedRunReaper.SYNC_REASON);
        assertThat(failed.get("completed_at")).isNotNull();
        assertThat(row(stillWithinItsTime).get("status")).isEqualTo("running");
    }

    @Test
    void an_async_run_is_left_to_the_durable_scheduler_while_its_task_exists() {
        long withTask = run("async", "queued", Duration.ofHours(1));
        jdbc.update("INSERT INTO ai_scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                + "VALUES (?, ?, now() + interval '1 hour', false, 1)", AsyncRuns.TASK_NAME, String.valueOf(withTask));
        long withoutTask = run("async", "running", Duration.ofHours(1));

        try {
            reaper.reap();

            assertThat(row(withTask).get("status")).isEqualTo("queued");
            assertThat(row(withoutTask).get("status")).isEqualTo("failed");
            assertThat(row(withoutTask).get("error_message")).isEqualTo(AbandonedRunReaper.ASYNC_REASON);
        } finally {
            jdbc.update("DELETE FROM ai_scheduled_tasks WHERE task_instance = ?", String.valueOf(withTask));
        }
    }

    @Test
    void finished_runs_are_never_touched() {
        long finished = run("sync", "succeeded", Duration.ofDays(1));

        reaper.reap();

        assertThat(row(finished).get("status")).isEqualTo("succeeded");
        assertThat(row(finished).get("error_message")).isNull();
    }

    @Test
    void the_reaper_runs_every_minute_on_the_clustered_quartz_scheduler() throws Exception {
        assertThat(quartz.checkExists(JobKey.jobKey(AbandonedRunReaperJob.NAME))).isTrue();
        assertThat(quartz.getTrigger(TriggerKey.triggerKey(AbandonedRunReaperJob.NAME)).getNextFireTime())
                .isNotNull();
    }

    /** A run of the test agent that started {@code ago}, in {@code status}. */
    private long run(String mode, String status, Duration ago) {
        Timestamp then = Timestamp.from(Instant.now().minus(ago));
        return jdbc.queryForObject("""
                INSERT INTO ai_agent_executions (agent_id, agent_name, task_type, config_version, mode, input_data,
                    requested_by, requester_kind, started_at, status, running_at, attempts)
                VALUES (?, ?, ?, 1, ?, '{}'::jsonb, 'admin', 'user', ?, ?, ?, 1) RETURNING id""", Long.class,
                agent.id(), agent.name(), SumAgent.TYPE.code(), mode, then, status,
                "queued".equals(status) ? null : then);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT status, error_message, completed_at FROM ai_agent_executions WHERE id = ?",
                id);
    }
}
