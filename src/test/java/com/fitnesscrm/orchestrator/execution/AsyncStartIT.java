package com.fitnesscrm.orchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A queued run starts as soon as its transaction commits, not at the scheduler's next poll: its own context with a
 * poll every ten minutes, so only the wake after the commit can start the runs in time.
 */
@TestPropertySource(properties = "db-scheduler.polling-interval=10m")
class AsyncStartIT extends RunIntegrationTest {

    @Test
    void queued_runs_start_when_their_transaction_commits_without_waiting_for_the_next_poll() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        for (int i = 1; i <= 5; i++) {
            Run queued = runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [" + i + ", 1]}"), true));

            await().pollInSameThread().atMost(Duration.ofSeconds(20))
                    .until(() -> runs.get(queued.id()).status().isFinished());
            Run done = runs.get(queued.id());
            assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(done.output().get("total").asDouble()).isEqualTo(i + 1);
        }
    }
}
