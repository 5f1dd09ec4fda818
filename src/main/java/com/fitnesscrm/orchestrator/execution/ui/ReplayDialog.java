package com.fitnesscrm.orchestrator.execution.ui;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Replays a run with edited input and/or config overrides: the admin's "what if this prompt, this model, this input"
 * before rolling a change out. The input starts as the run's own; the overrides start empty ({@code {}}: the agent's
 * current config). The replay is queued and its detail view opened; a refused field is shown at its text area.
 */
public class ReplayDialog extends Dialog {

    private static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().streamReadConstraints(JsonLimits.READ_CONSTRAINTS).build());

    private final transient RunService runs;
    private final long runId;
    final TextArea input = new TextArea("Input (JSON)");
    final TextArea config = new TextArea("Config overrides (JSON)");
    final Paragraph error = new Paragraph();
    final Button replay = new Button("Replay", event -> replay());

    ReplayDialog(RunService runs, Run run) {
        this.runs = runs;
        this.runId = run.id();
        setHeaderTitle("Replay run #" + run.id() + " · " + run.agentName());
        setWidth("min(48rem, 95vw)");
        input.setValue(text(run.input()));
        config.setValue("{}");
        config.setHelperText("Fields to change for this run only, e.g. {\"model\": \"gpt-4o\"}; {} runs with the "
                + "agent's current config.");
        for (TextArea area : new TextArea[] {input, config}) {
            area.setWidthFull();
            area.setMinHeight("6rem");
            area.setMaxHeight("20rem");
        }
        error.addClassName("form-error");
        error.setVisible(false);
        add(input, config, error);
        replay.setDisableOnClick(true); // a double click must not queue two replays
        replay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), replay);
    }

    private void replay() {
        clearErrors();
        JsonNode newInput = read(input);
        JsonNode overrides = newInput == null ? null : read(config);
        if (newInput == null || overrides == null) {
            replay.setEnabled(true);
            return;
        }
        try {
            Run replayed = runs.replay(runId, newInput, overrides.isEmpty() ? null : overrides);
            close();
            RunDetailView.navigate(replayed.id());
        } catch (InvalidInputException refused) {
            showRefusal(refused);
        } catch (ConflictException | UnavailableException | NotFoundException refused) {
            showError(refused.getMessage());
        }
        replay.setEnabled(true);
    }

    /** The whole input, indented (not cut as the detail view's text is: it is edited and sent back). */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "{}";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return value.toString();
        }
    }

    /** The area's JSON object, or {@code null} with the reason shown at the area. */
    private static JsonNode read(TextArea area) {
        JsonNode json;
        try {
            json = JSON.readTree(area.getValue());
            if (json != null) {
                JsonLimits.check(json, "", 1);
            }
        } catch (JsonProcessingException e) {
            return invalid(area, "Not valid JSON: " + e.getOriginalMessage());
        } catch (InvalidInputException e) {
            return invalid(area, e.getMessage());
        }
        return json != null && json.isObject() ? json : invalid(area, "Must be a JSON object, such as {}.");
    }

    private static JsonNode invalid(TextArea area, String message) {
        area.setErrorMessage(message);
        area.setInvalid(true);
        return null;
    }

    /** At the text area the field belongs to ({@code config.…} or {@code input.…}), naming the field. */
    private void showRefusal(InvalidInputException refused) {
        String field = refused.field() == null ? "" : refused.field();
        String message = field.isEmpty() ? refused.getMessage() : field + ": " + refused.getMessage();
        if (field.equals("config") || field.startsWith("config.")) {
            invalid(config, message);
        } else {
            invalid(input, message);
        }
        showError(message);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void clearErrors() {
        input.setInvalid(false);
        config.setInvalid(false);
        error.setVisible(false);
    }
}
