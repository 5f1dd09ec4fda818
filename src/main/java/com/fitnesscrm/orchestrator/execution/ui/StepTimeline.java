package com.fitnesscrm.orchestrator.execution.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.ui.JsonView;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunStep;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A run's steps as a timeline: one row per step, with a bar whose offset and width are the step's start and duration
 * as a share of the whole run. Plain divs placed by inline percentages, texts set as text (never HTML). A step whose
 * output is JSON (a node's result) has it below its row as a collapsed tree, built when first opened.
 */
class StepTimeline extends Composite<Div> {

    /** One row as shown, for tests and for whoever reads the timeline without the bars. */
    record Row(String name, String kind, String status, double offsetPercent, double widthPercent) {
    }

    /** Texts longer than this show their start in the row; the whole JSON is in the step's output tree. */
    private static final int SHOWN_SUMMARY_CHARS = 160;

    private List<Row> rows = List.of();
    /** The steps whose output the user opened: a live run redraws the timeline, which must not close them. */
    private final Set<Integer> opened = new HashSet<>();

    StepTimeline() {
        getContent().addClassName("step-timeline");
    }

    void show(Run run, List<RunStep> steps, Instant now) {
        getContent().removeAll();
        if (steps.isEmpty()) {
            getContent().add(new Span(run.status().isFinished() ? "This run recorded no steps." : "No steps yet."));
            rows = List.of();
            return;
        }
        Instant start = start(run, steps);
        double totalMs = Math.max(1, Duration.between(start, end(run, steps, now)).toNanos() / 1e6);
        rows = steps.stream().map(step -> {
            double offset = clamp(Duration.between(start, step.startedAt()).toNanos() / 1e6 / totalMs * 100);
            double width = Math.min(100 - offset, step.durationMs() / totalMs * 100);
            return new Row(step.name(), step.kind().code(), step.status(), offset, width);
        }).toList();
        for (int i = 0; i < steps.size(); i++) {
            getContent().add(createRow(steps.get(i), rows.get(i)));
            JsonNode output = JsonView.parseContainer(steps.get(i).outputSummary());
            if (output != null) {
                getContent().add(createOutput(steps.get(i).seq(), output));
            }
        }
    }

    List<Row> rows() {
        return rows;
    }

    private static Div createRow(RunStep step, Row row) {
        Span name = new Span(step.seq() + ". " + step.name());
        Span meta = new Span(row.kind() + " · " + step.status() + " · " + RunFormat.millis(step.durationMs())
                + tokens(step));
        meta.addClassName("step-summary");
        Div label = new Div(name, new Div(meta));

        Div bar = new Div();
        bar.addClassName("step-bar");
        if ("failed".equals(step.status())) {
            bar.addClassName("step-bar-failed");
        }
        bar.getStyle().set("left", percent(row.offsetPercent())).set("width", percent(row.widthPercent()));
        Div track = new Div(bar);
        track.addClassName("step-track");

        Div summaries = new Div(new Div(new Span("in: " + shortened(step.inputSummary()))),
                new Div(new Span("out: " + shortened(step.outputSummary()))));
        summaries.addClassName("step-summary");

        Div line = new Div(label, track, summaries);
        line.addClassName("step-row");
        return line;
    }

    private Details createOutput(int seq, JsonNode output) {
        Details details = new Details("Output as JSON");
        details.addClassName("step-output");
        details.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                opened.remove(seq);
                return;
            }
            opened.add(seq);
            if (details.getContent().findAny().isEmpty()) {
                JsonView view = new JsonView();
                view.show(output);
                details.add(view);
            }
        });
        details.setOpened(opened.contains(seq));
        return details;
    }

    private static String shortened(String summary) {
        String text = RunFormat.orDash(summary);
        return text.length() <= SHOWN_SUMMARY_CHARS ? text : text.substring(0, SHOWN_SUMMARY_CHARS - 1) + "…";
    }

    private static String tokens(RunStep step) {
        if (step.tokensIn() == null && step.tokensOut() == null) {
            return "";
        }
        return " · " + RunFormat.tokens(step.tokensIn() == null ? 0 : step.tokensIn(),
                step.tokensOut() == null ? 0 : step.tokensOut()) + " tokens";
    }

    /** The run's start on the timeline: when it began to run, or its first step if that was earlier. */
    private static Instant start(Run run, List<RunStep> steps) {
        Instant start = run.runningAt() != null ? run.runningAt() : run.startedAt();
        for (RunStep step : steps) {
            if (step.startedAt().isBefore(start)) {
                start = step.startedAt();
            }
        }
        return start;
    }

    /** The run's end: when it finished, or now while it runs, or the last step's end if that is later. */
    private static Instant end(Run run, List<RunStep> steps, Instant now) {
        Instant end = run.completedAt() != null ? run.completedAt() : now;
        for (RunStep step : steps) {
            Instant stepEnd = step.startedAt().plusNanos((long) (step.durationMs() * 1_000_000));
            if (stepEnd.isAfter(end)) {
                end = stepEnd;
            }
        }
        return end;
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", Math.max(0, value));
    }
}
