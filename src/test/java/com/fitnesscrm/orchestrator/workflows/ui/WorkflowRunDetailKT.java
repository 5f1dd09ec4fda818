package com.fitnesscrm.orchestrator.workflows.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.workflows.WorkflowDraft;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
import com.fitnesscrm.orchestrator.workflows.testfunctions.GateFunction;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real workflow run (a sum agent, the test gate and an admin's approval) in the run detail view: the admin sees its
 * nodes with the child run, approves from the view and watches it finish; a failed run is resumed from the view.
 */
class WorkflowRunDetailKT extends KaribuTest {

    @Autowired
    private AgentService agents;
    @Autowired
    private WorkflowService workflows;
    @Autowired
    private RunService executions;
    @Autowired
    private ObjectMapper objectMapper;
    private String workflow;

    @BeforeEach
    void aWorkflow() throws Exception {
        GateFunction.FAILING.set(false);
        login(UserRole.ADMIN);
        String sum = "wf-ui-sum-" + UUID.randomUUID().toString().substring(0, 8);
        agents.create(new AgentDraft(sum, SumAgent.TYPE.code(), null, true, null, null));
        workflow = "wf-ui-" + UUID.randomUUID().toString().substring(0, 8);
        workflows.create(new WorkflowDraft(workflow, "Adds, and asks an admin when the total is big",
                objectMapper.readTree("""
                        {"start": "first",
                         "nodes": [
                           {"id": "first", "kind": "agent", "agent": "%s", "label": "Add them",
                            "input": {"numbers": "$input.numbers"}},
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
                           {"from": "approve", "to": "second"}]}
                        """.formatted(sum, sum)), null));
    }

    @AfterEach
    void openTheGate() {
        GateFunction.FAILING.set(false);
    }

    @Test
    void an_admin_approves_a_waiting_run_in_its_detail_and_sees_it_finish() {
        Run waiting = run(7, 8);
        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);

        WorkflowRunDetail detail = open(waiting.id());
        assertThat(nodeColumn(detail, "node")).containsExactly("Add them", "gate", "Add it again?");
        long child = executions.children(waiting.id()).get(0).id();
        assertThat(((RouterLink) _getCellComponent(detail.nodes, 0, "child")).getHref())
                .isEqualTo("executions/" + child);
        assertThat(detail.approval.waitingFor.getText()).contains("'Add it again?'").contains("by an admin.");
        assertThat(detail.approval.details.getText()).contains("\"total\" : 15.0");
        assertThat(((Span) _getCellComponent(detail.nodes, 2, "status")).getText()).isEqualTo("waiting");
        assertThat(detail.resume.isVisible()).isFalse();

        _setValue(detail.approval.note, "go on");
        _click(detail.approval.approve);

        awaitStatus(waiting.id(), RunStatus.SUCCEEDED);
        WorkflowRunDetail finished = _get(WorkflowRunDetail.class);
        assertThat(nodeColumn(finished, "node")).hasSize(4);
        assertThat(IntStream.range(0, 4).mapToObj(row -> ((Span) _getCellComponent(finished.nodes, row, "status"))
                .getText())).containsExactly("succeeded", "succeeded", "approved", "succeeded");
        assertThat(finished.approval).isNull();
        assertThat(executions.get(waiting.id()).output().path("nodes").path("approve").path("output")
                .path("note").asText()).isEqualTo("go on");
    }

    @Test
    void a_failed_run_is_resumed_from_its_detail_and_finishes() {
        GateFunction.FAILING.set(true);
        Run failed = run(1, 2);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);

        WorkflowRunDetail detail = open(failed.id());
        assertThat(detail.resume.isVisible()).isTrue();
        assertThat(_size(detail.nodes)).isEqualTo(2);
        GateFunction.FAILING.set(false);
        _click(detail.resume);

        awaitStatus(failed.id(), RunStatus.SUCCEEDED);
        assertThat(_get(WorkflowRunDetail.class).resume.isVisible()).isFalse();
        assertThat(executions.children(failed.id())).as("the first node is not run again").hasSize(1);
    }

    @Test
    void a_child_run_shows_no_workflow_panel_but_links_to_its_workflow_run() {
        Run parent = run(1, 2);
        Run child = executions.get(executions.children(parent.id()).get(0).id());
        UI.getCurrent().navigate("executions/" + child.id());
        assertThat(_find(WorkflowRunDetail.class)).isEmpty();
        assertThat(_find(RouterLink.class)).extracting(RouterLink::getText, RouterLink::getHref)
                .contains(org.assertj.core.groups.Tuple.tuple("Step of workflow run #" + parent.id(),
                        "executions/" + parent.id()));
    }

    private Run run(int... numbers) {
        JsonNode input = objectMapper.createObjectNode().set("numbers", objectMapper.valueToTree(numbers));
        return executions.run(RunRequest.forAgent(workflow, input, false));
    }

    private static WorkflowRunDetail open(long id) {
        UI.getCurrent().navigate("executions/" + id);
        return _get(WorkflowRunDetail.class);
    }

    /** Waits, as the view follows the run by push, until the run and the view have reached {@code status}. */
    private void awaitStatus(long id, RunStatus status) {
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
            // the refresher's ui.access() waits for the session lock Karibu's test thread holds: run its queue
            MockVaadin.runUIQueue();
            return executions.get(id).status() == status && !_find(WorkflowRunDetail.class).isEmpty()
                    && _get(WorkflowRunDetail.class).resume.isVisible() == (status == RunStatus.FAILED)
                    && _size(_get(WorkflowRunDetail.class).nodes) == executionsNodes(id)
                    // the panel is rebuilt on each status it sees: wait for the one of the finished run
                    && (!status.isFinished() || IntStream.range(0, executionsNodes(id)).noneMatch(row ->
                            ((Span) _getCellComponent(_get(WorkflowRunDetail.class).nodes, row, "status")).getText()
                                    .equals("running")));
        });
    }

    private int executionsNodes(long id) {
        return context.getBean(com.fitnesscrm.orchestrator.workflows.WorkflowRunService.class).nodes(id).size();
    }

    private static List<String> nodeColumn(WorkflowRunDetail detail, String key) {
        return IntStream.range(0, _size(detail.nodes)).mapToObj(row -> _getFormatted(detail.nodes, row, key))
                .toList();
    }
}
