package com.fitnesscrm.orchestrator.execution.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admins compare two runs before rolling out a change: facts, input, config and output differences, both outputs. */
class RunCompareViewKT extends KaribuTest {

    @Autowired
    private AgentService agents;
    @Autowired
    private RunService executions;
    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void an_admin_sees_where_two_runs_of_two_config_versions_differ() throws Exception {
        login(UserRole.ADMIN);
        Agent sum = agent("{\"timeout_seconds\": 30}");
        Run before = run(sum, "{\"numbers\": [1, 2]}");
        agents.update(sum.id(), new AgentDraft(null, null, null, null, json("{\"timeout_seconds\": 45}"),
                "longer timeout"));
        Run after = run(sum, "{\"numbers\": [1, 5]}");

        RunCompareView view = open(before.id(), after.id());

        assertThat(view.title.getText()).isEqualTo("Run #" + before.id() + " and run #" + after.id());
        Map<String, RunCompareView.Fact> facts = _fetch(view.facts, 0, 50).stream()
                .collect(Collectors.toMap(RunCompareView.Fact::label, fact -> fact));
        assertThat(facts.get("Config version")).isEqualTo(new RunCompareView.Fact("Config version", "1", "2"));
        assertThat(facts.get("Agent").differs()).isFalse();
        assertThat(facts.get("Engine").left()).isEqualTo("rules");
        assertThat(facts.get("Source").left()).isEqualTo("admin (user)");
        assertThat(facts.get("Status").right()).isEqualTo("succeeded");
        assertThat(facts).containsKeys("Model", "Tokens in", "Tokens out", "Cost", "Duration");

        assertThat(rows(view.input)).containsExactly(List.of("numbers[1]", "2", "5"));
        assertThat(rows(view.config)).containsExactly(List.of("timeout_seconds", "30", "45"));
        assertThat(rows(view.output)).contains(List.of("total", "3.0", "6.0"));
        assertThat(view.output.grid.getColumnByKey("left").getHeaderText()).isEqualTo("Run #" + before.id());

        List<String> outputs = _find(view.body, Pre.class).stream().map(Pre::getText).toList();
        assertThat(outputs).hasSize(2);
        assertThat(outputs.get(0)).contains("\"total\" : 3.0");
        assertThat(outputs.get(1)).contains("\"total\" : 6.0");
    }

    @Test
    void two_runs_alike_say_there_are_no_differences_and_hostile_text_stays_text() throws Exception {
        login(UserRole.ADMIN);
        Agent sum = agent(null);
        Run first = run(sum, "{\"numbers\": [1], \"note\": \"<img src=x onerror=alert(1)>\"}");
        Run second = run(sum, "{\"numbers\": [1], \"note\": \"<b>bold</b>\"}");

        RunCompareView view = open(first.id(), second.id());

        assertThat(view.config.note.getText()).isEqualTo("No differences.");
        assertThat(rows(view.input)).containsExactly(
                List.of("note", "\"<img src=x onerror=alert(1)>\"", "\"<b>bold</b>\""));
    }

    @Test
    void ticking_two_runs_in_the_runs_view_opens_compare_with_the_older_on_the_left() {
        login(UserRole.ADMIN);
        Agent sum = agent(null);
        Run older = run(sum, "{\"numbers\": [1]}");
        Run newer = run(sum, "{\"numbers\": [2]}");
        UI.getCurrent().navigate(RunsView.class);
        RunsView runs = _get(RunsView.class);
        _setValue(runs.agent, runs.agent.getListDataView().getItems()
                .filter(agent -> agent.id() == sum.id()).findFirst().orElseThrow());
        List<RunSummary> shown = _fetch(runs.grid, 0, 10);
        assertThat(runs.compare.isEnabled()).isFalse();

        runs.grid.select(shown.get(0));
        assertThat(runs.compare.isEnabled()).isFalse();
        runs.grid.select(shown.get(1));
        assertThat(runs.compare.isEnabled()).isTrue();
        _click(runs.compare);

        RunCompareView view = _get(RunCompareView.class);
        assertThat(view.title.getText()).isEqualTo("Run #" + older.id() + " and run #" + newer.id());
        assertThat(rows(view.input)).containsExactly(List.of("numbers[0]", "1", "2"));
    }

    @Test
    void a_missing_or_unknown_run_is_named_instead_of_a_comparison() {
        login(UserRole.ADMIN);
        navigate(Map.of("a", "1"));
        RunCompareView view = _get(RunCompareView.class);
        assertThat(view.problem.getText()).startsWith("Choose two runs to compare");
        assertThat(view.body.isVisible()).isFalse();

        Run known = run(agent(null), "{\"numbers\": [1]}");
        navigate(Map.of("a", String.valueOf(known.id()), "b", "987654321"));
        assertThat(_get(RunCompareView.class).problem.getText()).contains("987654321");
    }

    @Test
    void a_trainer_is_refused_compare() {
        login(UserRole.TRAINER);
        navigate(Map.of("a", "1", "b", "2"));
        assertThat((Component) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isNotInstanceOf(RunCompareView.class);
        assertThatThrownBy(() -> _get(RunCompareView.class)).hasMessageContaining("AccessDeniedException");
    }

    private RunCompareView open(long left, long right) {
        navigate(Map.of("a", String.valueOf(left), "b", String.valueOf(right)));
        return _get(RunCompareView.class);
    }

    /** As the browser's address {@code executions/compare?a=…&b=…}. */
    private static void navigate(Map<String, String> parameters) {
        UI.getCurrent().navigate("executions/compare", QueryParameters.simple(parameters));
    }

    /** Each difference as the admin reads it: path, left, right. */
    private static List<List<String>> rows(RunDifferences differences) {
        int size = _size(differences.grid);
        return java.util.stream.IntStream.range(0, size).mapToObj(row -> List.of(
                _getFormatted(differences.grid, row, "path"), _getFormatted(differences.grid, row, "left"),
                _getFormatted(differences.grid, row, "right"))).toList();
    }

    private Agent agent(String config) {
        return agents.create(new AgentDraft("compare-" + UUID.randomUUID().toString().substring(0, 8),
                SumAgent.TYPE.code(), null, true, config == null ? null : json(config), null));
    }

    private Run run(Agent agent, String input) {
        return executions.run(RunRequest.forAgent(agent.name(), json(input), false));
    }

    private com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return objectMapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
