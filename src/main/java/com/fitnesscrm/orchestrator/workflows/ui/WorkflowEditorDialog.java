package com.fitnesscrm.orchestrator.workflows.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.ui.JsonView;
import com.fitnesscrm.orchestrator.workflows.DefinitionProblem;
import com.fitnesscrm.orchestrator.workflows.Workflow;
import com.fitnesscrm.orchestrator.workflows.WorkflowDraft;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunctionInfo;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
import com.fitnesscrm.orchestrator.workflows.ui.DefinitionLines.SyntaxError;
import com.fitnesscrm.orchestrator.workflows.ui.DefinitionLines.Valid;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Creates or edits a workflow: name, description and the definition as JSON text. "Check" (and saving) shows each
 * problem the service finds at its line, and a syntax error at its line and column; saving is refused while there
 * are any. The graph is redrawn from the text whenever it parses, valid or not, so an admin sees what they wrote.
 */
class WorkflowEditorDialog extends Dialog {

    /** The admin asked to save a draft that passed the checks; the parent saves it and reports refusals back. */
    static class SaveEvent extends ComponentEvent<WorkflowEditorDialog> {
        private final WorkflowDraft draft;

        SaveEvent(WorkflowEditorDialog source, WorkflowDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        WorkflowDraft draft() {
            return draft;
        }
    }

    static final String TEMPLATE = """
            {
              "description": "How the client is doing, for their trainer",
              "start": "progress",
              "nodes": [
                {"id": "progress", "kind": "agent", "label": "How is the client doing",
                 "agent": "Progress Monitor", "input": {"client_id": "$input.client_id"}}
              ],
              "edges": [
                {"from": "progress", "to": "end"}
              ]
            }""";

    private final transient WorkflowService workflows;
    final TextField name = new TextField("Name");
    final TextField description = new TextField("Description");
    final TextArea definition = new TextArea("Definition (JSON)");
    final TextField note = new TextField("Why it changed");
    final Button check = new Button("Check", event -> check());
    final Button save;
    /** "Line 12: …" per problem; empty when the last check found none. */
    final UnorderedList problems = new UnorderedList();
    final Paragraph checked = new Paragraph();
    final Div graph = new Div();

    /** A dialog for a new workflow, starting from a one-node template. */
    static WorkflowEditorDialog forNew(WorkflowService workflows) {
        WorkflowEditorDialog dialog = new WorkflowEditorDialog(workflows, "New workflow", "Create");
        dialog.definition.setValue(TEMPLATE);
        dialog.note.setVisible(false);
        return dialog;
    }

    static WorkflowEditorDialog forWorkflow(WorkflowService workflows, Workflow workflow) {
        WorkflowEditorDialog dialog = new WorkflowEditorDialog(workflows, "Edit " + workflow.name(), "Save");
        dialog.name.setValue(workflow.name());
        dialog.description.setValue(workflow.description() == null ? "" : workflow.description());
        dialog.definition.setValue(JsonView.pretty(workflow.definitionJson()));
        return dialog;
    }

    private WorkflowEditorDialog(WorkflowService workflows, String title, String saveLabel) {
        this.workflows = workflows;
        setHeaderTitle(title);
        setWidth("min(80rem, 98vw)");
        name.setRequired(true);
        name.setWidthFull();
        description.setWidthFull();
        note.setWidthFull();
        definition.setWidthFull();
        definition.setMinHeight("24rem");
        definition.getStyle().set("font-family", "monospace");
        definition.setValueChangeMode(ValueChangeMode.LAZY);
        definition.addValueChangeListener(event -> drawGraph());
        problems.setId("workflow-problems");
        problems.addClassName("form-error");
        checked.setId("workflow-checked");
        graph.setId("workflow-graph");
        save = new Button(saveLabel, event -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout left = new VerticalLayout(name, description, definition, note, problems, checked);
        left.setPadding(false);
        VerticalLayout right = new VerticalLayout(graph, createFunctions());
        right.setPadding(false);
        HorizontalLayout body = new HorizontalLayout(left, right);
        body.setWidthFull();
        body.setFlexGrow(1, left);
        body.setFlexGrow(1, right);
        add(body);
        getFooter().add(check, new Button("Cancel", event -> close()), save);
    }

    private Details createFunctions() {
        UnorderedList list = new UnorderedList();
        List<WorkflowFunctionInfo> installed = workflows.functions();
        installed.forEach(function -> list.add(new ListItem(function.name() + " — " + function.description())));
        if (installed.isEmpty()) {
            list.add(new ListItem("No functions are installed."));
        }
        Details details = new Details("Installed functions (" + installed.size() + ")", list);
        details.setId("workflow-functions");
        return details;
    }

    /**
     * Shows what is wrong with the text, if anything.
     *
     * @return the definition when it may be saved
     */
    Optional<JsonNode> check() {
        problems.removeAll();
        checked.setText("");
        drawGraph();
        DefinitionLines.Parsed parsed = DefinitionLines.parse(definition.getValue());
        if (parsed instanceof SyntaxError error) {
            showProblems(List.of(error.text()));
            return Optional.empty();
        }
        JsonNode json = ((Valid) parsed).json();
        List<DefinitionProblem> found = workflows.validate(json);
        if (!found.isEmpty()) {
            showProblems(DefinitionLines.messages(definition.getValue(), found));
            return Optional.empty();
        }
        checked.setText("No problems found.");
        return Optional.of(json);
    }

    private void save() {
        if (name.getValue().isBlank()) {
            name.setErrorMessage("A workflow needs a name.");
            name.setInvalid(true);
            return;
        }
        name.setInvalid(false);
        check().ifPresent(json -> fireEvent(new SaveEvent(this, new WorkflowDraft(name.getValue().strip(),
                description.getValue().strip(), json, note.getValue().isBlank() ? null : note.getValue().strip()))));
    }

    /** Shows the service's refusal: at its line when it names a definition field, else at the name. */
    void showRejection(String field, String message) {
        if (field != null && field.startsWith("definition")) {
            showProblems(List.of("Line " + DefinitionLines.lineOf(definition.getValue(), field) + ": " + message));
        } else {
            name.setErrorMessage(message);
            name.setInvalid(true);
        }
    }

    private void showProblems(List<String> messages) {
        messages.forEach(message -> problems.add(new ListItem(message)));
        definition.setInvalid(true);
        definition.setErrorMessage(messages.size() == 1 ? "1 problem, listed below"
                : messages.size() + " problems, listed below");
    }

    /** The graph of the text as it is now; nothing while it does not parse (the last check says why). */
    private void drawGraph() {
        definition.setInvalid(false);
        graph.removeAll();
        DefinitionLines.json(definition.getValue()).filter(JsonNode::isObject)
                .ifPresent(json -> graph.add(image(WorkflowGraph.of(WorkflowGraph.sketch(json)))));
    }

    static Image image(WorkflowGraph drawn) {
        byte[] svg = drawn.svg().getBytes(StandardCharsets.UTF_8);
        Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(svg), "workflow.svg", "image/svg+xml", svg.length)), drawn.description());
        image.setMaxWidth("100%");
        image.getStyle().set("height", "auto").set("display", "block");
        return image;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
