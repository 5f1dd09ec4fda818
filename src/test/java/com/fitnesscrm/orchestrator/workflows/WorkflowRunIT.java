package com.fitnesscrm.orchestrator.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunComparison;
import com.fitnesscrm.orchestrator.execution.RunFilter;
import com.fitnesscrm.orchestrator.schedules.MisfirePolicy;
import com.fitnesscrm.orchestrator.schedules.OverlapPolicy;
import com.fitnesscrm.orchestrator.schedules.Schedule;
import com.fitnesscrm.orchestrator.schedules.ScheduleDraft;
import com.fitnesscrm.orchestrator.schedules.ScheduleService;
import java.util.Optional;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.workflows.testfunctions.GateFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Workflows end to end on the real runtime and PostgreSQL: a sum agent, a gate function and an admin's approval, run
 * through {@code RunService} like any agent.
 */
class WorkflowRunIT extends RunIntegrationTest {

    @Autowired
    WorkflowService workflows;
    @Autowired
    WorkflowRunService workflowRuns;
    @Autowired
    ScheduleService schedules;

    private String sumAgent;
    private String name;

    @BeforeEach
    void createAgentAndWorkflow() throws Exception {
        GateFunction.FAILING.set(false);
        sumAgent = "wf-sum-" + UUID.randomUUID().toString().substring(0, 8);
        agents.create(new AgentDraft(sumAgent, SumAgent.TYPE.code(), null, true, null, null));
        name = "wf-" + UUID.randomUUID().toString().substring(0, 8);
        workflows.create(new WorkflowDraft(name, "Adds, and asks an admin when the total is big", definition(), null));
    }

    @AfterEach
    void closeGate() {
        GateFunction.FAILING.set(false);
    }

    private JsonNode definition() throws Exception {
        return objectMapper.readTree("""
                {"start": "first",
                 "nodes": [
                   {"id": "first", "kind": "agent", "agent": "%s", "input": {"numbers": "$input.numbers"}},
                   {"id": "gate", "kind": "function", "function": "test_gate",
                    "input": {"total": "$nodes.first.output.total"}},
                   {"id": "approve", "kind": "approval", "role": "admin", "label": "Add it again?",
                    "input": {"total": "$nodes.gate.output.total"}},
                   {"id": "second", "kind": "agent", "agent": "%s",
                    "input": {"numbers": ["$nodes.first.output.total", 1]}}],
                 "edges": [
                   {"from": "first", "to": "gate"},
                   {"from": "gate", "to": "approve", "when": {"path": "$nodes.gate.output.big", "equals": true}},
                   {"from": "gate", "to": "end"},
                   {"from": "approve", "to": "second",
                    "when": {"path": "$nodes.approve.output.decision", "equals": "approved"}}]}
                """.formatted(sumAgent, sumAgent));
    }

