package com.fitnesscrm.orchestrator.execution.ui;

import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunComparison;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Two runs side by side ({@code executions/compare?a=<id>&b=<id>}), as an admin compares them before rolling out a new
 * prompt or model: their facts (agent, config version, engine, model, source, status, tokens, cost, duration), where
 * their input, config and output differ, and both outputs in full.
 */
@Route("executions/compare")
@PageTitle("Compare runs · FitnessCRM AI Orchestrator")
@RolesAllowed(Roles.ADMIN)
public class RunCompareView extends VerticalLayout implements BeforeEnterObserver {

    private final transient RunService runs;
    final H2 title = new H2("Compare runs");
    final Paragraph problem = new Paragraph();
    final Grid<Fact> facts = new Grid<>();
    final Div body = new Div();
    RunDifferences input;
    RunDifferences config;
    RunDifferences output;

    /** One line of the facts grid: a label and what each run has. */
    record Fact(String label, String left, String right) {

        boolean differs() {
            return !left.equals(right);
        }
    }

    public RunCompareView(RunService runs) {
        this.runs = runs;
        setWidthFull();
        problem.addClassName("form-error");
        body.setWidthFull();
        add(title, new RouterLink("All runs", RunsView.class), problem, body);
    }

    /** Opens the comparison of run {@code left} (shown on the left) with run {@code right}. */
    public static void navigate(long left, long right) {
        UI.getCurrent().navigate(RunCompareView.class, parameters(left, right));
    }

    /** A link to the comparison of run {@code left} with run {@code right}. */
    public static RouterLink link(long left, long right, String text) {
        RouterLink link = new RouterLink(text, RunCompareView.class);
        link.setQueryParameters(parameters(left, right));
        return link;
    }

    private static QueryParameters parameters(long left, long right) {
        return QueryParameters.simple(Map.of("a", String.valueOf(left), "b", String.valueOf(right)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        Optional<Long> left = id(parameters.get("a"));
        Optional<Long> right = id(parameters.get("b"));
        if (left.isEmpty() || right.isEmpty()) {
            showProblem("Choose two runs to compare: executions/compare?a=<run id>&b=<run id>.");
            return;
        }
        try {
            show(runs.compare(left.get(), right.get()));
        } catch (NotFoundException e) {
            showProblem(e.getMessage());
        }
    }

    private static Optional<Long> id(List<String> values) {
        if (values == null || values.size() != 1 || !values.get(0).matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(values.get(0)));
    }

    private void show(RunComparison comparison) {
        Run left = comparison.left();
        Run right = comparison.right();
        String leftHeader = "Run #" + left.id();
        String rightHeader = "Run #" + right.id();
        title.setText("Run #" + left.id() + " and run #" + right.id());
        problem.setVisible(false);
        input = new RunDifferences("Input", leftHeader, rightHeader, comparison.input());
        config = new RunDifferences("Config", leftHeader, rightHeader, comparison.config());
        output = new RunDifferences("Output", leftHeader, rightHeader, comparison.output());
        body.removeAll();
        body.add(createFacts(left, right), createLinks(left, right), input, config, output, new H3("Outputs"),
                createOutputs(left, right));
        body.setVisible(true);
    }

    private Grid<Fact> createFacts(Run left, Run right) {
        facts.removeAllColumns();
        facts.addColumn(Fact::label).setHeader("").setAutoWidth(true).setFlexGrow(0);
        facts.addColumn(Fact::left).setKey("left").setHeader("Run #" + left.id()).setFlexGrow(1);
        facts.addColumn(Fact::right).setKey("right").setHeader("Run #" + right.id()).setFlexGrow(1);
        // The facts that differ stand out: these are what the admin compares for.
        facts.setPartNameGenerator(fact -> fact.differs() ? "differs" : null);
        facts.addThemeVariants(GridVariant.LUMO_COMPACT);
        facts.setItems(facts(left, right));
        facts.setAllRowsVisible(true);
        return facts;
    }

    static List<Fact> facts(Run left, Run right) {
        return List.of(
                fact("Agent", left, right, run -> run.agentName() + (run.agentId() == null ? " (deleted)" : "")),
                fact("Config version", left, right, run -> RunFormat.orDash(run.configVersion())),
                fact("Engine", left, right, run -> RunFormat.orDash(run.engine())),
                fact("Model", left, right, run -> RunFormat.orDash(run.model())),
                fact("Source", left, right, run -> run.requestedBy() + " (" + run.requesterKind() + ")"),
                fact("Status", left, right, run -> run.status().code()),
                fact("Tokens in", left, right, run -> String.valueOf(run.tokensIn())),
                fact("Tokens out", left, right, run -> String.valueOf(run.tokensOut())),
                fact("Cost", left, right, run -> RunFormat.cost(run.costUsd(), run.unpriced())),
                fact("Duration", left, right, run -> RunFormat.seconds(run.executionTime())),
                fact("Asked at", left, right, run -> RunFormat.time(run.startedAt())),
                fact("Replay of", left, right, run -> run.summary().replayOf() == null ? "—"
                        : "Run #" + run.summary().replayOf()));
    }

    private static Fact fact(String label, Run left, Run right, Function<Run, String> value) {
        return new Fact(label, value.apply(left), value.apply(right));
    }

    private static HorizontalLayout createLinks(Run left, Run right) {
        return new HorizontalLayout(RunDetailView.link(left.id(), "Open run #" + left.id()),
                RunDetailView.link(right.id(), "Open run #" + right.id()));
    }

    /** Both outputs in full, as indented text side by side. */
    private static HorizontalLayout createOutputs(Run left, Run right) {
        HorizontalLayout outputs = new HorizontalLayout();
        outputs.setWidthFull();
        for (Run run : List.of(left, right)) {
            Div side = new Div(new H3("Run #" + run.id()), RunFormat.json(run.output()));
            side.getStyle().set("flex", "1 1 0").set("min-width", "0");
            side.addClassName("compare-output");
            outputs.add(side);
        }
        return outputs;
    }

    private void showProblem(String message) {
        title.setText("Compare runs");
        problem.setText(message);
        problem.setVisible(true);
        body.removeAll();
        body.setVisible(false);
    }
}
