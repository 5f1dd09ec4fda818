package com.fitnesscrm.orchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.execution.testagents.SlowAgent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A node takes no more queued runs than it has threads to execute them. A run it had taken and not yet started would
 * send no heartbeat, be found dead by the scheduler once it had waited longer than the missed heartbeats allow, and
 * be given to another node while this one still held it (executed twice, two LLM calls paid); and the runs it held
 * could not go to an idle node. Its own context: two threads, dead after 4 s without a heartbeat (a heartbeat a
 * second while a run executes), runs of 2.5 s: queued three times over, some waited 5 s picked.
 */
@TestPropertySource(properties = {"db-scheduler.threads=2", "db-scheduler.heartbeat-interval=1s",
        "db-scheduler.missed-heartbeats-limit=4"})
class AsyncPickIT extends RunIntegrationTest {

    private static final int RUNS = 8;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void a_node_takes_no_more_runs_than_it_has_threads_and_none_waits_long_enough_to_be_thought_dead() {
        Agent slow = agent(SlowAgent.TYPE.code(), null);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ids.add(runs.run(RunRequest.forAgent(slow.name(), json("{\"millis\": 2500}"), true)).id());
        }

        AtomicInteger mostPicked = new AtomicInteger();
        await("all runs finished").pollInSameThread().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    mostPicked.accumulateAndGet(jdbc.queryForObject(
                            "SELECT count(*) FROM ai_scheduled_tasks WHERE picked", Integer.class), Math::max);
                    return ids.stream().allMatch(id -> runs.get(id).status().isFinished());
                });

        assertThat(mostPicked.get()).as("runs this node held picked at once, with 2 threads").isLessThanOrEqualTo(2);
        for (long id : ids) {
            Run done = runs.get(id);
            assertThat(done.status()).as("run %d", id).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(done.attempts()).as("attempts of run %d", id).isEqualTo(1);
            assertThat(runs.steps(id)).as("steps of run %d", id)
                    .noneMatch(step -> step.name().startsWith("resume"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM ai_scheduled_tasks WHERE task_name = 'agent-run'", Integer.class) == 0);
    }
}