    @Test
    void a_small_total_runs_straight_through_with_one_child_run() {
        Run run = runs.run(RunRequest.forAgent(name, objectMapper.createObjectNode().set("numbers",
                objectMapper.valueToTree(List.of(2, 3))), false));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.engine()).isEqualTo("workflow");
        assertThat(run.output().path("result").path("big").asBoolean(true)).isFalse();
        assertThat(run.output().path("nodes").path("first").path("output").path("total").asDouble()).isEqualTo(5);
        List<RunSummary> children = runs.children(run.id());
        assertThat(children).singleElement().satisfies(child -> {
            assertThat(child.agentName()).isEqualTo(sumAgent);
            assertThat(child.parentId()).isEqualTo(run.id());
            assertThat(child.requestedBy()).isEqualTo("admin");
        });
        assertThat(workflowRuns.nodes(run.id())).extracting(WorkflowRunService.NodeRecord::nodeId)
                .containsExactly("first", "gate");
    }

    @Test
    void a_big_total_waits_for_an_admin_and_goes_on_once_approved() {
        Run run = runs.run(RunRequest.forAgent(name, numbers(7, 8), false));

        assertThat(run.status()).isEqualTo(RunStatus.WAITING);
        assertThat(run.error()).contains("an admin").contains("Add it again?");
        PendingApproval pending = workflowRuns.pendingApproval(run.id()).orElseThrow();
        assertThat(pending.role()).isEqualTo("admin");
        assertThat(pending.details().path("total").asDouble()).isEqualTo(15);

        signInAs("some-trainer", Roles.TRAINER);
        assertThatThrownBy(() -> workflowRuns.approve(run.id(), "fine")).isInstanceOf(AccessDeniedException.class);
        signInAs("admin", Roles.ADMIN);
        workflowRuns.approve(run.id(), "go on");

        Run done = awaitFinished(run.id());
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.output().path("result").path("total").asDouble()).isEqualTo(16);
        assertThat(done.output().path("nodes").path("approve").path("output").path("note").asText())
                .isEqualTo("go on");
        assertThat(runs.children(run.id())).hasSize(2);
        assertThat(workflowRuns.nodes(run.id())).extracting(WorkflowRunService.NodeRecord::status)
                .containsExactly("succeeded", "succeeded", "approved", "succeeded");
        assertThatThrownBy(() -> workflowRuns.approve(run.id(), "again")).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_rejected_approval_ends_the_run_without_the_step_it_guarded() {
        Run run = runs.run(RunRequest.forAgent(name, numbers(7, 8), false));
        workflowRuns.reject(run.id(), "not today");

        Run done = awaitFinished(run.id());
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.output().path("nodes").has("second")).isFalse();
        assertThat(done.output().path("result").path("decision").asText()).isEqualTo("rejected");
        assertThat(runs.children(run.id())).hasSize(1);
    }

    @Test
    void a_failed_node_is_resumed_without_running_the_nodes_before_it_again() {
        GateFunction.FAILING.set(true);
        Run run = runs.run(RunRequest.forAgent(name, numbers(1, 2), false));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("test_gate").contains("total: The gate is closed");
        assertThat(run.output().path("nodes").has("first")).isTrue();
        assertThat(workflowRuns.nodes(run.id())).extracting(WorkflowRunService.NodeRecord::status)
                .containsExactly("succeeded", "failed");

        GateFunction.FAILING.set(false);
        workflowRuns.resume(run.id());
        Run done = awaitFinished(run.id());

        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.children(run.id())).as("the first node is not run again").hasSize(1);
        assertThat(done.output().path("result").path("total").asDouble()).isEqualTo(3);
        assertThatThrownBy(() -> workflowRuns.resume(run.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_definition_with_an_unknown_agent_an_unreachable_node_or_an_unlimited_cycle_is_refused_naming_it()
            throws Exception {
        JsonNode unknownAgent = objectMapper.readTree("""
                {"start": "a", "nodes": [{"id": "a", "kind": "agent", "agent": "nobody"}], "edges": []}""");
        assertThatThrownBy(() -> workflows.create(new WorkflowDraft("wf-bad-1", null, unknownAgent, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "definition.nodes[0].agent");

        JsonNode unreachable = objectMapper.readTree("""
                {"start": "a", "nodes": [{"id": "a", "kind": "function", "function": "test_gate"},
                                         {"id": "b", "kind": "function", "function": "test_gate"}],
                 "edges": [{"from": "a", "to": "end"}]}""");
        assertThat(workflows.validate(unreachable)).extracting(DefinitionProblem::field)
                .containsExactly("definition.nodes[1]");

        JsonNode cycle = objectMapper.readTree("""
                {"start": "a", "nodes": [{"id": "a", "kind": "function", "function": "test_gate"},
                                         {"id": "b", "kind": "function", "function": "test_gate"}],
                 "edges": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]}""");
        assertThat(workflows.validate(cycle)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("a → b → a").contains("max_visits"));
    }

    @Test
    void a_workflow_is_listed_and_versioned_and_a_run_keeps_the_version_it_started_with() throws Exception {
        Workflow workflow = workflows.list().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
        assertThat(workflow.version()).isEqualTo(1);
        Run waiting = runs.run(RunRequest.forAgent(name, numbers(7, 8), false));

        JsonNode changed = definition();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed).put("description", "changed");
        workflows.update(workflow.id(), new WorkflowDraft(null, null, changed, "a change"));
        assertThat(workflows.get(workflow.id()).version()).isEqualTo(2);
        assertThat(workflows.versions(workflow.id())).extracting(WorkflowVersion::version).containsExactly(2, 1);

        workflowRuns.approve(waiting.id(), null);
        Run done = awaitFinished(waiting.id());
        assertThat(done.configVersion()).isEqualTo(1);
        assertThat(done.output().path("version").asInt()).isEqualTo(1);

        workflows.rollback(workflow.id(), 1, null);
        assertThat(workflows.get(workflow.id()).version()).isEqualTo(3);
        assertThat(workflows.get(workflow.id()).definitionJson().has("description")).isFalse();
    }

    @Test
    void a_replay_with_a_config_change_links_to_its_original_and_runs_with_that_config() {
        Run original = runs.run(RunRequest.forAgent(sumAgent, numbers(1, 2), false));
        Run replay = runs.replay(original.id(), numbers(4, 5),
                objectMapper.createObjectNode().put("timeout_seconds", 7));

        Run done = awaitFinished(replay.id());
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.summary().replayOf()).isEqualTo(original.id());
        assertThat(done.output().path("total").asDouble()).isEqualTo(9);
        assertThatThrownBy(() -> runs.replay(original.id(), null,
                objectMapper.createObjectNode().put("temperature", 9)))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "config.temperature");

        signInAs("some-trainer", Roles.TRAINER);
        assertThatThrownBy(() -> runs.replay(original.id(), null,
                objectMapper.createObjectNode().put("daily_budget_usd", 1000)))
                .as("changing how an agent runs is an admin's").isInstanceOf(AccessDeniedException.class);
        assertThat(runs.replay(original.id(), numbers(1), null).status()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void two_config_versions_compare_side_by_side_after_a_replay() {
        Run first = runs.run(RunRequest.forAgent(sumAgent, numbers(1, 2), false));
        int agentId = first.agentId();
        agents.update(agentId, new AgentDraft(null, null, null, null,
                objectMapper.createObjectNode().put("temperature", 0.7), "warmer"));
        Run replay = awaitFinished(runs.replay(first.id(), numbers(1, 2, 3), null).id());

        RunComparison comparison = runs.compare(first.id(), replay.id());

        assertThat(comparison.left().configVersion()).isEqualTo(1);
        assertThat(comparison.right().configVersion()).isEqualTo(2);
        assertThat(comparison.config()).singleElement().satisfies(difference -> {
            assertThat(difference.path()).isEqualTo("temperature");
            assertThat(difference.left().asDouble()).isEqualTo(0.2);
            assertThat(difference.right().asDouble()).isEqualTo(0.7);
        });
        assertThat(comparison.input()).extracting(RunComparison.Difference::path).containsExactly("numbers[2]");
        assertThat(comparison.output()).extracting(RunComparison.Difference::path)
                .contains("total", "count");
    }

    @Test
    void a_schedule_names_a_workflow_as_it_names_an_agent_and_its_firing_runs_it() {
        Schedule schedule = schedules.create(new ScheduleDraft("wf-every-second-" + name, name, numbers(1, 1),
                "* * * * * ?", "UTC", OverlapPolicy.SKIP, MisfirePolicy.SKIP));
        try {
            // It fires every second: some run of it has finished while the newest may still be going.
            Run fired = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .until(() -> runs.list(RunFilter.any(), 0, 50).stream()
                            // other tests' rows (the original service's among them) may lack a requester
                            .filter(run -> ("schedule:" + schedule.id()).equals(run.requestedBy())
                                    && name.equals(run.agentName()) && run.status().isFinished())
                            .findFirst().map(run -> runs.get(run.id())), Optional::isPresent)
                    .orElseThrow();
            assertThat(fired.agentName()).isEqualTo(name);
            assertThat(fired.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(runs.children(fired.id())).singleElement()
                    .satisfies(child -> assertThat(child.requestedBy()).isEqualTo("schedule:" + schedule.id()));
        } finally {
            schedules.delete(schedule.id());
        }
    }

    private JsonNode numbers(int... values) {
        return objectMapper.createObjectNode().set("numbers", objectMapper.valueToTree(values));
    }

    private Run awaitFinished(long id) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(giveUp)) {
            Run run = runs.get(id);
            if (run.status().isFinished() || run.status() == RunStatus.WAITING && run.attempts() > 1) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Run " + id + " did not finish: " + runs.get(id).status());
    }
}
