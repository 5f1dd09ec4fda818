package com.fitnesscrm.orchestrator.agents.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentConfigVersion;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentExamples;
import com.fitnesscrm.orchestrator.agents.AgentPrograms;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.execution.RunFilter;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.execution.ui.TryItDialog;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admins manage agents and their config versions in the Agents view, and try an agent out. */
class AgentsViewKT extends KaribuTest {

    @Autowired
    private AgentService agents;
    @Autowired
    private AgentPrograms programs;
    @Autowired
    private RunService executions;
    @Autowired
    private ObjectMapper objectMapper;
    @Autowired
    private Clock clock;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    private AgentsView view;

    @BeforeEach
    void openAgentsView() {
        login(UserRole.ADMIN);
        UI.getCurrent().navigate(AgentsView.class);
        view = _get(AgentsView.class);
    }

    @Test
    void an_admin_sees_the_five_original_agents_and_which_have_an_installed_engine() {
        List<String> originals = AgentType.ORIGINAL.stream().map(AgentType::displayName).toList();
        assertThat(rows()).extracting(Agent::name).containsAll(originals);
        // Each engine lands with its own issue; an agent is installed exactly when its program is in this build.
        assertThat(rows()).filteredOn(agent -> originals.contains(agent.name()))
                .allSatisfy(agent -> assertThat(agent.installed()).as(agent.name())
                        .isEqualTo(programs.forType(agent.type()).isPresent()));
        assertThat(row("Progress Monitor").installed()).isTrue();
        assertThat(row("Workout Optimizer").installed()).isTrue();
    }

