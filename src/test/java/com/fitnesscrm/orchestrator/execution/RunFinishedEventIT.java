package com.fitnesscrm.orchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.execution.testagents.SlowAgent;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * {@link RunFinished} is the hook metrics will listen to (decision 0016): each run that reaches a final status
 * publishes it once, with that status, whoever ended the run. Sync runs and cancels write their final status in the
 * caller's thread, the one these recorded events are from.
 */
@RecordApplicationEvents
class RunFinishedEventIT extends RunIntegrationTest {

    @Autowired
    private ApplicationEvents events;

    @Test
    void a_succeeded_run_is_announced_once_with_its_agent_and_engine() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        Run run = runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1, 2]}"), false));

        assertThat(finished(run.id())).singleElement().isEqualTo(new RunFinished(run.id(), sum.id(),
                RunStatus.SUCCEEDED, "rules", sum.name(), run.executionTime(), 0, 0, java.math.BigDecimal.ZERO));
    }

    @Test
    void a_refused_input_is_announced_once_as_rejected_so_metrics_can_leave_it_out() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        assertThatThrownBy(() -> runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [\"x\"]}"),
                false))).isInstanceOfSatisfying(RunRejectedException.class, e ->
                assertThat(finished(e.executionId())).extracting(RunFinished::status)
                        .containsExactly(RunStatus.REJECTED));
    }

    @Test
    void a_run_that_times_out_is_announced_once_as_timed_out() {
        Agent slow = agent(SlowAgent.TYPE.code(), "{\"timeout_seconds\": 1}");
        Run run = runs.run(RunRequest.forAgent(slow.name(), json("{\"millis\": 4000}"), false));

        assertThat(finished(run.id())).extracting(RunFinished::status)
                .containsExactly(RunStatus.TIMED_OUT);
    }

    @Test
    void a_cancelled_run_is_announced_once_as_cancelled() {
        Agent slow = agent(SlowAgent.TYPE.code(), "{\"timeout_seconds\": 60}");
        Run queued = runs.run(RunRequest.forAgent(slow.name(), json("{\"millis\": 20001}"), true));
        assertThat(finished(queued.id())).as("queued is not final").isEmpty();

        runs.cancel(queued.id());

        assertThat(finished(queued.id())).extracting(RunFinished::status, RunFinished::agentName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RunStatus.CANCELLED, slow.name()));
    }

    private List<RunFinished> finished(long id) {
        return events.stream(RunFinished.class).filter(event -> event.runId() == id).toList();
    }
}
