package com.fitnesscrm.orchestrator.execution.ui;

import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.base.ui.ViewToolbar;
import com.fitnesscrm.orchestrator.execution.RunFilter;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every run of every agent, newest first, filtered by agent, status and time; a click opens the run, and two runs
 * ticked open Compare ({@link RunCompareView}). The grid pages through the service without counting, so it stays fast
 * with millions of runs.
 */
@Route("executions")
@PageTitle("Runs · FitnessCRM AI Orchestrator")
@Menu(order = 20, icon = "vaadin:flash", title = "Runs")
@RolesAllowed(Roles.ADMIN)
public class RunsView extends VerticalLayout {

    /** Preset time ranges: what admins ask for, without typing dates. */
    enum TimeRange {
        LAST_HOUR("Last hour", Duration.ofHours(1)),
        LAST_DAY("Last 24 hours", Duration.ofDays(1)),
        LAST_WEEK("Last 7 days", Duration.ofDays(7)),
        ALL("All time", null);

        private final String label;
        private final Duration length;

        TimeRange(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        Instant from(Instant now) {
            return length == null ? null : now.minus(length);
        }
    }

    private final transient RunService runs;
    private final transient AgentService agents;
    private final transient Clock clock;
    final ComboBox<Agent> agent = new ComboBox<>("Agent");
    final ComboBox<RunStatus> status = new ComboBox<>("Status");
    final Select<TimeRange> range = new Select<>();
    final Grid<RunSummary> grid = new Grid<>(RunSummary.class, false);
    final Button compare = ViewToolbar.primary("Compare", VaadinIcon.SPLIT_H, "compare-runs", event -> compare());

    public RunsView(RunService runs, AgentService agents, Clock clock) {
        this.runs = runs;
        this.agents = agents;
        this.clock = clock;
        setSizeFull();
        add(createToolbar(), createFilters(), createGrid());
        grid.setItems(query -> runs.list(filter(), query.getOffset(), query.getLimit()).stream())
                // a ticked run stays ticked when a refresh brings it back with another status
                .setIdentifierProvider(RunSummary::id);
    }

    private ViewToolbar createToolbar() {
        compare.setEnabled(false);
        compare.setTooltipText("Tick two runs to compare them");
        return new ViewToolbar("Runs",
                ViewToolbar.tertiary("Refresh", VaadinIcon.REFRESH, "refresh-runs", event -> refresh()), compare);
    }

    private HorizontalLayout createFilters() {
        agent.setItems(agents.list());
        agent.setItemLabelGenerator(Agent::name);
        agent.setClearButtonVisible(true);
        agent.setPlaceholder("Any agent");
        status.setItems(RunStatus.values());
        status.setItemLabelGenerator(RunStatus::code);
        status.setClearButtonVisible(true);
        status.setPlaceholder("Any status");
        range.setLabel("Started");
        range.setItems(TimeRange.values());
        range.setItemLabelGenerator(value -> value.label);
        range.setValue(TimeRange.ALL);
        agent.addValueChangeListener(event -> refresh());
        status.addValueChangeListener(event -> refresh());
        range.addValueChangeListener(event -> refresh());
        HorizontalLayout filters = new HorizontalLayout(agent, status, range);
        filters.setAlignItems(Alignment.BASELINE);
        return filters;
    }

    private Grid<RunSummary> createGrid() {
        grid.addColumn(RunSummary::id).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> run.agentName() + (run.agentId() == null ? " (deleted)" : "")).setHeader("Agent")
                .setFlexGrow(1);
        grid.addComponentColumn(run -> RunFormat.statusBadge(run.status())).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(run -> RunFormat.orDash(run.engine())).setHeader("Engine").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> RunFormat.seconds(run.executionTime())).setHeader("Duration").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(run -> RunFormat.cost(run.costUsd(), run.unpriced())).setKey("cost").setHeader("Cost")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> RunFormat.tokens(run.tokensIn(), run.tokensOut())).setHeader("Tokens")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RunSummary::requestedBy).setHeader("Requested by").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> RunFormat.time(run.startedAt())).setHeader("Started").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(event -> RunDetailView.navigate(event.getItem().id()));
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(event -> compare.setEnabled(event.getAllSelectedItems().size() == 2));
        grid.setSizeFull();
        return grid;
    }

    RunFilter filter() {
        TimeRange chosen = range.getValue() == null ? TimeRange.ALL : range.getValue();
        return new RunFilter(agent.getValue() == null ? null : agent.getValue().id(), status.getValue(),
                chosen.from(clock.instant()), null);
    }

    /** The older run on the left, so a new prompt's run reads as the change. */
    private void compare() {
        List<Long> ids = grid.getSelectedItems().stream().map(RunSummary::id).sorted().toList();
        if (ids.size() == 2) {
            RunCompareView.navigate(ids.get(0), ids.get(1));
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
