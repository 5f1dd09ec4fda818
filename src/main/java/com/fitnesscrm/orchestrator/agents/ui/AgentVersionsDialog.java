package com.fitnesscrm.orchestrator.agents.ui;

import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentConfigChange;
import com.fitnesscrm.orchestrator.agents.AgentConfigVersion;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * An agent's config versions, newest first: who changed what and why, the difference between any two, and a way
 * back to an earlier one (as a new version: history is never rewritten).
 */
class AgentVersionsDialog extends Dialog {

    /** A rollback made a new version, so the agent's row is out of date. */
    static class RolledBackEvent extends ComponentEvent<AgentVersionsDialog> {
        RolledBackEvent(AgentVersionsDialog source) {
            super(source, false);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final transient AgentService agents;
    private final Agent agent;
    final Grid<AgentConfigVersion> versions = new Grid<>();
    final Select<Integer> from = new Select<>();
    final Select<Integer> to = new Select<>();
    final Grid<AgentConfigChange> diff = new Grid<>();
    final Button rollback = new Button("Roll back to this version");

    AgentVersionsDialog(AgentService agents, Agent agent) {
        this.agents = agents;
        this.agent = agent;
        setHeaderTitle("Versions of " + agent.name());
        setWidth("min(60rem, 95vw)");
        add(createVersionsGrid(), createCompareBar(), createDiffGrid());
        rollback.setEnabled(false);
        rollback.addClickListener(event -> confirmRollback(versions.asSingleSelect().getValue()));
        getFooter().add(rollback, new Button("Close", event -> close()));
        reload();
    }

    private Grid<AgentConfigVersion> createVersionsGrid() {
        versions.addColumn(AgentConfigVersion::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(AgentConfigVersion::author).setHeader("Author").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(version -> TIME.format(version.createdAt())).setHeader("Time").setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(version -> Objects.toString(version.note(), "")).setHeader("Note").setFlexGrow(1);
        versions.setAllRowsVisible(true);
        versions.asSingleSelect().addValueChangeListener(event -> {
            AgentConfigVersion picked = event.getValue();
            rollback.setEnabled(picked != null && picked.version() != latest());
            if (picked != null && picked.version() != latest()) {
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

    private Grid<AgentConfigChange> createDiffGrid() {
        diff.addColumn(AgentConfigChange::field).setHeader("Field").setAutoWidth(true).setFlexGrow(0);
        diff.addColumn(AgentConfigChange::beforeText).setHeader("Before").setFlexGrow(1);
        diff.addColumn(AgentConfigChange::afterText).setHeader("After").setFlexGrow(1);
        diff.setAllRowsVisible(true);
        diff.setEmptyStateText("No differences");
        diff.addClassName("version-diff");
        return diff;
    }

    private void reload() {
        List<AgentConfigVersion> list = agents.versions(agent.id());
        versions.setItems(list);
        List<Integer> numbers = list.stream().map(AgentConfigVersion::version).toList();
        from.setItems(numbers);
        to.setItems(numbers);
        to.setValue(numbers.get(0));
        from.setValue(numbers.size() > 1 ? numbers.get(1) : numbers.get(0));
        rollback.setEnabled(false);
    }

    private void showDiff() {
        if (from.getValue() == null || to.getValue() == null) {
            diff.setItems(List.of());
            return;
        }
        diff.setItems(agents.diff(agent.id(), from.getValue(), to.getValue()));
    }

    private void confirmRollback(AgentConfigVersion version) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Roll back " + agent.name() + "?");
        confirm.setText("Version " + version.version() + "'s config becomes current again, as a new version "
                + (latest() + 1) + ". Nothing is deleted.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Roll back");
        confirm.addConfirmListener(event -> rollBack(version.version()));
        confirm.open();
    }

    private void rollBack(int version) {
        try {
            agents.rollback(agent.id(), version, null);
            Notification.show(agent.name() + " is back at version " + version + "'s config", 3000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            fireEvent(new RolledBackEvent(this));
        } catch (ConflictException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        reload();
    }

    private int latest() {
        return to.getListDataView().getItems().findFirst().orElse(0);
    }

    Registration addRolledBackListener(ComponentEventListener<RolledBackEvent> listener) {
        return addListener(RolledBackEvent.class, listener);
    }
}
