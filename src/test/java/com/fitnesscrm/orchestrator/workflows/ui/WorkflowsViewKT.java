package com.fitnesscrm.orchestrator.workflows.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.workflows.Workflow;
import com.fitnesscrm.orchestrator.workflows.WorkflowDraft;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunctionInfo;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
import com.fitnesscrm.orchestrator.workflows.WorkflowVersion;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admins manage workflows in the Workflows view: the definition editor, its graph, versions, rollback, Try it. */
class WorkflowsViewKT extends KaribuTest {

    /** One agent node; line 6 holds the agent's name. */
    private static final String ONE_NODE = """
            {
              "description": "first",
              "start": "progress",
              "nodes": [
                {"id": "progress", "kind": "agent", "label": "How is the client doing",
                 "agent": "%s",
                 "input": {"client_id": "$input.client_id"}}
              ],
              "edges": [{"from": "progress", "to": "end"}]
            }""";

    @Autowired
    private WorkflowService workflows;
    @Autowired
    private ObjectMapper objectMapper;

    private WorkflowsView view;

    @BeforeEach
    void openWorkflowsView() {
        login(UserRole.ADMIN);
        UI.getCurrent().navigate(WorkflowsView.class);
        view = _get(WorkflowsView.class);
    }

    @Test
    void an_admin_sees_the_shipped_workflows() {
        assertThat(rows()).extracting(Workflow::name).contains("client_check_in", "incident_triage");
    }

    @Test
    void creating_a_workflow_from_json_draws_its_graph_and_adds_a_row_with_version_1() {
        String name = uniqueName();
        WorkflowEditorDialog dialog = openNewDialog();
        dialog.name.setValue(name);
        dialog.definition.setValue(ONE_NODE.formatted("Progress Monitor"));

        assertThat(_get(dialog.graph, Image.class).getAlt()).hasValue(
                "Workflow graph: 1 node (1 agent), 1 edge, starting at progress.");
        _click(dialog.save);

        expectNotifications("Created " + name + " (version 1)");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(row(name).version()).isEqualTo(1);
        assertThat(workflows.get(row(name).id()).definition().nodes()).singleElement()
                .satisfies(node -> assertThat(node.agent()).isEqualTo("Progress Monitor"));
    }

    @Test
    void an_unknown_agent_is_shown_at_its_line_and_nothing_is_created() {
        String name = uniqueName();
        WorkflowEditorDialog dialog = openNewDialog();
        dialog.name.setValue(name);
        dialog.definition.setValue(ONE_NODE.formatted("Nobody at all"));
        _click(dialog.check);

        assertThat(problems(dialog)).singleElement().satisfies(problem -> assertThat(problem)
                .startsWith("Line 6: ").contains("Nobody at all"));
        assertThat(dialog.definition.isInvalid()).isTrue();

        _click(dialog.save);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(rows()).noneMatch(workflow -> workflow.name().equals(name));
    }

    @Test
    void a_syntax_error_is_shown_at_its_line_and_column_and_no_graph_is_drawn() {
        WorkflowEditorDialog dialog = openNewDialog();
        dialog.definition.setValue("{\n  \"start\": \"a\",\n  \"nodes\": [}\n}");
        _click(dialog.check);

        assertThat(problems(dialog)).singleElement().satisfies(problem -> assertThat(problem)
                .startsWith("Line 3, column 13: "));
        assertThat(_find(dialog.graph, Image.class)).isEmpty();
    }

    @Test
    void a_clean_definition_passes_the_check_and_the_installed_functions_are_listed() {
        WorkflowEditorDialog dialog = openNewDialog();
        _click(dialog.check);

        assertThat(problems(dialog)).isEmpty();
        assertThat(dialog.checked.getText()).isEqualTo("No problems found.");
        List<String> functions = workflows.functions().stream().map(WorkflowFunctionInfo::name).toList();
        assertThat(functions).isNotEmpty();
        assertThat(get_textRecursively(_get(dialog, Details.class)))
                .contains(functions.get(0));
    }

