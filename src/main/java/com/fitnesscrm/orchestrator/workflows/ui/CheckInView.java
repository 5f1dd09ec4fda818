package com.fitnesscrm.orchestrator.workflows.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.base.ui.BackgroundWork;
import com.fitnesscrm.orchestrator.crm.CrmService;
import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import com.fitnesscrm.orchestrator.crm.ui.ClientPicker;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.ui.RunDetailView;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.security.UserPreferencesService;
import com.fitnesscrm.orchestrator.workflows.PendingApproval;
import com.fitnesscrm.orchestrator.workflows.WorkflowRunService;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * A trainer's weekly check-in for one client: runs the {@code client_check_in} workflow (how is the client doing →
 * adjust the plan if needed → propose next week's sessions → a summary) and shows its summary, the plan change
 * waiting for their approval and the proposed sessions. After a decision the run goes on in the background; the view
 * follows it by polling until it has finished.
 */
@Route("check-in")
@PageTitle("Weekly check-in · FitnessCRM AI Orchestrator")
@Menu(order = 9, icon = "vaadin:clipboard-check", title = "Weekly check-in")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
public class CheckInView extends VerticalLayout {

    static final String WORKFLOW = "client_check_in";
    private static final int POLL_MILLIS = 2000;
    private static final Logger log = LoggerFactory.getLogger(CheckInView.class);

    private final transient RunService runs;
    private final transient WorkflowRunService workflowRuns;
    private final transient BackgroundWork background;
    final ClientPicker client;
    /** For a CRM without clients to pick from (the picker is hidden then), as the other trainer views do. */
    final IntegerField clientId = new IntegerField("Client id");
    final Button runCheckIn = new Button("Run check-in", event -> runCheckIn());
    final Button refresh = new Button("Refresh", event -> refresh());
    private final ProgressBar running = new ProgressBar();
    final Div status = new Div();
    final Paragraph error = new Paragraph();
    final Paragraph summary = new Paragraph();
    final ApprovalPanel approval = new ApprovalPanel();
    final Grid<JsonNode> sessions = new Grid<>();
    private final H3 sessionsTitle = new H3("Proposed sessions");
    private final Div result = new Div();
    final AwaitingDecisions awaiting;
    /** The run detail is an admin's view: trainers read the run here. */
    private final boolean admin;
    private Run shown;
    private Registration polling;

    public CheckInView(RunService runs, WorkflowRunService workflowRuns, BackgroundWork background, CrmService crm,
                       UserPreferencesService currentUser, AuthenticationContext authentication) {
        this.runs = runs;
        this.workflowRuns = workflowRuns;
        this.background = background;
        this.admin = authentication.hasRole(Roles.ADMIN);
        this.awaiting = new AwaitingDecisions(workflowRuns, id -> show(runs.get(id)));
        this.client = new ClientPicker(crm, currentUser.crmTrainer().map(CrmTrainer::id).orElse(null));
        approval.addDecisionListener(event -> decide(event.approved(), event.note()));
        running.setIndeterminate(true);
        running.setVisible(false);
        error.addClassName("form-error");
        error.setVisible(false);
        add(new H2("Weekly check-in"), createClientBar(), running, error, createResult(), awaiting);
    }

    private HorizontalLayout createClientBar() {
        client.setId("check-in-client");
        clientId.setVisible(!client.isVisible());
        clientId.setMin(1);
        runCheckIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runCheckIn.setId("check-in-run");
        HorizontalLayout bar = new HorizontalLayout(client, clientId, runCheckIn);
        bar.setAlignItems(Alignment.BASELINE);
        return bar;
    }

