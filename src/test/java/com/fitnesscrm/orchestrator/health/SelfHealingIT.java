package com.fitnesscrm.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.health.internal.HealthProbes;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Self-healing of the faults where a remediation is allowed, seen at the next check and on the record: connection
 * errors (the pool exhausted until a probe fails to connect) → the pool refilled; a run stuck past its deadline →
 * timed out; a dead node's async run → released and run by this node; and the hourly limit. Each also with
 * {@code SELF_HEALING=dry_run} (logged, not done) or {@code off} (neither), flipped on {@link SelfHealingPolicy}
 * rather than in a context of its own. The LLM cases are {@code SelfHealingLlmIT}'s.
 */
class SelfHealingIT extends RunIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    private HealthChecker checker;
    @Autowired
    private HealthProbes probes;
    @Autowired
    private SelfHealingPolicy policy;
    @Autowired
    private SelfHealingService selfHealing;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SchedulerClient scheduler;
    @Autowired
    private CustomTask<Long> agentRunTask;

    private SelfHealingMode mode;
    private int maxPerHour;
    private Duration coolDown;
    private Agent agent;

    @BeforeEach
    void keepThePolicyAndMakeAnAgent() {
        mode = policy.mode();
        maxPerHour = policy.maxPerHour();
        coolDown = policy.coolDown();
        // Other tests of this context may have used up the default limit of 3 within the hour.
        policy.use(SelfHealingMode.ON, 1000, coolDown);
        agent = agent(SumAgent.TYPE.code(), "{\"timeout_seconds\": " + TIMEOUT.toSeconds() + "}");
    }

    @AfterEach
    void restoreThePolicy() {
        policy.use(mode, maxPerHour, coolDown);
    }

    @Test
    void after_connection_errors_the_next_check_refills_the_pool_and_logs_it() throws Exception {
        failAConnection();
        int before = backendPid();

        HealthReport report = checker.check(Set.of(), null);

        Map<String, Object> refill = remediation(report, "pool_refill");
        assertThat(refill.get("mode")).isEqualTo("on");
        assertThat(refill.get("reason").toString()).contains("A connection to the database failed");
        assertThat(backendPid()).as("this thread's pooled connection was replaced").isNotEqualTo(before);
        Remediation logged = logged((Long) refill.get("id"));
        assertThat(logged.kind()).isEqualTo(RemediationKind.POOL_REFILL);
        assertThat(logged.evidence()).containsKeys("last_failed_connection", "pool_active", "pool_idle");

        // The same episode of errors is not healed twice.
        assertThat(checker.check(Set.of(), null).remediations()).noneMatch(r -> "pool_refill".equals(r.get("kind")));

        // Undo of a harmless kind: recorded, nothing to reverse.
        UndoResult undone = selfHealing.undo(logged.id(), "admin");
        assertThat(undone.reversed()).isFalse();
        assertThat(undone.message()).startsWith("Nothing to reverse");
        assertThat(undone.remediation().undoneBy()).isEqualTo("admin");
        assertThatThrownBy(() -> selfHealing.undo(logged.id(), "admin")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already undone");
    }

    @Test
    void in_a_dry_run_the_pool_refill_is_logged_but_not_done_and_when_off_neither() throws Exception {
        policy.use(SelfHealingMode.DRY_RUN, 1000, coolDown);
        failAConnection();
        int before = backendPid();

        Map<String, Object> wouldRefill = remediation(checker.check(Set.of(), null), "pool_refill");

        assertThat(wouldRefill.get("mode")).isEqualTo("dry_run");
        assertThat(wouldRefill.get("result").toString()).startsWith("Would evict");
        assertThat(backendPid()).as("the pooled connection is kept").isEqualTo(before);
        assertThatThrownBy(() -> selfHealing.undo((Long) wouldRefill.get("id"), "admin"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("dry run");

        policy.use(SelfHealingMode.OFF, 1000, coolDown);
        failAConnection();
        long logBefore = logSize();

        assertThat(checker.check(Set.of(), null).remediations()).isEmpty();
        assertThat(logSize()).isEqualTo(logBefore);
    }

    @Test
    void a_run_stuck_past_its_deadline_is_timed_out_at_the_next_check_and_cannot_be_undone() {
        long stuck = syncRun(TIMEOUT.plusSeconds(60));
        long withinItsTime = syncRun(TIMEOUT.minusSeconds(10));

        Map<String, Object> timedOut = remediation(checker.check(Set.of(), null), "stuck_run_timeout");

        assertThat(runIds(timedOut)).contains(stuck).doesNotContain(withinItsTime);
        assertThat(status(stuck)).isEqualTo("timed_out");
        assertThat(jdbc.queryForObject("SELECT error_message FROM ai_agent_executions WHERE id = ?", String.class,
                stuck)).contains("past its deadline");
        assertThat(status(withinItsTime)).isEqualTo("running");
        assertThatThrownBy(() -> selfHealing.undo((Long) timedOut.get("id"), "admin"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot be undone");
        finish(withinItsTime);
    }

    @Test
    void in_a_dry_run_a_stuck_run_is_logged_and_left_running() {
        policy.use(SelfHealingMode.DRY_RUN, 1000, coolDown);
        long stuck = syncRun(TIMEOUT.plusSeconds(60));

        Map<String, Object> wouldTimeOut = remediation(checker.check(Set.of(), null), "stuck_run_timeout");

        assertThat(runIds(wouldTimeOut)).contains(stuck);
        assertThat(wouldTimeOut.get("result").toString()).startsWith("Would record");
        assertThat(status(stuck)).isEqualTo("running");
        finish(stuck);
    }

    @Test
    void the_hourly_limit_per_kind_holds_and_what_is_left_becomes_a_recommendation() {
        int doneThisHour = jdbc.queryForObject("SELECT count(*)::int FROM ai_health_remediations "
                + "WHERE kind = 'stuck_run_timeout' AND created_at >= now() - interval '1 hour'", Integer.class);
        policy.use(SelfHealingMode.ON, doneThisHour + 1, coolDown);
        long first = syncRun(TIMEOUT.plusSeconds(60));
        assertThat(runIds(remediation(checker.check(Set.of(), null), "stuck_run_timeout"))).contains(first);

        long second = syncRun(TIMEOUT.plusSeconds(60));
        HealthReport limited = checker.check(Set.of(), null);

        assertThat(limited.remediations()).noneMatch(r -> "stuck_run_timeout".equals(r.get("kind")));
        assertThat(status(second)).isEqualTo("running");
        assertThat(limited.recommendations()).anySatisfy(r -> assertThat(r)
                .contains("stuck_run_timeout").contains("its limit (SELF_HEALING_MAX_PER_HOUR)"));
        finish(second);
    }

    @Test
    void an_async_run_held_by_a_dead_node_is_released_and_another_node_runs_it() {
        long run = asyncRunHeldByADeadNode();

        Map<String, Object> released = remediation(checker.check(Set.of(), null), "dead_node_release");

        assertThat(runIds(released)).contains(run);
        waitUntil(() -> "succeeded".equals(status(run)));
        assertThat(jdbc.queryForObject("SELECT attempts FROM ai_agent_executions WHERE id = ?", Integer.class, run))
                .isEqualTo(2);
    }

    @Test
    void in_a_dry_run_a_dead_nodes_run_stays_where_it_is() {
        policy.use(SelfHealingMode.DRY_RUN, 1000, coolDown);
        long run = asyncRunHeldByADeadNode();
        try {
            Map<String, Object> wouldRelease = remediation(checker.check(Set.of(), null), "dead_node_release");

            assertThat(runIds(wouldRelease)).contains(run);
            assertThat(jdbc.queryForObject("SELECT picked FROM ai_scheduled_tasks WHERE task_instance = ?",
                    Boolean.class, String.valueOf(run))).isTrue();
            assertThat(status(run)).isEqualTo("running");
        } finally {
            jdbc.update("DELETE FROM ai_scheduled_tasks WHERE task_instance = ?", String.valueOf(run));
            finish(run);
        }
    }

    @Test
    void the_log_lists_newest_first_and_refuses_a_page_out_of_range() {
        long stuck = syncRun(TIMEOUT.plusSeconds(60));
        long id = (Long) remediation(checker.check(Set.of(), null), "stuck_run_timeout").get("id");

        List<Remediation> page = selfHealing.list(1, 5);

        assertThat(page).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(page.get(0).id()).isGreaterThanOrEqualTo(id);
        assertThat(page).isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
        assertThat(status(stuck)).isEqualTo("timed_out");
        assertThatThrownBy(() -> selfHealing.list(1, 201)).hasMessageContaining("per_page");
        assertThatThrownBy(() -> selfHealing.undo(Long.MAX_VALUE, "admin"))
                .isInstanceOf(com.fitnesscrm.orchestrator.base.NotFoundException.class);
    }

    /** Every connection of the pool taken, so that a probe of the database fails to connect (after 5 s). */
    private void failAConnection() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            int max = ((HikariDataSource) dataSource).getMaximumPoolSize();
            try {
                while (held.size() < max) {
                    held.add(dataSource.getConnection());
                }
            } catch (SQLException e) {
                // a background job holds one: the pool is exhausted all the same
            }
            assertThat(probes.database().reachable()).isFalse();
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    /** The PostgreSQL backend of the connection this thread gets from the pool (Hikari hands a thread its last). */
    private int backendPid() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private long syncRun(Duration runningFor) {
        Timestamp then = Timestamp.from(Instant.now().minus(runningFor));
        return jdbc.queryForObject("""
                INSERT INTO ai_agent_executions (agent_id, agent_name, task_type, config_version, mode, input_data,
                    requested_by, requester_kind, started_at, status, running_at, attempts)
                VALUES (?, ?, ?, 1, 'sync', '{"numbers": [1, 2]}'::jsonb, 'admin', 'user', ?, 'running', ?, 1)
                RETURNING id""", Long.class, agent.id(), agent.name(), SumAgent.TYPE.code(), then, then);
    }

    /** An async run whose task a node picked and then died without a heartbeat: db-scheduler never revives it. */
    private long asyncRunHeldByADeadNode() {
        Timestamp then = Timestamp.from(Instant.now().minus(Duration.ofSeconds(5)));
        long id = jdbc.queryForObject("""
                INSERT INTO ai_agent_executions (agent_id, agent_name, task_type, config_version, mode, input_data,
                    requested_by, requester_kind, started_at, status, running_at, attempts)
                VALUES (?, ?, ?, 1, 'async', '{"numbers": [1, 2]}'::jsonb, 'admin', 'user', ?, 'running', ?, 1)
                RETURNING id""", Long.class, agent.id(), agent.name(), SumAgent.TYPE.code(), then, then);
        // Scheduled for later, so that no live node picks it before it is made the dead node's.
        scheduler.schedule(agentRunTask.instance(String.valueOf(id), id), Instant.now().plus(Duration.ofHours(1)));
        jdbc.update("UPDATE ai_scheduled_tasks SET picked = true, picked_by = 'dead-node-for-test', "
                + "last_heartbeat = NULL, execution_time = now() - interval '1 minute' WHERE task_instance = ?",
                String.valueOf(id));
        return id;
    }

    private static Map<String, Object> remediation(HealthReport report, String kind) {
        return report.remediations().stream().filter(r -> kind.equals(r.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " among " + report.remediations()));
    }

    @SuppressWarnings("unchecked")
    private static List<Long> runIds(Map<String, Object> remediation) {
        return (List<Long>) remediation.get("run_ids");
    }

    private Remediation logged(long id) {
        return selfHealing.list(1, 200).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private long logSize() {
        return jdbc.queryForObject("SELECT count(*) FROM ai_health_remediations", Long.class);
    }

    private String status(long run) {
        return jdbc.queryForObject("SELECT status FROM ai_agent_executions WHERE id = ?", String.class, run);
    }

    /** A run this test left running is finished, so that no later check of this context finds it stuck. */
    private void finish(long run) {
        jdbc.update("UPDATE ai_agent_executions SET status = 'cancelled', completed_at = now() WHERE id = ? "
                + "AND status IN ('queued', 'running')", run);
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
