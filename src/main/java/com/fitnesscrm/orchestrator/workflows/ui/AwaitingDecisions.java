package com.fitnesscrm.orchestrator.workflows.ui;

import com.fitnesscrm.orchestrator.workflows.PendingApproval;
import com.fitnesscrm.orchestrator.workflows.WorkflowRunService;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The check-ins (and other workflow runs) waiting for a decision the signed-in user may make, oldest first: a
 * scheduled check-in that reached its approval while nobody watched is found here. Hidden when there are none.
 */
class AwaitingDecisions extends Composite<VerticalLayout> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient WorkflowRunService workflowRuns;
    final Grid<PendingApproval> grid = new Grid<>();

    AwaitingDecisions(WorkflowRunService workflowRuns, LongConsumer open) {
        this.workflowRuns = workflowRuns;
        grid.setId("check-in-awaiting");
        grid.addColumn(pending -> "#" + pending.runId()).setHeader("Run").setAutoWidth(true);
        grid.addColumn(PendingApproval::title).setHeader("Waits for").setAutoWidth(true);
        grid.addColumn(pending -> WHEN.format(pending.requestedAt())).setHeader("Since").setAutoWidth(true);
        grid.addComponentColumn(pending -> {
            Button show = new Button("Open", event -> open.accept(pending.runId()));
            show.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return show;
        }).setKey("open").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        getContent().setPadding(false);
        getContent().add(new H3("Waiting for your decision"), grid);
        reload();
    }

    /** Reads the waiting decisions again, e.g. after one was made. */
    void reload() {
        List<PendingApproval> waiting = workflowRuns.awaitingMe();
        grid.setItems(waiting);
        setVisible(!waiting.isEmpty());
    }
}