    private Div createResult() {
        status.setId("check-in-status");
        summary.setId("check-in-summary");
        summary.getStyle().set("white-space", "pre-wrap");
        sessions.setId("check-in-sessions");
        sessions.addColumn(session -> CheckInOutput.time(session, "start")).setHeader("Start").setAutoWidth(true);
        sessions.addColumn(session -> CheckInOutput.time(session, "end")).setHeader("End").setAutoWidth(true);
        sessions.addColumn(CheckInOutput::showUp).setHeader("Show-up").setAutoWidth(true);
        sessions.setAllRowsVisible(true);
        HorizontalLayout statusBar = new HorizontalLayout(status, refresh);
        statusBar.setAlignItems(Alignment.BASELINE);
        result.add(statusBar, new H3("Summary"), summary, approval, sessionsTitle, sessions);
        result.setWidthFull();
        result.setVisible(false);
        return result;
    }

    private Long pickedClient() {
        if (client.client() != null) {
            return client.client().id();
        }
        return clientId.getValue() == null ? null : clientId.getValue().longValue();
    }

    private void runCheckIn() {
        Long id = pickedClient();
        if (id == null) {
            showError("Pick a client first.");
            return;
        }
        error.setVisible(false);
        runCheckIn.setEnabled(false);
        running.setVisible(true);
        RunRequest request = RunRequest.forAgent(WORKFLOW,
                JsonNodeFactory.instance.objectNode().put("client_id", id), false);
        background.start(this, () -> runs.run(request), run -> {
            running.setVisible(false);
            runCheckIn.setEnabled(true);
            show(run);
        }, failure -> {
            running.setVisible(false);
            runCheckIn.setEnabled(true);
            showFailure(failure);
        });
    }

    private void decide(boolean approved, String note) {
        try {
            show(approved ? workflowRuns.approve(shown.id(), note) : workflowRuns.reject(shown.id(), note));
        } catch (ConflictException | InvalidInputException | AccessDeniedException refused) {
            showError(refused.getMessage());
            refresh();
        }
    }

    /** Reads the shown run again: after a decision it goes on in the background. */
    void refresh() {
        if (shown != null) {
            show(runs.get(shown.id()));
        }
    }

    private void show(Run run) {
        shown = run;
        result.setVisible(true);
        status.removeAll();
        status.add(new Span("Run #" + run.id() + ": " + run.status().code()
                + (run.error() == null ? "" : " — " + run.error()) + " "));
        if (admin) {
            status.add(RunDetailView.link(run.id(), "Open run #" + run.id()));
        }
        awaiting.reload();
        // The summary is the last node: a run waiting for the plan's approval has none yet, the panel says the rest.
        summary.setText(run.status() == RunStatus.WAITING && CheckInOutput.summaryText(run.output()).isEmpty()
                ? "The summary is written once the plan change is decided." : CheckInOutput.summary(run.output()));
        PendingApproval pending = run.status() == RunStatus.WAITING
                ? workflowRuns.pendingApproval(run.id()).orElse(null) : null;
        approval.show(pending);
        List<JsonNode> proposed = CheckInOutput.sessions(run.output());
        sessionsTitle.setVisible(!proposed.isEmpty());
        sessions.setVisible(!proposed.isEmpty());
        sessions.setItems(proposed);
        follow(run.status() == RunStatus.QUEUED || run.status() == RunStatus.RUNNING);
    }

    /** Polls while the run is under way, and stops once it waits or has finished. */
    private void follow(boolean on) {
        if (on && polling == null) {
            getUI().ifPresent(ui -> {
                ui.setPollInterval(POLL_MILLIS);
                polling = ui.addPollListener(event -> refresh());
            });
        } else if (!on && polling != null) {
            stopPolling();
        }
    }

    private void stopPolling() {
        polling.remove();
        polling = null;
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            stopPolling();
        }
        super.onDetach(event);
    }

    private void showFailure(RuntimeException failure) {
        if (failure instanceof InvalidInputException || failure instanceof ConflictException
                || failure instanceof NotFoundException || failure instanceof UnavailableException
                || failure instanceof BackgroundWork.BusyException) {
            showError(failure.getMessage());
        } else {
            log.error("The weekly check-in failed", failure);
            showError("The check-in could not be run because of a fault on the server; it is in the server's log.");
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
