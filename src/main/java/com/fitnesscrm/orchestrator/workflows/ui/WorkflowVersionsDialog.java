package com.fitnesscrm.orchestrator.workflows.ui;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.workflows.Workflow;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
import com.fitnesscrm.orchestrator.workflows.WorkflowVersion;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * A workflow's versions, newest first: who changed it, when and why, the lines two versions' definitions differ in,
 * and a way back to an earlier one (as a new version, with a note: history is never rewritten).
 */
class WorkflowVersionsDialog extends Dialog {

    /** A rollback made a new version, so the workflow's row is out of date. */
    static class RolledBackEvent extends ComponentEvent<WorkflowVersionsDialog> {
        RolledBackEvent(WorkflowVersionsDialog source) {
            super(source, false);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final transient WorkflowService workflows;
    private final Workflow workflow;
    private List<WorkflowVersion> list = List.of();
    final Grid<WorkflowVersion> versions = new Grid<>();
    final Select<Integer> from = new Select<>();
    final Select<Integer> to = new Select<>();
    final Grid<DefinitionDiff.Line> diff = new Grid<>();
    final TextField note = new TextField("Why roll back");
    final Button rollback = new Button("Roll back to the selected version", event -> rollBack());

    WorkflowVersionsDialog(WorkflowService workflows, Workflow workflow) {
        this.workflows = workflows;
        this.workflow = workflow;
        setHeaderTitle("Versions of " + workflow.name());
        setWidth("min(70rem, 95vw)");
        note.setWidth("24em");
        HorizontalLayout back = new HorizontalLayout(note, rollback);
        back.setAlignItems(Alignment.BASELINE);
        add(createVersionsGrid(), back, createCompareBar(), createDiffGrid());
        getFooter().add(new Button("Close", event -> close()));
        reload();
    }

    private Grid<WorkflowVersion> createVersionsGrid() {
        versions.addColumn(WorkflowVersion::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(version -> Objects.toString(version.author(), "")).setHeader("Author").setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(version -> TIME.format(version.createdAt())).setHeader("Time").setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(version -> Objects.toString(version.note(), "")).setHeader("Note").setFlexGrow(1);
        versions.setAllRowsVisible(true);
        versions.asSingleSelect().addValueChangeListener(event -> {
            WorkflowVersion picked = event.getValue();
            boolean older = picked != null && picked.version() != latest();
            rollback.setEnabled(older);
            if (older) {
                from.setValue(picked.version());
                to.setValue(latest());
            }
        });
        return versions;
    }

    private HorizontalLayout createCompareBar() {
        from.setLabel("Compare version");
        to.setLabel("with version");
        from.addValueChangeListener(event -> showDiff());
        to.addValueChangeListener(event -> showDiff());
        HorizontalLayout bar = new HorizontalLayout(from, to);
        bar.setAlignItems(Alignment.BASELINE);
        return bar;
    }

    private Grid<DefinitionDiff.Line> createDiffGrid() {
        diff.addColumn(DefinitionDiff.Line::sign).setHeader("").setWidth("3em").setFlexGrow(0);
        // The indentation is the structure of the JSON: kept by a monospace cell that does not collapse spaces.
        diff.addColumn(DefinitionDiff.Line::text).setHeader("Definition").setFlexGrow(1)
                .setPartNameGenerator(line -> line.change() == '+' ? "added" : line.change() == '-' ? "removed" : null);
        diff.getStyle().set("font-family", "monospace").set("white-space", "pre");
        diff.addThemeVariants(GridVariant.LUMO_COMPACT);
        diff.setHeight("24rem");
        diff.setEmptyStateText("No differences");
        diff.addClassName("version-diff");
        return diff;
    }

    private void reload() {
        list = workflows.versions(workflow.id());
        versions.setItems(list);
        List<Integer> numbers = list.stream().map(WorkflowVersion::version).toList();
        from.setItems(numbers);
        to.setItems(numbers);
        if (!numbers.isEmpty()) {
            to.setValue(numbers.get(0));
            from.setValue(numbers.size() > 1 ? numbers.get(1) : numbers.get(0));
        }
        rollback.setEnabled(false);
        note.clear();
    }

    private void showDiff() {
        WorkflowVersion before = version(from.getValue());
        WorkflowVersion after = version(to.getValue());
        diff.setItems(before == null || after == null ? List.of()
                : DefinitionDiff.between(before.definition(), after.definition()));
    }

    private WorkflowVersion version(Integer number) {
        return number == null ? null : list.stream().filter(v -> v.version() == number).findFirst().orElse(null);
    }

    private void rollBack() {
        WorkflowVersion picked = versions.asSingleSelect().getValue();
        if (picked == null) {
            return;
        }
        try {
            Workflow now = workflows.rollback(workflow.id(), picked.version(),
                    note.getValue().isBlank() ? null : note.getValue().strip());
            Notification.show(workflow.name() + " is back at version " + picked.version() + "'s definition, as "
                    + "version " + now.version(), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            fireEvent(new RolledBackEvent(this));
        } catch (ConflictException | NotFoundException | InvalidInputException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        reload();
    }

    private int latest() {
        return list.isEmpty() ? 0 : list.get(0).version();
    }

    Registration addRolledBackListener(ComponentEventListener<RolledBackEvent> listener) {
        return addListener(RolledBackEvent.class, listener);
    }
}