    @Test
    void creating_a_sum_agent_through_the_dialog_adds_a_row_with_config_version_1() {
        String name = uniqueName();
        AgentDialog dialog = openNewAgentDialog();
        _setValue(dialog.form.type, SumAgent.TYPE.code());
        dialog.form.name.setValue(name);
        dialog.form.note.setValue("first try");
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));

        expectNotifications("Created " + name + " (config version 1)");
        assertThat(dialog.isOpened()).isFalse();
        Agent created = row(name);
        assertThat(created.type()).isEqualTo("sum_test");
        assertThat(created.configVersion()).isEqualTo(1);
        assertThat(created.installed()).isTrue();
        assertThat(agents.versions(created.id())).singleElement()
                .satisfies(version -> assertThat(version.note()).isEqualTo("first try"));
    }

    @Test
    void a_temperature_out_of_range_is_shown_at_the_temperature_field_and_nothing_is_created() {
        String name = uniqueName();
        AgentDialog dialog = openNewAgentDialog();
        _setValue(dialog.form.type, SumAgent.TYPE.code());
        dialog.form.name.setValue(name);
        dialog.form.temperature.setValue(3.0);
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));

        assertThat(dialog.form.temperature.isInvalid()).isTrue();
        assertThat(dialog.form.temperature.getErrorMessage()).isEqualTo("'temperature' must be from 0 to 2; it was 3.0.");
        assertThat(dialog.form.name.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(rows()).noneMatch(agent -> agent.name().equals(name));
    }

    @Test
    void a_max_tokens_value_the_service_refuses_is_shown_at_its_own_field() {
        AgentDialog dialog = openNewAgentDialog();
        _setValue(dialog.form.type, SumAgent.TYPE.code());
        dialog.form.name.setValue(uniqueName());
        dialog.form.maxTokens.setValue(5);
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));

        assertThat(dialog.form.maxTokens.getErrorMessage()).isEqualTo("'max_tokens' must be from 16 to 128000; it was 5.");
        assertThat(dialog.form.temperature.isInvalid()).isFalse();
    }

    @Test
    void a_taken_name_is_refused_next_to_the_name_field() {
        AgentDialog dialog = openNewAgentDialog();
        _setValue(dialog.form.type, SumAgent.TYPE.code());
        dialog.form.name.setValue("Code Analyzer");
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));

        assertThat(dialog.form.name.isInvalid()).isTrue();
        assertThat(dialog.form.name.getErrorMessage()).isEqualTo("An agent named 'Code Analyzer' already exists.");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void editing_the_system_prompt_makes_version_2_and_the_versions_dialog_shows_the_change() {
        Agent agent = createSumAgent("Add carefully.");
        clickAction(agent.name(), "Edit");
        AgentDialog dialog = _get(AgentDialog.class);
        assertThat(dialog.form.type.isVisible()).isFalse();
        dialog.form.systemPrompt.setValue("Add very carefully.");
        dialog.form.note.setValue("stricter");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));

        assertThat(row(agent.name()).configVersion()).isEqualTo(2);
        clickAction(agent.name(), "Versions");
        AgentVersionsDialog versions = _get(AgentVersionsDialog.class);
        assertThat(versions.versions.getListDataView().getItems().map(AgentConfigVersion::note).toList())
                .containsExactly("stricter", "Created");
        assertThat(versions.from.getValue()).isEqualTo(1);
        assertThat(versions.to.getValue()).isEqualTo(2);
        assertThat(versions.diff.getListDataView().getItems().toList()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("system_prompt");
            assertThat(change.beforeText()).isEqualTo("Add carefully.");
            assertThat(change.afterText()).isEqualTo("Add very carefully.");
        });
    }

    @Test
    void rolling_back_to_version_1_makes_version_3_with_the_old_prompt() {
        Agent agent = createSumAgent("Add carefully.");
        agents.update(agent.id(), new AgentDraft(null, null, null, null,
                objectMapper.createObjectNode().put("system_prompt", "Guess."), "worse"));
        UI.getCurrent().getPage().reload();
        view = _get(AgentsView.class);
        clickAction(agent.name(), "Versions");
        AgentVersionsDialog versions = _get(AgentVersionsDialog.class);
        assertThat(versions.rollback.isEnabled()).isFalse();
        versions.versions.select(versions.versions.getListDataView().getItems()
                .filter(version -> version.version() == 1).findFirst().orElseThrow());
        _click(versions.rollback);

        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirm)).contains("Version 1").contains("version 3");
        ConfirmDialogKt._fireConfirm(confirm);

        Agent rolledBack = agents.get(agent.id());
        assertThat(rolledBack.configVersion()).isEqualTo(3);
        assertThat(rolledBack.config().systemPrompt()).isEqualTo("Add carefully.");
        assertThat(row(agent.name()).configVersion()).isEqualTo(3);
        assertThat(versions.versions.getListDataView().getItems().map(AgentConfigVersion::version).toList())
                .containsExactly(3, 2, 1);
    }

    @Test
    void disable_and_enable_toggle_the_agent() {
        Agent agent = createSumAgent("");
        clickAction(agent.name(), "Disable");
        expectNotifications(agent.name() + " is disabled");
        assertThat(row(agent.name()).enabled()).isFalse();
        assertThat(agents.get(agent.id()).enabled()).isFalse();

        clickAction(agent.name(), "Enable");
        assertThat(row(agent.name()).enabled()).isTrue();
    }

    @Test
    void delete_asks_for_confirmation_naming_the_agent_and_then_removes_the_row() {
        Agent agent = createSumAgent("");
        clickAction(agent.name(), "Delete");
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).contains(agent.name());
        assertThat(ConfirmDialogKt.getText(confirm)).contains(agent.name()).contains("runs are kept");
        assertThat(rows()).anyMatch(row -> row.name().equals(agent.name()));

        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(rows()).noneMatch(row -> row.name().equals(agent.name()));
    }

    @Test
    void try_it_on_a_sum_agent_shows_the_total_the_engine_and_a_link_to_the_run() {
        Agent agent = createSumAgent("");
        clickAction(agent.name(), "Try it");
        TryItDialog dialog = _get(TryItDialog.class);
        _get(dialog, TextArea.class, spec -> spec.withLabel("Input (JSON)")).setValue("{\"numbers\": [1, 2]}");
        _click(_get(dialog, Button.class, spec -> spec.withText("Run")));

        Div result = _get(dialog, Div.class, spec -> spec.withId("try-it-result"));
        awaitPush(() -> !get_textRecursively(result).isBlank());
        assertThat(get_textRecursively(result)).contains("succeeded").contains("Engine: rules");
        assertThat(_get(result, Pre.class).getText()).contains("\"total\" : 3.0");
        long runId = executions.list(new RunFilter(agent.id(), null, null, null), 0, 1).get(0).id();
        RouterLink link = _get(result, RouterLink.class);
        assertThat(link.getHref()).isEqualTo("executions/" + runId);
        assertThat(link.getText()).isEqualTo("Open run #" + runId);
    }

    @Test
    void an_agent_without_its_engine_is_marked_not_installed_and_cannot_be_tried() {
        // Every original agent has its engine now: a row of a type this build does not know (a newer build's).
        jdbc.update("INSERT INTO ai_agents (name, type) VALUES ('Nutrition coach', 'nutrition_planning') "
                + "ON CONFLICT DO NOTHING");
        startNewSession();
        openAgentsView();
        int index = rows().indexOf(row("Nutrition coach"));
        Span status = (Span) _getCellComponent(view.grid, index, "status");
        assertThat(status.getText()).isEqualTo("Not installed");
        assertThat(status.getTitle()).hasValueSatisfying(reason -> assertThat(reason).contains("no engine"));
        Button tryIt = _find(_getCellComponent(view.grid, index, "actions"), Button.class,
                spec -> spec.withText("Try it")).get(0);
        assertThat(tryIt.isEnabled()).isFalse();

        Span installed = (Span) _getCellComponent(view.grid, rows().indexOf(row("Progress Monitor")), "status");
        assertThat(installed.getText()).isEqualTo("Enabled");
    }

    @Test
    void try_it_on_the_workout_optimizer_and_the_progress_monitor_starts_from_their_documented_examples()
            throws Exception {
        for (AgentType type : List.of(AgentType.WORKOUT_OPTIMIZATION, AgentType.PROGRESS_MONITORING)) {
            clickAction(type.displayName(), "Try it");
            TryItDialog dialog = _get(TryItDialog.class);
            TextArea input = _get(dialog, TextArea.class, spec -> spec.withLabel("Input (JSON)"));
            // The same input the OpenAPI document shows for this type, not {}.
            assertThat(objectMapper.readTree(input.getValue())).as(type.code())
                    .isEqualTo(AgentExamples.input(type.code(), LocalDate.now(clock)).orElseThrow());
            assertThat(input.getValue()).as(type.code()).contains("\"client_id\"");

            input.setValue("{\"client_id\": 1}");
            _click(_get(dialog, Button.class, spec -> spec.withText("Reset to example")));
            assertThat(objectMapper.readTree(input.getValue())).as(type.code())
                    .isEqualTo(AgentExamples.input(type.code(), LocalDate.now(clock)).orElseThrow());
            dialog.close();
        }
    }

    @Test
    void try_it_on_an_agent_type_without_an_example_starts_from_an_empty_object() {
        Agent agent = createSumAgent("");
        clickAction(agent.name(), "Try it");
        TryItDialog dialog = _get(TryItDialog.class);
        assertThat(_get(dialog, TextArea.class, spec -> spec.withLabel("Input (JSON)")).getValue()).isEqualTo("{}");
        assertThat(_find(dialog, Button.class, spec -> spec.withText("Reset to example")))
                .allSatisfy(button -> assertThat(button.isVisible()).isFalse());
    }

    @Test
    void try_it_refuses_text_that_is_not_json_without_running_anything() {
        Agent agent = createSumAgent("");
        clickAction(agent.name(), "Try it");
        TryItDialog dialog = _get(TryItDialog.class);
        TextArea input = _get(dialog, TextArea.class, spec -> spec.withLabel("Input (JSON)"));
        input.setValue("{numbers: [1,");
        _click(_get(dialog, Button.class, spec -> spec.withText("Run")));

        assertThat(input.isInvalid()).isTrue();
        assertThat(input.getErrorMessage()).startsWith("Not valid JSON");
        assertThat(executions.list(new RunFilter(agent.id(), null, null, null), 0, 1)).isEmpty();
    }

    private Agent createSumAgent(String systemPrompt) {
        Agent agent = agents.create(new AgentDraft(uniqueName(), SumAgent.TYPE.code(), null, true,
                objectMapper.createObjectNode().put("system_prompt", systemPrompt), null));
        UI.getCurrent().getPage().reload();
        view = _get(AgentsView.class);
        return agent;
    }

    private AgentDialog openNewAgentDialog() {
        _click(_get(Button.class, spec -> spec.withId("new-agent")));
        return _get(AgentDialog.class);
    }

    private void clickAction(String agentName, String action) {
        int index = rows().indexOf(row(agentName));
        var actions = _getCellComponent(view.grid, index, "actions");
        _click(_find(actions, Button.class, spec -> spec.withText(action)).get(0));
    }

    private Agent row(String name) {
        return rows().stream().filter(agent -> agent.name().equals(name)).findFirst().orElseThrow();
    }

    private List<Agent> rows() {
        return view.grid.getListDataView().getItems().toList();
    }

    private static String uniqueName() {
        return "sum-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