    @Test
    void an_edit_makes_version_2_and_the_versions_dialog_shows_the_changed_line() {
        Workflow workflow = createWorkflow();
        clickAction(workflow.name(), "Edit");
        WorkflowEditorDialog dialog = _get(WorkflowEditorDialog.class);
        dialog.definition.setValue(dialog.definition.getValue().replace("\"first\"", "\"second\""));
        dialog.note.setValue("reworded");
        _click(dialog.save);

        assertThat(row(workflow.name()).version()).isEqualTo(2);
        clickAction(workflow.name(), "Versions");
        WorkflowVersionsDialog versions = _get(WorkflowVersionsDialog.class);
        assertThat(versions.versions.getListDataView().getItems().map(WorkflowVersion::version).toList())
                .containsExactly(2, 1);
        assertThat(versions.versions.getListDataView().getItems().findFirst().orElseThrow().note())
                .isEqualTo("reworded");
        assertThat(DefinitionDiff.changes(versions.diff.getListDataView().getItems().toList()))
                // Key order and the trailing comma are the stored JSON's; the changed value is what matters.
                .extracting(line -> line.sign() + line.text().strip().replaceAll(",$", ""))
                .containsExactly("-\"description\" : \"first\"", "+\"description\" : \"second\"");
    }

    @Test
    void rolling_back_to_version_1_with_a_note_makes_version_3_with_the_first_definition() {
        Workflow workflow = createWorkflow();
        var changed = workflow.definitionJson().deepCopy();
        ((ObjectNode) changed).put("description", "worse");
        workflows.update(workflow.id(), new WorkflowDraft(workflow.name(), null, changed, "worse"));
        UI.getCurrent().getPage().reload();
        view = _get(WorkflowsView.class);
        clickAction(workflow.name(), "Versions");
        WorkflowVersionsDialog versions = _get(WorkflowVersionsDialog.class);
        assertThat(versions.rollback.isEnabled()).isFalse();
        versions.versions.select(versions.versions.getListDataView().getItems()
                .filter(version -> version.version() == 1).findFirst().orElseThrow());
        versions.note.setValue("worse was worse");
        _click(versions.rollback);

        Workflow rolledBack = workflows.get(workflow.id());
        assertThat(rolledBack.version()).isEqualTo(3);
        assertThat(rolledBack.definitionJson()).isEqualTo(workflow.definitionJson());
        assertThat(row(workflow.name()).version()).isEqualTo(3);
        assertThat(versions.versions.getListDataView().getItems().map(WorkflowVersion::version).toList())
                .containsExactly(3, 2, 1);
        assertThat(versions.versions.getListDataView().getItems().findFirst().orElseThrow().note())
                .isEqualTo("worse was worse");
    }

    @Test
    void try_it_queues_a_run_and_links_to_its_detail() {
        Workflow workflow = createWorkflow();
        clickAction(workflow.name(), "Try it");
        WorkflowTryItDialog dialog = _get(WorkflowTryItDialog.class);
        _click(dialog.run);

        RouterLink link = _get(dialog.result, RouterLink.class);
        assertThat(link.getHref()).matches("executions/\\d+");
        assertThat(_get(dialog.result, Paragraph.class).getText()).matches("Run #\\d+ is (queued|running|succeeded)\\.");
    }

    @Test
    void delete_removes_the_row_after_confirming() {
        Workflow workflow = createWorkflow();
        clickAction(workflow.name(), "Delete");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(rows()).noneMatch(row -> row.name().equals(workflow.name()));
    }

    private Workflow createWorkflow() {
        try {
            Workflow workflow = workflows.create(new WorkflowDraft(uniqueName(), "for a test",
                    objectMapper.readTree(ONE_NODE.formatted("Progress Monitor")), null));
            UI.getCurrent().getPage().reload();
            view = _get(WorkflowsView.class);
            return workflow;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private WorkflowEditorDialog openNewDialog() {
        _click(_get(Button.class, spec -> spec.withId("new-workflow")));
        return _get(WorkflowEditorDialog.class);
    }

    private static List<String> problems(WorkflowEditorDialog dialog) {
        return _find(dialog.problems, ListItem.class).stream().map(ListItem::getText).toList();
    }

    private void clickAction(String name, String action) {
        var actions = _getCellComponent(view.grid, rows().indexOf(row(name)), "actions");
        _click(_find(actions, Button.class, spec -> spec.withText(action)).get(0));
    }

    private Workflow row(String name) {
        return rows().stream().filter(workflow -> workflow.name().equals(name)).findFirst().orElseThrow();
    }

    private List<Workflow> rows() {
        return view.grid.getListDataView().getItems().toList();
    }

    private static String uniqueName() {
        return "wf-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
