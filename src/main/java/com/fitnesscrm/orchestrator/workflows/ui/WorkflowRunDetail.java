package com.fitnesscrm.orchestrator.workflows.ui;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.ui.RunDetailView;
import com.fitnesscrm.orchestrator.workflows.PendingApproval;
import com.fitnesscrm.orchestrator.workflows.WorkflowRunService;
import com.fitnesscrm.orchestrator.workflows.WorkflowRunService.NodeRecord;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.security.access.AccessDeniedException;

/**
 * One workflow run's nodes, in order, each with its kind, status, times, a line about what it did and a link to its
 * child run; then what the run waits for ({@link ApprovalForm}) or, when it failed or timed out, Resume.
 */
class WorkflowRunDetail extends Composite<VerticalLayout> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final transient WorkflowRunService workflowRuns;
    private final long runId;
    final Grid<NodeRecord> nodes = new Grid<>();
    final Button resume = new Button("Resume from the failed node", VaadinIcon.PLAY.create(), event -> resume());
    ApprovalForm approval;

    WorkflowRunDetail(WorkflowRunService workflowRuns, Run run, Predicate<PendingApproval> mayDecide) {
        this.workflowRuns = workflowRuns;
        this.runId = run.id();
        VerticalLayout content = getContent();
        content.setPadding(false);
        content.setId("workflow-run");
        content.add(new H3("Workflow nodes"), createNodes());
        if (run.status() == RunStatus.WAITING) {
            Optional<PendingApproval> pending = workflowRuns.pendingApproval(run.id());
            pending.ifPresent(waitingFor -> {
                approval = new ApprovalForm(waitingFor, mayDecide.test(waitingFor));
                approval.addDecideListener(this::decide);
                content.add(approval);
            });
        }
        resume.setVisible(run.status() == RunStatus.FAILED || run.status() == RunStatus.TIMED_OUT);
        resume.setDisableOnClick(true);
        content.add(resume);
    }

    private Grid<NodeRecord> createNodes() {
        List<NodeRecord> records = workflowRuns.nodes(runId);
        nodes.addColumn(NodeRecord::title).setKey("node").setHeader("Node").setFlexGrow(1);
        nodes.addColumn(node -> node.kind() == null ? "" : node.kind().code()).setKey("kind").setHeader("Kind")
                .setAutoWidth(true).setFlexGrow(0);
        nodes.addComponentColumn(node -> status(node.status())).setKey("status").setHeader("Status")
                .setAutoWidth(true).setFlexGrow(0);
        nodes.addColumn(node -> time(node.startedAt())).setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        nodes.addColumn(node -> time(node.completedAt())).setHeader("Finished").setAutoWidth(true).setFlexGrow(0);
        nodes.addColumn(node -> node.summary() == null ? "" : node.summary()).setKey("summary")
                .setHeader("What it did").setFlexGrow(2);
        nodes.addComponentColumn(node -> node.childRunId() == null ? new Span()
                : RunDetailView.link(node.childRunId(), "Run #" + node.childRunId())).setKey("child")
                .setHeader("Child run").setAutoWidth(true).setFlexGrow(0);
        nodes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        nodes.setItems(records);
        nodes.setAllRowsVisible(true);
        return nodes;
    }

    private static Span status(String status) {
        Span badge = new Span(status == null ? "" : status);
        // the same classes as the run statuses (styles.css)
        badge.addClassNames("status-badge", "status-badge-" + switch (status == null ? "" : status) {
            case "succeeded", "approved" -> "success";
            case "failed" -> "error";
            case "waiting", "rejected" -> "warning";
            case "running" -> "primary";
            default -> "neutral";
        });
        return badge;
    }

    private static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    private void decide(ApprovalForm.DecideEvent event) {
        try {
            if (event.approved()) {
                workflowRuns.approve(runId, event.note());
            } else {
                workflowRuns.reject(runId, event.note());
            }
            notify((event.approved() ? "Approved" : "Rejected") + "; run #" + runId + " goes on",
                    NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException | NotFoundException | AccessDeniedException refused) {
            notify(refused.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        RunDetailView.navigate(runId); // shows the run afresh, decided or decided by someone else meanwhile
    }

    private void resume() {
        try {
            workflowRuns.resume(runId);
            notify("Run #" + runId + " resumes from the node that failed", NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException | NotFoundException | AccessDeniedException refused) {
            notify(refused.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        RunDetailView.navigate(runId);
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
