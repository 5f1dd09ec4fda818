package com.fitnesscrm.orchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.execution.testagents.FailingRunListener;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A listener of {@link RunFinished} runs after the run's final write has committed: it cannot undo the
 * run, so it must not turn a recorded run into an error for its caller, nor make the scheduler retry an async run's
 * task that the finishing statement already deleted.
 */
class RunFinishedListenerFailureIT extends RunIntegrationTest {

    @Autowired
    private FailingRunListener listener;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void a_sync_run_is_answered_as_recorded_when_a_listener_fails() {
        Agent sum = failingListenerAgent();

        Run run = runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [2, 3]}"), false));

        assertThat(listener.threwFor(run.id())).isTrue();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.get(run.id()).output().get("total").asDouble()).isEqualTo(5);
    }

    @Test
    void an_async_run_finishes_once_and_leaves_no_task_when_a_listener_fails() {
        Agent sum = failingListenerAgent();

        Run queued = runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [4, 5]}"), true));
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.threwFor(queued.id()));

        Run done = runs.get(queued.id());
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ai_scheduled_tasks WHERE task_instance = ?",
                Integer.class, String.valueOf(queued.id()))).isZero();
    }

    private Agent failingListenerAgent() {
        return agents.create(new AgentDraft(FailingRunListener.PREFIX + UUID.randomUUID(), SumAgent.TYPE.code(), null,
                true, null, null));
    }
}
