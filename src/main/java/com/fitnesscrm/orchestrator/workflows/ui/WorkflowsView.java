package com.fitnesscrm.orchestrator.workflows.ui;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.ui.ViewToolbar;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.workflows.Workflow;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Admins list, create, change and delete workflows: the definition as JSON with its problems at their lines and its
 * graph beside it, the versions with their differences and a rollback, and a Try it that queues a run.
 */
@Route("workflows")
@PageTitle("Workflows · FitnessCRM AI Orchestrator")
@Menu(order = 11, icon = "vaadin:connect", title = "Workflows")
@RolesAllowed(Roles.ADMIN)
public class WorkflowsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient WorkflowService workflows;
    private final transient RunService runs;
    final Grid<Workflow> grid = new Grid<>(Workflow.class, false);

    public WorkflowsView(WorkflowService workflows, RunService runs) {
        this.workflows = workflows;
        this.runs = runs;
        setSizeFull();
        add(createToolbar(), createGrid());
        refresh();
    }

    private ViewToolbar createToolbar() {
        return new ViewToolbar("Workflows",
                ViewToolbar.primary("New workflow", VaadinIcon.PLUS, "new-workflow", event -> openNewDialog()));
    }

    private Grid<Workflow> createGrid() {
        grid.addColumn(Workflow::name).setHeader("Name").setSortable(true).setWidth("14em").setFlexGrow(0)
                .setTooltipGenerator(Workflow::name);
        grid.addColumn(workflow -> Objects.toString(workflow.description(), "")).setHeader("Description")
                .setFlexGrow(1).setTooltipGenerator(workflow -> Objects.toString(workflow.description(), ""));
        grid.addColumn(Workflow::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::status).setKey("status").setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(workflow -> workflow.updatedAt() == null ? "" : TIME.format(workflow.updatedAt()))
                .setHeader("Updated").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::createActions).setKey("actions").setHeader("Actions").setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        grid.setSizeFull();
        return grid;
    }

    private HorizontalLayout createActions(Workflow workflow) {
        HorizontalLayout actions = new HorizontalLayout(
                new Button("Edit", event -> openEditDialog(workflow)),
                new Button("Versions", event -> openVersionsDialog(workflow)),
                new Button("Try it", event -> new WorkflowTryItDialog(runs, workflow).open()),
                new Button("Delete", event -> confirmDelete(workflow)));
        actions.setSpacing(false);
        actions.getChildren().forEach(button -> ((Button) button).addThemeVariants(ButtonVariant.LUMO_SMALL,
                ButtonVariant.LUMO_TERTIARY));
        return actions;
    }

    private Span status(Workflow workflow) {
        Span badge = new Span(workflow.enabled() ? "Enabled" : "Disabled");
        // The same badges as the agents view (styles.css), since a workflow is an agent.
        badge.addClassNames("status-badge", "status-badge-" + (workflow.enabled() ? "success" : "neutral"));
        return badge;
    }

    private void openNewDialog() {
        WorkflowEditorDialog dialog = WorkflowEditorDialog.forNew(workflows);
        dialog.addSaveListener(event -> save(dialog, () -> workflows.create(event.draft()), "Created "));
        dialog.open();
    }

    private void openEditDialog(Workflow listed) {
        Workflow workflow;
        try {
            workflow = workflows.get(listed.id());
        } catch (NotFoundException gone) {
            notifyError(gone.getMessage());
            refresh();
            return;
        }
        WorkflowEditorDialog dialog = WorkflowEditorDialog.forWorkflow(workflows, workflow);
        dialog.addSaveListener(event -> save(dialog, () -> workflows.update(workflow.id(), event.draft()), "Saved "));
        dialog.open();
    }

    private void save(WorkflowEditorDialog dialog, Supplier<Workflow> change, String successPrefix) {
        try {
            Workflow saved = change.get();
            dialog.close();
            notifySuccess(successPrefix + saved.name() + " (version " + saved.version() + ")");
        } catch (InvalidInputException rejection) {
            dialog.showRejection(rejection.field(), rejection.getMessage());
        } catch (ConflictException conflict) {
            dialog.showRejection(conflict.field(), conflict.getMessage());
        } catch (NotFoundException gone) {
            dialog.close();
            notifyError(gone.getMessage());
        }
        refresh();
    }

    private void openVersionsDialog(Workflow workflow) {
        WorkflowVersionsDialog dialog = new WorkflowVersionsDialog(workflows, workflow);
        dialog.addRolledBackListener(event -> refresh());
        dialog.open();
    }

    private void confirmDelete(Workflow workflow) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete " + workflow.name() + "?");
        confirm.setText("The workflow '" + workflow.name() + "' and its versions are deleted. Its runs are kept.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                workflows.delete(workflow.id());
                notifySuccess("Deleted " + workflow.name());
            } catch (NotFoundException gone) {
                notifyError(gone.getMessage());
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(workflows.list());
        grid.recalculateColumnWidths();
    }

    private static void notifySuccess(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void notifyError(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
