package com.fitnesscrm.orchestrator.execution.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.base.ui.JsonView;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A run's input, output and step outputs read as JSON trees, bounded, copyable; old text steps still read. */
class RunDetailJsonKT extends KaribuTest {

    @Autowired
    private RunService executions;
    @Autowired
    private AgentService agents;
    @Autowired
    private ObjectMapper objectMapper;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void signIn() {
        login(UserRole.ADMIN);
    }

    @Test
    void a_workout_plan_run_shows_its_step_output_as_json_keys_not_a_java_record_dump() throws Exception {
        Run run = executions.run(RunRequest.forTaskType(AgentType.WORKOUT_OPTIMIZATION.code(),
                objectMapper.readTree("{\"client_id\": \"5\", \"goal\": \"hypertrophy\", \"fitness_level\": "
                        + "\"intermediate\", \"days_per_week\": 3, \"weeks\": 1}")));
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        RunDetailView detail = open(run.id());

        assertThat(detail.output.isTreeShown()).isTrue();
        assertThat(detail.output.rows()).extracting(JsonView.Node::key).contains("client_id", "weeks");
        assertThat(detail.input.rows()).anySatisfy(row -> {
            assertThat(row.key()).isEqualTo("goal");
            assertThat(row.value()).isEqualTo("hypertrophy");
            assertThat(row.type()).isEqualTo("text");
        });
        Details stepOutput = _get(detail.timeline, Details.class, spec -> spec.withClasses("step-output"));
        stepOutput.setOpened(true);
        JsonView tree = _get(stepOutput, JsonView.class);
        assertThat(tree.rows()).extracting(JsonView.Node::key).contains("client_id", "split");
        assertThat(tree.rows()).filteredOn(row -> row.key().equals("client_id")).extracting(JsonView.Node::value)
                .containsExactly("5");
        assertThat(_find(detail, Span.class)).extracting(Span::getText)
                .noneMatch(text -> text.contains("WorkoutPlan[") || text.contains("clientId="));
    }

    @Test
    void an_opened_step_output_stays_open_when_the_timeline_is_drawn_again() throws Exception {
        Run run = executions.run(RunRequest.forTaskType(AgentType.WORKOUT_OPTIMIZATION.code(),
                objectMapper.readTree("{\"client_id\": \"6\", \"goal\": \"strength\", \"days_per_week\": 2, "
                        + "\"weeks\": 1}")));
        RunDetailView detail = open(run.id());
        _get(detail.timeline, Details.class, spec -> spec.withClasses("step-output")).setOpened(true);

        // What a live run's push does on every change: the same steps drawn again.
        detail.timeline.show(run, executions.steps(run.id()), Instant.now());

        Details again = _get(detail.timeline, Details.class, spec -> spec.withClasses("step-output"));
        assertThat(again.isOpened()).isTrue();
        assertThat(_get(again, JsonView.class).rows()).extracting(JsonView.Node::key).contains("client_id");
    }

    @Test
    void a_step_recorded_as_a_records_text_by_an_older_version_still_shows_as_text() {
        Run run = run(sumAgent(), "{\"numbers\": [1, 2]}");
        jdbc.update("INSERT INTO ai_execution_steps (execution_id, seq, name, kind, status, started_at, duration_ms, "
                + "input_summary, output_summary) VALUES (?, 50, 'rules engine', 'node', 'succeeded', ?, 1, NULL, ?)",
                run.id(), Timestamp.from(Instant.now()), "WorkoutPlan[clientId=5, goal=hypertrophy, weeks=[Week["
                        + "number=1]]]");
        RunDetailView detail = open(run.id());

        assertThat(_find(detail.timeline, Span.class)).extracting(Span::getText)
                .contains("out: WorkoutPlan[clientId=5, goal=hypertrophy, weeks=[Week[number=1]]]");
        // the sum run's own rules-engine step is JSON; the old text one has no tree
        assertThat(_find(detail.timeline, Details.class, spec -> spec.withClasses("step-output"))).hasSize(1);
    }

    @Test
    void a_large_input_shows_a_bounded_tree_says_how_much_more_and_keeps_the_raw_text() {
        StringBuilder numbers = new StringBuilder("{\"numbers\": [1], \"pad\": [");
        for (int i = 0; i < 3000; i++) {
            numbers.append(i == 0 ? "" : ", ").append(i % 10);
        }
        RunDetailView detail = open(run(sumAgent(), numbers.append("]}").toString()).id());

        assertThat(detail.input.valueCount()).isEqualTo(3003);
        var rows = detail.input.rows();
        assertThat(rows).extracting(JsonView.Node::key).contains("numbers", "pad");
        assertThat(rows).filteredOn(row -> !row.key().equals("…")).hasSize(JsonView.MAX_NODES);
        // every value left out is counted in a "… N more" row where it would have been
        assertThat(rows.stream().filter(row -> row.key().equals("…"))
                .mapToInt(row -> Integer.parseInt(row.value().replace(" more", ""))).sum()).isEqualTo(3003 - 500);
        assertThat(_find(detail.input, Span.class)).extracting(Span::getText)
                .contains("Showing 500 of 3003 values; the raw JSON below has more.");
        assertThat(detail.input.getText()).contains("\"pad\" : [ 0, 1, 2");
    }

    @Test
    void copy_json_sends_the_whole_indented_json_to_the_clipboard_and_raw_switches_to_the_text() {
        RunDetailView detail = open(run(sumAgent(), "{\"numbers\": [1, 2]}").id());
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        _click(_get(detail.output, Button.class, spec -> spec.withText("Copy JSON")));

        var calls = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        assertThat(calls).anySatisfy(call -> {
            assertThat(call.getInvocation().getExpression()).contains("navigator.clipboard.writeText($0)");
            assertThat(call.getInvocation().getParameters()).first().asString().contains("\"total\" : 3.0")
                    .contains("\n");
        });
        assertThat(detail.output.isTreeShown()).isTrue();
        _click(_get(detail.output, Button.class, spec -> spec.withText("Raw JSON")));
        assertThat(detail.output.isTreeShown()).isFalse();
        assertThat(_get(detail.output, com.vaadin.flow.component.html.Pre.class).getText())
                .contains("\"total\" : 3.0");
    }

    private RunDetailView open(long id) {
        UI.getCurrent().navigate("executions/" + id);
        return _get(RunDetailView.class);
    }

    private Agent sumAgent() {
        return agents.create(new AgentDraft("json-" + UUID.randomUUID().toString().substring(0, 8),
                SumAgent.TYPE.code(), null, true, null, null));
    }

    private Run run(Agent agent, String input) {
        try {
            return executions.run(RunRequest.forAgent(agent.name(), (ObjectNode) objectMapper.readTree(input),
                    false));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
