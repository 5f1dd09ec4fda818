package com.fitnesscrm.orchestrator.workflows.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.execution.ui.RunDetailView;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.workflows.PendingApproval;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.NodeKind;
import com.fitnesscrm.orchestrator.workflows.WorkflowRunService;
import com.fitnesscrm.orchestrator.workflows.WorkflowRunService.NodeRecord;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A workflow run's part of the run detail: its nodes with their child runs, the approval it waits for and who may
 * give it, and Resume. The workflow service is a stand-in here, so each state of a run can be set up exactly; the
 * run-detail test over real workflow runs is {@code WorkflowRunDetailKT}.
 */
class WorkflowRunPanelKT extends KaribuTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    private AuthenticationContext authentication;
    @Autowired
    private AgentService agents;
    @Autowired
    private RunService executions;
    @Autowired
    private ObjectMapper objectMapper;
    private final WorkflowRunService workflowRuns = mock(WorkflowRunService.class);

    @Test
    void an_agents_run_has_no_workflow_panel() {
        login(UserRole.ADMIN);
        assertThat(panel().forRun(run(RunStatus.SUCCEEDED, "sum_test"))).isNull();
        assertThat(panel().forFinishedRun(run(RunStatus.SUCCEEDED, "workflow"))).isNull();
    }

    @Test
    void a_workflow_runs_nodes_show_in_order_with_what_they_did_and_links_to_their_child_runs() {
        login(UserRole.ADMIN);
        Run run = run(RunStatus.SUCCEEDED, "workflow");
        when(workflowRuns.nodes(run.id())).thenReturn(List.of(
                new NodeRecord("progress", "How is the client doing", NodeKind.AGENT, "succeeded", 4711L,
                        "on a plateau", AT, AT.plusSeconds(2)),
                new NodeRecord("assess", "assess", NodeKind.FUNCTION, "succeeded", null, "adjust: true",
                        AT.plusSeconds(2), AT.plusSeconds(2)),
                new NodeRecord("approve_plan", "Trainer approves", NodeKind.APPROVAL, "skipped", null, null,
                        null, null)));

        WorkflowRunDetail detail = shown(run);

        assertThat(_size(detail.nodes)).isEqualTo(3);
        assertThat(List.of(_getFormatted(detail.nodes, 0, "node"), _getFormatted(detail.nodes, 1, "node"),
                _getFormatted(detail.nodes, 2, "node")))
                .containsExactly("How is the client doing", "assess", "Trainer approves");
        assertThat(_getFormatted(detail.nodes, 1, "kind")).isEqualTo("function");
        assertThat(_getFormatted(detail.nodes, 0, "summary")).isEqualTo("on a plateau");
        Component child = _getCellComponent(detail.nodes, 0, "child");
        assertThat(((RouterLink) child).getHref()).isEqualTo("executions/4711");
        assertThat(_getCellComponent(detail.nodes, 1, "child")).isNotInstanceOf(RouterLink.class);
        assertThat(detail.approval).isNull();
        assertThat(detail.resume.isVisible()).isFalse();
    }

    @Test
    void a_waiting_run_shows_what_is_to_be_approved_and_approve_sends_the_note() throws Exception {
        login(UserRole.ADMIN);
        Run shown = realRun();
        Run waiting = run(shown.id(), RunStatus.WAITING, "workflow");
        when(workflowRuns.pendingApproval(waiting.id())).thenReturn(Optional.of(new PendingApproval(waiting.id(),
                "approve_plan", "Trainer approves the plan", "trainer",
                objectMapper.readTree("{\"plan\": {\"deload\": true, \"note\": \"<script>alert(1)</script>\"}}"),
                AT)));

        WorkflowRunDetail detail = shown(waiting);

        ApprovalForm approval = detail.approval;
        assertThat(approval.waitingFor.getText()).contains("'Trainer approves the plan'")
                .contains("by a trainer or an admin");
        // what is decided on, as indented JSON text: the script is text, not markup
        assertThat(approval.details.getText()).contains("\"deload\" : true")
                .contains("\"note\" : \"<script>alert(1)</script>\"");
        assertThat(approval.approve.isVisible()).isTrue();

        _setValue(approval.note, "  Looks good, go ahead  ");
        _click(approval.approve);

        verify(workflowRuns).approve(waiting.id(), "Looks good, go ahead");
        expectNotifications("Approved; run #" + waiting.id() + " goes on");
        // and the run is shown afresh
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("executions/" + waiting.id());
        assertThat(_find(RunDetailView.class)).hasSize(1);
    }

    @Test
    void reject_sends_no_note_when_none_was_typed() throws Exception {
        login(UserRole.ADMIN);
        Run waiting = run(realRun().id(), RunStatus.WAITING, "workflow");
        when(workflowRuns.pendingApproval(waiting.id())).thenReturn(Optional.of(new PendingApproval(waiting.id(),
                "approve", "Approve the fix", "admin", objectMapper.readTree("{\"restart\": \"cache\"}"), AT)));

        ApprovalForm approval = shown(waiting).approval;
        assertThat(approval.waitingFor.getText()).contains("by an admin.");
        _click(approval.reject);

        verify(workflowRuns).reject(waiting.id(), null);
        expectNotifications("Rejected; run #" + waiting.id() + " goes on");
    }

    @Test
    void a_trainer_decides_a_trainers_approval_but_not_an_admins() throws Exception {
        login(UserRole.TRAINER);
        Run waiting = run(RunStatus.WAITING, "workflow");
        when(workflowRuns.pendingApproval(waiting.id())).thenReturn(Optional.of(new PendingApproval(waiting.id(),
                "approve", "Approve the fix", "admin", objectMapper.readTree("{}"), AT)));
        ApprovalForm forAdmins = shown(waiting).approval;
        assertThat(_find(forAdmins, Button.class)).isEmpty();
        assertThat(_find(forAdmins, Paragraph.class)).extracting(Paragraph::getText)
                .contains("Your role may not decide this approval.");

        when(workflowRuns.pendingApproval(waiting.id())).thenReturn(Optional.of(new PendingApproval(waiting.id(),
                "approve_plan", "Approve the plan", "trainer", objectMapper.readTree("{}"), AT)));
        ApprovalForm forTrainers = shown(waiting).approval;
        assertThat(_find(forTrainers, Button.class)).extracting(Button::getText).containsExactly("Approve", "Reject");
        assertThat(_find(forTrainers, TextArea.class)).hasSize(1);
    }

    @Test
    void a_failed_or_timed_out_workflow_run_offers_resume_and_others_do_not() {
        login(UserRole.ADMIN);
        Run failed = run(realRun().id(), RunStatus.FAILED, "workflow");
        WorkflowRunDetail detail = shown(failed);
        assertThat(detail.resume.isVisible()).isTrue();
        assertThat(shown(run(RunStatus.TIMED_OUT, "workflow")).resume.isVisible())
                .isTrue();
        assertThat(shown(run(RunStatus.SUCCEEDED, "workflow")).resume.isVisible())
                .isFalse();

        _click(detail.resume);
        verify(workflowRuns).resume(failed.id());
        expectNotifications("Run #" + failed.id() + " resumes from the node that failed");
    }

    /** The panel for {@code run}, in the page as the run detail view shows it. */
    private WorkflowRunDetail shown(Run run) {
        WorkflowRunDetail detail = (WorkflowRunDetail) panel().forRun(run);
        UI.getCurrent().add(detail);
        return detail;
    }

    private WorkflowRunPanel panel() {
        return new WorkflowRunPanel(workflowRuns, authentication);
    }

    /** A recorded run, so that showing it afresh after an action opens a real detail view. */
    private Run realRun() {
        Agent sum = agents.create(new AgentDraft("wf-panel-" + UUID.randomUUID().toString().substring(0, 8),
                SumAgent.TYPE.code(), null, true, null, null));
        return executions.run(RunRequest.forAgent(sum.name(), objectMapper.createObjectNode()
                .set("numbers", objectMapper.createArrayNode().add(1)), false));
    }

    private static Run run(RunStatus status, String taskType) {
        return run(900_000_000L + (long) (Math.random() * 1_000_000), status, taskType);
    }

    private static Run run(long id, RunStatus status, String taskType) {
        return new Run(new RunSummary(id, 1, "client_check_in", taskType, status, "async", null, null, null, 0, 0,
                null, false, "admin", "user", 1, AT, AT, null, null, 1, null, null, null, null), null, null);
    }
}
