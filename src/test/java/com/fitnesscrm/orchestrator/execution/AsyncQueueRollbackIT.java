package com.fitnesscrm.orchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Queuing a run writes the run and its durable task in one transaction: when the task cannot be written, the run is
 * not left behind as queued with nothing to execute it (it would wait for the reaper to fail it, minutes later).
 */
class AsyncQueueRollbackIT extends RunIntegrationTest {

    /** Ids the next runs may get; a concurrent run elsewhere in the context may take one of the first. */
    private static final int AHEAD = 10;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void a_run_whose_task_cannot_be_written_is_not_recorded_as_queued() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        long last = jdbc.queryForObject("SELECT nextval('ai_agent_executions_id_seq')", Long.class);
        // Tasks already named by the next run ids, due in a year: the queued run's task insert collides with one.
        Timestamp inAYear = Timestamp.from(Instant.now().plus(365, ChronoUnit.DAYS));
        for (long id = last + 1; id <= last + AHEAD; id++) {
            jdbc.update("INSERT INTO ai_scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                    + "VALUES ('agent-run', ?, ?, false, 1)", String.valueOf(id), inAYear);
        }
        try {
            assertThatThrownBy(() -> runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1, 2]}"), true)))
                    .isInstanceOf(RuntimeException.class);

            assertThat(jdbc.queryForObject("SELECT count(*) FROM ai_agent_executions WHERE id > ? AND id <= ?",
                    Long.class, last, last + AHEAD)).as("runs left behind by the failed queuing").isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ai_scheduled_tasks WHERE task_name = 'agent-run' "
                    + "AND task_instance::bigint > ? AND task_instance::bigint <= ? AND execution_time = ?", Long.class,
                    last, last + AHEAD, inAYear)).as("the tasks that were there, untouched").isEqualTo(AHEAD);
        } finally {
            jdbc.update("DELETE FROM ai_scheduled_tasks WHERE task_name = 'agent-run' AND execution_time = ?",
                    inAYear);
        }
    }
}
