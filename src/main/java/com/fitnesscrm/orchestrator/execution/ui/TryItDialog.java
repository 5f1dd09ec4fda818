package com.fitnesscrm.orchestrator.execution.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentExamples;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.base.ui.BackgroundWork;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRejectedException;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one agent on an input the admin types, sync (the answer is the finished run) or async (the answer is the
 * queued run, which its detail view then follows), and shows what came back with a link to the recorded run. A sync
 * run may wait for the LLM for the agent's whole timeout, so it runs in the background and its answer is pushed.
 * The input starts from the type's example ({@link AgentExamples}, the one the OpenAPI document shows), so a first
 * run works without knowing the agent's fields; "Reset to example" brings it back after editing.
 */
public class TryItDialog extends Dialog {

    static final String SYNC = "Sync: wait for the answer";
    static final String ASYNC = "Async: queue it";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(TryItDialog.class);

    private final transient RunService runs;
    private final transient BackgroundWork background;
    private final Agent agent;
    private final Button run = new Button("Run", event -> run());
    private final ProgressBar running = new ProgressBar();
    final TextArea input = new TextArea("Input (JSON)");
    final RadioButtonGroup<String> mode = new RadioButtonGroup<>("Mode");
    final Div result = new Div();

    TryItDialog(RunService runs, BackgroundWork background, Agent agent, LocalDate today) {
        this.runs = runs;
        this.background = background;
        this.agent = agent;
        setHeaderTitle("Try " + agent.name());
        setWidth("min(48rem, 95vw)");
        String example = AgentExamples.text(agent.type(), today);
        input.setValue(example);
        input.setWidthFull();
        input.setMinHeight("8rem");
        input.setMaxHeight("24rem");
        mode.setItems(SYNC, ASYNC);
        mode.setValue(SYNC);
        result.setId("try-it-result");
        result.setWidthFull();
        running.setIndeterminate(true);
        running.setVisible(false);
        add(input, mode, running, result);
        run.setDisableOnClick(true); // a double click must not start two runs
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button("Reset to example", event -> {
            input.setValue(example);
            input.setInvalid(false);
        });
        // A type without an example starts from {} and has nothing to reset to.
        reset.setVisible(AgentExamples.input(agent.type(), today).isPresent());
        getFooter().add(reset, new Button("Close", event -> close()), run);
    }

    private void run() {
        input.setInvalid(false);
        JsonNode json;
        try {
            json = JSON.readTree(input.getValue());
        } catch (JsonProcessingException e) {
            showInputError("Not valid JSON: " + e.getOriginalMessage());
            run.setEnabled(true);
            return;
        }
        if (json == null || !json.isObject()) {
            showInputError("The input must be a JSON object, such as {}.");
            run.setEnabled(true);
            return;
        }
        result.removeAll();
        RunRequest request = RunRequest.forAgent(String.valueOf(agent.id()), json, ASYNC.equals(mode.getValue()));
        setRunning(true);
        background.start(this, () -> runs.run(request), finished -> {
            setRunning(false);
            showRun(finished);
        }, failure -> {
            setRunning(false);
            showFailure(failure);
        });
    }

    private void setRunning(boolean on) {
        running.setVisible(on);
        run.setEnabled(!on);
    }

    private void showFailure(RuntimeException failure) {
        if (failure instanceof RunRejectedException rejected) {
            showInputError(rejected.getMessage());
            showError("The agent refused the input: " + rejected.getMessage(), rejected.executionId());
        } else if (failure instanceof UnavailableException || failure instanceof ConflictException
                || failure instanceof NotFoundException || failure instanceof InvalidInputException
                || failure instanceof BackgroundWork.BusyException) {
            showError(failure.getMessage(), null);
        } else {
            log.error("Try it on agent '{}' failed", agent.name(), failure);
            showError("The run could not be started because of a fault on the server; it is in the server's log.",
                    null);
        }
    }

    private void showRun(Run run) {
        HorizontalLayout facts = new HorizontalLayout(RunFormat.statusBadge(run.status()),
                new Span("Engine: " + RunFormat.orDash(run.engine())),
                new Span("Duration: " + RunFormat.seconds(run.executionTime())),
                new Span("Cost: " + RunFormat.cost(run.costUsd(), run.unpriced())));
        facts.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        result.add(facts);
        if (run.output() != null) {
            result.add(RunFormat.json(run.output()));
        }
        if (run.error() != null) {
            Paragraph error = new Paragraph(run.error());
            error.addClassName("form-error");
            result.add(error);
        }
        result.add(RunDetailView.link(run.id(), "Open run #" + run.id()));
    }

    private void showError(String message, Long runId) {
        Paragraph error = new Paragraph(message);
        error.addClassName("form-error");
        result.add(error);
        if (runId != null) {
            result.add(RunDetailView.link(runId, "Open run #" + runId));
        }
    }

    private void showInputError(String message) {
        input.setErrorMessage(message);
        input.setInvalid(true);
    }
}
