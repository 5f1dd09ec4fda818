package com.fitnesscrm.orchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.execution.testagents.SlowAgent;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.Roles;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** The runtime through its service: every run recorded, refusals clear, async runs durable, cancels honoured. */
class RunServiceIT extends RunIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void a_sync_run_answers_with_the_rules_engines_output_and_is_recorded_with_its_steps() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        Run run = runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1, 2, 3.5]}"), false));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.output().get("total").asDouble()).isEqualTo(6.5);
        assertThat(run.engine()).isEqualTo("rules");
        assertThat(run.requestedBy()).isEqualTo("admin");
        assertThat(run.requesterKind()).isEqualTo("user");
        assertThat(run.configVersion()).isEqualTo(1);
        assertThat(run.costUsd()).isZero();

        Run stored = runs.get(run.id());
        assertThat(stored.output()).isEqualTo(run.output());
        assertThat(stored.completedAt()).isNotNull();
        assertThat(runs.steps(run.id())).extracting(RunStep::name, RunStep::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rules engine", StepKind.NODE),
                        org.assertj.core.groups.Tuple.tuple("check rules answer", StepKind.GUARDRAIL));
    }

    @Test
    void input_the_agent_refuses_is_recorded_as_a_rejected_run_naming_the_field() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        assertThatThrownBy(() -> runs.run(RunRequest.forAgent(sum.name(),
                json("{\"numbers\": [1, \"two\"]}"), false)))
                .isInstanceOfSatisfying(RunRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("numbers[1]");
                    Run rejected = runs.get(e.executionId());
                    assertThat(rejected.status()).as("the caller's mistake, not the agent's failure")
                            .isEqualTo(RunStatus.REJECTED);
                    assertThat(rejected.error()).contains("numbers[1]");
                });
    }

    @Test
    void unknown_agents_and_task_types_are_refused_not_answered_with_empty_results() {
        assertThatThrownBy(() -> runs.run(RunRequest.forAgent("no such agent", json("{}"), false)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runs.run(RunRequest.forTaskType("astrology", json("{}"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("task_type");
                    assertThat(e.getMessage()).contains("workout_optimization");
                });
    }

    @Test
    void an_agent_whose_engine_is_not_installed_answers_unavailable_and_records_why() {
        // A row of the original service's (or of a newer build's) type that this build has no engine for.
        jdbc.update("INSERT INTO ai_agents (name, type) VALUES ('Nutrition coach', 'nutrition_planning') "
                + "ON CONFLICT DO NOTHING");
        long before = runs.page(RunFilter.any(), 1, 1).total();
        assertThatThrownBy(() -> runs.run(RunRequest.forAgent("Nutrition coach", json("{}"), false)))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("nutrition_planning")
                .hasMessageContaining("not installed");
        RunSummary recorded = runs.page(RunFilter.any(), 1, 1).runs().get(0).run();
        assertThat(runs.page(RunFilter.any(), 1, 1).total()).isEqualTo(before + 1);
        assertThat(recorded.status()).isEqualTo(RunStatus.FAILED);
        assertThat(recorded.agentName()).isEqualTo("Nutrition coach");
        assertThat(recorded.error()).contains("not installed");
    }

    @Test
    void a_disabled_agent_refuses_to_run() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        agents.setEnabled(sum.id(), false);
        assertThatThrownBy(() -> runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": []}"), false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("disabled");
    }

    @Test
    void a_sync_run_longer_than_the_agents_timeout_is_recorded_as_timed_out() {
        Agent slow = agent(SlowAgent.TYPE.code(), "{\"timeout_seconds\": 1}");
        long started = System.nanoTime();
        Run run = runs.run(RunRequest.forAgent(slow.name(), json("{\"millis\": 5000}"), false));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(run.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(runs.get(run.id()).error()).contains("timeout of 1 s");

        // The run executed in this thread; the interrupt that stopped it is not left behind for the next work.
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        Agent sum = agent(SumAgent.TYPE.code(), null);
        assertThat(runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1, 2]}"), false)).status())
                .isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void a_run_stopped_at_its_timeout_shows_the_timeout_as_its_last_step() {
        Agent slow = agent(SlowAgent.TYPE.code(), "{\"timeout_seconds\": 1}");
        Run queued = runs.run(RunRequest.forAgent(slow.name(), json("{\"millis\": 5000}"), true));
        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> runs.get(queued.id()).status().isFinished());
        assertThat(runs.get(queued.id()).status()).isEqualTo(RunStatus.TIMED_OUT);
        // The interrupted engine unwinds after the run has ended; the timeline does not go on without it.
        await().pollInSameThread().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> {
            var steps = runs.steps(queued.id());
            return steps.get(steps.size() - 1).name().equals("timeout");
        });
    }

    @Test
    void an_async_run_is_queued_then_executed_by_the_durable_scheduler() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        Run queued = runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [2, 2]}"), true));
        assertThat(queued.status()).isIn(RunStatus.QUEUED, RunStatus.RUNNING,
                RunStatus.SUCCEEDED);
        assertThat(queued.mode()).isEqualTo("async");

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> runs.get(queued.id()).status().isFinished());
        Run done = runs.get(queued.id());
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.output().get("total").asDouble()).isEqualTo(4);
        assertThat(runs.steps(queued.id())).isNotEmpty();
    }

    @Test
    void a_running_async_run_can_be_cancelled_and_stays_cancelled() {
        Agent slow = agent(SlowAgent.TYPE.code(), "{\"timeout_seconds\": 60}");
        Run queued = runs.run(RunRequest.forAgent(slow.name(), json("{\"millis\": 30000}"), true));
        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> runs.get(queued.id()).status() == RunStatus.RUNNING);

        Run cancelled = runs.cancel(queued.id());
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.error()).contains("admin");
        assertThatThrownBy(() -> runs.cancel(queued.id())).isInstanceOf(ConflictException.class);
        await().pollInSameThread().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> runs.get(queued.id()).status() == RunStatus.CANCELLED);
    }

    @Test
    void the_same_idempotency_key_returns_the_same_run_and_never_runs_twice() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        String key = UUID.randomUUID().toString();
        Run first = runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1]}"), false)
                .withIdempotencyKey(key));
        long total = runs.page(RunFilter.any(), 1, 1).total();
        Run second = runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1]}"), false)
                .withIdempotencyKey(key));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(runs.page(RunFilter.any(), 1, 1).total()).isEqualTo(total);
    }

    @Test
    void an_idempotency_key_used_for_another_kind_of_agent_is_refused_naming_the_header() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        Agent slow = agent(SlowAgent.TYPE.code(), null);
        String key = UUID.randomUUID().toString();
        Run first = runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1]}"), false)
                .withIdempotencyKey(key));

        assertThatThrownBy(() -> runs.run(RunRequest.forAgent(slow.name(), json("{\"millis\": 1}"), false)
                .withIdempotencyKey(key)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("Idempotency-Key");
                    assertThat(e.getMessage()).contains("run " + first.id());
                });
    }

    @Test
    void a_trainer_may_not_cancel_someone_elses_run() {
        Agent slow = agent(SlowAgent.TYPE.code(), "{\"timeout_seconds\": 60}");
        Run queued = runs.run(RunRequest.forAgent(slow.name(), json("{\"millis\": 20000}"), true));
        signInAs("trainer-" + UUID.randomUUID(), Roles.TRAINER);
        assertThatThrownBy(() -> runs.cancel(queued.id())).isInstanceOf(AccessDeniedException.class);
        signInAs("admin", Roles.ADMIN);
        runs.cancel(queued.id());
    }
}
