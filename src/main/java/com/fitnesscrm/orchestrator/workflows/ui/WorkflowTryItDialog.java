package com.fitnesscrm.orchestrator.workflows.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRejectedException;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.ui.RunDetailView;
import com.fitnesscrm.orchestrator.workflows.Workflow;
import com.fitnesscrm.orchestrator.workflows.ui.DefinitionLines.SyntaxError;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Runs a workflow on an input the admin types. Always async: a workflow may run several agents and wait for an
 * approval, so the dialog answers with the queued run and a link to its detail view, which follows it node by node.
 * (The agents' Try it waits for sync answers; for a workflow that wait could be a person's.)
 */
class WorkflowTryItDialog extends Dialog {

    private final transient RunService runs;
    private final Workflow workflow;
    final TextArea input = new TextArea("Input (JSON)");
    final Div result = new Div();
    final Button run = new Button("Run", event -> run());

    WorkflowTryItDialog(RunService runs, Workflow workflow) {
        this.runs = runs;
        this.workflow = workflow;
        setHeaderTitle("Try " + workflow.name());
        setWidth("min(40rem, 95vw)");
        input.setValue("{\n  \"client_id\": 1\n}");
        input.setWidthFull();
        input.setMinHeight("8rem");
        input.getStyle().set("font-family", "monospace");
        input.setHelperText("The run's $input; it is queued and runs in the background.");
        result.setId("workflow-try-it-result");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(input, result);
        getFooter().add(new Button("Close", event -> close()), run);
    }

    private void run() {
        input.setInvalid(false);
        result.removeAll();
        DefinitionLines.Parsed parsed = DefinitionLines.parse(input.getValue());
        if (parsed instanceof SyntaxError error) {
            showInputError("Not valid JSON: " + error.text());
            return;
        }
        JsonNode json = ((DefinitionLines.Valid) parsed).json();
        if (!json.isObject()) {
            showInputError("The input must be a JSON object, such as {}.");
            return;
        }
        try {
            Run queued = runs.run(RunRequest.forAgent(workflow.name(), json, true));
            result.add(new Paragraph("Run #" + queued.id() + " is " + queued.status().code() + "."),
                    RunDetailView.link(queued.id(), "Open run #" + queued.id()));
        } catch (RunRejectedException rejected) {
            showInputError(rejected.getMessage());
        } catch (InvalidInputException | ConflictException | NotFoundException | UnavailableException refused) {
            Paragraph error = new Paragraph(refused.getMessage());
            error.addClassName("form-error");
            result.add(error);
        }
    }

    private void showInputError(String message) {
        input.setErrorMessage(message);
        input.setInvalid(true);
    }
}
