package com.fitnesscrm.orchestrator.agents.ui;

import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.ui.ViewToolbar;
import com.fitnesscrm.orchestrator.security.Roles;
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
import java.util.function.Supplier;

/**
 * Admins create, change, enable, disable and delete agents, compare and roll back their config versions, and try
 * one out on an input of their choice.
 */
@Route("agents")
@PageTitle("Agents · FitnessCRM AI Orchestrator")
@Menu(order = 10, icon = "vaadin:cogs", title = "Agents")
@RolesAllowed(Roles.ADMIN)
public class AgentsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private static final String NOT_INSTALLED = "This version of the orchestrator has no engine for this agent's "
            + "type yet, so it cannot run; runs of it answer 503 until the engine arrives.";
    private final transient AgentService agents;
    private final transient TryItDialogs tryIt;
    final Grid<Agent> grid = new Grid<>(Agent.class, false);

    public AgentsView(AgentService agents, TryItDialogs tryIt) {
        this.agents = agents;
        this.tryIt = tryIt;
        setSizeFull();
        add(createToolbar(), createGrid());
        refresh();
    }

    private ViewToolbar createToolbar() {
        return new ViewToolbar("Agents",
                ViewToolbar.primary("New agent", VaadinIcon.PLUS, "new-agent", event -> openNewAgentDialog()));
    }

    private Grid<Agent> createGrid() {
        // A long name wraps within its column instead of pushing the others behind the frozen actions.
        grid.addColumn(Agent::name).setHeader("Name").setSortable(true).setWidth("14em").setFlexGrow(1)
                .setTooltipGenerator(Agent::name);
        grid.addColumn(Agent::type).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::status).setKey("status").setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Agent::configVersion).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(agent -> agent.config().model() == null ? "provider default" : agent.config().model())
                .setHeader("Model").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(agent -> agent.installed() ? "yes" : "no").setHeader("Engine installed").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(agent -> TIME.format(agent.updatedAt())).setHeader("Updated").setAutoWidth(true)
                .setFlexGrow(0);
        // Frozen to the end: on a laptop screen the actions stay in view while the other columns scroll.
        grid.addComponentColumn(this::createActions).setKey("actions").setHeader("Actions").setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        grid.setSizeFull();
        return grid;
    }

    private HorizontalLayout createActions(Agent agent) {
        HorizontalLayout actions = new HorizontalLayout(
                new Button("Edit", event -> openEditDialog(agent)),
                new Button(agent.enabled() ? "Disable" : "Enable", event -> toggle(agent)),
                new Button("Versions", event -> openVersionsDialog(agent)),
                tryItButton(agent),
                new Button("Delete", event -> confirmDelete(agent)));
        actions.setSpacing(false);
        actions.getChildren().forEach(button -> ((Button) button).addThemeVariants(ButtonVariant.LUMO_SMALL,
                ButtonVariant.LUMO_TERTIARY));
        return actions;
    }

    /** An agent whose engine is not in this build cannot run, whatever its switch says: it is "Not installed". */
    private Span status(Agent agent) {
        if (!agent.installed()) {
            Span badge = badge("Not installed", "contrast");
            badge.setTitle(NOT_INSTALLED);
            return badge;
        }
        return badge(agent.enabled() ? "Enabled" : "Disabled", agent.enabled() ? "success" : "neutral");
    }

    private Button tryItButton(Agent agent) {
        Button button = new Button("Try it", event -> tryIt.open(agent));
        button.setEnabled(agent.installed());
        button.setTooltipText(agent.installed() ? null : NOT_INSTALLED);
        return button;
    }

    private void openNewAgentDialog() {
        AgentDialog dialog = AgentDialog.forNewAgent(agents.types(), agents::defaultConfig);
        dialog.addSaveListener(event -> save(dialog, () -> agents.create(event.values().toDraft(true)), "Created "));
        dialog.open();
    }

    private void openEditDialog(Agent agent) {
        AgentDialog dialog = AgentDialog.forAgent(agent);
        dialog.addSaveListener(event -> save(dialog,
                () -> agents.update(agent.id(), event.values().toDraft(false)), "Saved "));
        dialog.open();
    }

    private void save(AgentDialog dialog, Supplier<Agent> change, String successPrefix) {
        try {
            Agent saved = change.get();
            dialog.close();
            notifySuccess(successPrefix + saved.name() + " (config version " + saved.configVersion() + ")");
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

    private void toggle(Agent agent) {
        try {
            Agent changed = agents.setEnabled(agent.id(), !agent.enabled());
            notifySuccess(changed.name() + (changed.enabled() ? " is enabled" : " is disabled"));
        } catch (NotFoundException gone) {
            notifyError(gone.getMessage());
        }
        refresh();
    }

    private void openVersionsDialog(Agent agent) {
        AgentVersionsDialog dialog = new AgentVersionsDialog(agents, agent);
        dialog.addRolledBackListener(event -> refresh());
        dialog.open();
    }

    private void confirmDelete(Agent agent) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete " + agent.name() + "?");
        confirm.setText("The agent '" + agent.name() + "' and its config versions are deleted. Its runs are kept, "
                + "with the agent's name.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                agents.delete(agent.id());
                notifySuccess("Deleted " + agent.name());
            } catch (NotFoundException gone) {
                notifyError(gone.getMessage());
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(agents.list());
        grid.recalculateColumnWidths();
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        // Lumo's badge styles would need theme.json and an npm build (shared/STACK.md); styles.css has these.
        badge.addClassNames("status-badge", "status-badge-" + theme);
        return badge;
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
