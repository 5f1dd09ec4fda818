package com.fitnesscrm.orchestrator.workflows.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmTables;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.workflows.Workflow;
import com.fitnesscrm.orchestrator.workflows.PendingApproval;
import com.fitnesscrm.orchestrator.workflows.WorkflowDraft;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A trainer's weekly check-in. To be independent of the agents' answers, the approval tests give
 * {@code client_check_in} (as an admin could) a definition that only asks for the plan's approval, and put the
 * shipped one back afterwards.
 */
class CheckInViewKT extends KaribuTest {

    private static final String APPROVAL_ONLY = """
            {"description": "approval only, for CheckInViewKT", "start": "approve_plan",
             "nodes": [{"id": "approve_plan", "kind": "approval", "label": "Plan change", "role": "trainer",
                        "input": {"client_id": "$input.client_id", "change": "deload week"}}],
             "edges": []}""";

    @Autowired
    private WorkflowService workflows;
    @Autowired
    private ObjectMapper objectMapper;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CrmDirectory directory;

    private Workflow shipped;
    private CrmTables crm;

    @AfterEach
    void dropCrm() {
        if (crm != null) {
            crm.close();
        }
    }

    @AfterEach
    void restoreTheShippedDefinition() {
        if (shipped != null) {
            startNewSession();
            login(UserRole.ADMIN);
            workflows.rollback(shipped.id(), shipped.version(), "restored after CheckInViewKT");
        }
    }

    @Test
    void a_trainer_opens_the_weekly_check_in_and_types_a_client_id_when_the_crm_has_none_to_pick() {
        CheckInView view = openAsTrainer();

        assertThat(view.client.isVisible()).isFalse();
        assertThat(view.clientId.isVisible()).isTrue();
        _click(view.runCheckIn);
        assertThat(view.error.getText()).isEqualTo("Pick a client first.");
    }

    @Test
    void a_trainer_picks_a_crm_client_and_reads_the_check_in_of_the_shipped_workflow() {
        crm = CrmTables.create(jdbc, directory);
        CheckInView view = openAsTrainer();
        assertThat(view.client.isVisible()).isTrue();
        assertThat(view.clientId.isVisible()).isFalse();
        ComboBoxKt.setUserInput(view.client, "tom");
        view.client.setValue(ComboBoxKt.getSuggestionItems(view.client).get(0));
        _click(view.runCheckIn);

        awaitPush(() -> get_textRecursively(view.status).matches("(?s).*: (waiting|succeeded|failed).*"));
        String status = get_textRecursively(view.status);
        assertThat(status).doesNotContain("failed");
        if (status.contains(": waiting")) {
            assertThat(view.approval.isVisible()).isTrue();
            assertThat(view.approval.title.getText()).isEqualTo(
                    "Waiting for approval: Trainer approves the plan change");
            assertThat(view.summary.getText()).isEqualTo("The summary is written once the plan change is decided.");
        } else {
            assertThat(view.approval.isVisible()).isFalse();
            assertThat(view.summary.getText()).contains("No plan change").doesNotContain("{");
            assertThat(view.sessions.isVisible()).isTrue();
        }
    }

    @Test
    void a_trainer_approves_the_plan_change_and_the_run_goes_on_to_its_end() throws Exception {
        useApprovalOnlyDefinition();
        CheckInView view = runCheckInAsTrainer();

        assertThat(view.approval.isVisible()).isTrue();
        assertThat(view.approval.title.getText()).isEqualTo("Waiting for approval: Plan change");
        assertThat(view.approval.details.getText()).contains("deload week");
        assertThat(_find(view.status, RouterLink.class)).as("the run detail is an admin's view").isEmpty();

        // Back later (or a scheduled check-in): the waiting run is listed, and opens with its approval.
        UI.getCurrent().navigate(CheckInView.class);
        view = _get(CheckInView.class);
        assertThat(view.awaiting.isVisible()).isTrue();
        PendingApproval waiting = view.awaiting.grid.getGenericDataView().getItems().findFirst().orElseThrow();
        assertThat(waiting.title()).isEqualTo("Plan change");
        _click((Button) GridKt._getCellComponent(view.awaiting.grid, 0, "open"));
        assertThat(view.approval.isVisible()).isTrue();

        view.approval.note.setValue("go ahead");
        _click(view.approval.approve);
        awaitRefreshed(view, "succeeded");
        assertThat(view.approval.isVisible()).isFalse();
        assertThat(view.summary.getText()).contains("approved").contains("go ahead");
    }

    @Test
    void rejecting_needs_a_note_and_the_run_ends_with_the_rejection() throws Exception {
        useApprovalOnlyDefinition();
        CheckInView view = runCheckInAsTrainer();

        _click(view.approval.reject);
        assertThat(view.approval.note.isInvalid()).isTrue();
        assertThat(get_textRecursively(view.status)).contains("waiting");

        view.approval.note.setValue("not this week");
        _click(view.approval.reject);
        awaitRefreshed(view, "succeeded");
        assertThat(view.summary.getText()).contains("rejected").contains("not this week");
    }

    private void useApprovalOnlyDefinition() throws Exception {
        login(UserRole.ADMIN);
        shipped = workflows.list().stream().filter(w -> w.name().equals(CheckInView.WORKFLOW)).findFirst()
                .orElseThrow();
        workflows.update(shipped.id(), new WorkflowDraft(shipped.name(), shipped.description(),
                objectMapper.readTree(APPROVAL_ONLY), "CheckInViewKT"));
        startNewSession();
    }

    private CheckInView openAsTrainer() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(CheckInView.class);
        return _get(CheckInView.class);
    }

    private CheckInView runCheckInAsTrainer() {
        CheckInView view = openAsTrainer();
        view.clientId.setValue(1);
        _click(view.runCheckIn);
        awaitPush(() -> get_textRecursively(view.status).contains("waiting"));
        return view;
    }

    /** Clicks Refresh, as a trainer would, until the run's status reads {@code status}. */
    private static void awaitRefreshed(CheckInView view, String status) {
        awaitPush(() -> {
            _click(view.refresh);
            return get_textRecursively(view.status).contains(": " + status);
        });
    }
}
