package com.fitnesscrm.orchestrator.execution.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The worst input the service still accepts (issue 11) — 64 levels deep, near a megabyte — stored and then shown by
 * the Runs view and the run's detail view, as an admin would open them; and one level more is refused before
 * anything is stored, from the UI's side (the service) as from the API's.
 */
class WorstInputViewKT extends KaribuTest {

    @Autowired
    private AgentService agents;
    @Autowired
    private RunService executions;
    @Autowired
    private ObjectMapper objectMapper;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    private Agent sum;

    @BeforeEach
    void signIn() {
        login(UserRole.ADMIN);
        sum = agents.create(new AgentDraft("worst-" + UUID.randomUUID().toString().substring(0, 8),
                SumAgent.TYPE.code(), null, true, null, null));
    }

    @Test
    void the_runs_view_and_the_detail_show_the_deepest_largest_accepted_input() throws Exception {
        // The input object is level 1; "x" opens 63 more: 64 in all, the limit.
        String text = "{\"numbers\": [2, 3], \"x\": " + nested(JsonLimits.MAX_DEPTH - 1) + ", \"pad\": \""
                + "p".repeat(900_000) + "\"}";
        Run run = executions.run(RunRequest.forAgent(sum.name(), objectMapper.readTree(text), false));
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);

        UI.getCurrent().navigate(RunsView.class);
        List<RunSummary> rows = _fetch(_get(RunsView.class).grid, 0, 50);
        assertThat(rows).extracting(RunSummary::id).contains(run.id());

        UI.getCurrent().navigate("executions/" + run.id());
        RunDetailView detail = _get(RunDetailView.class);
        assertThat(detail.title.getText()).isEqualTo("Run #" + run.id() + " · " + sum.name());
        // jsonb orders keys by length: "x" with its 63 levels, then the padding, cut in the view with a note.
        assertThat(detail.input.getText()).contains("\"x\" : {").contains("\"a\" : 1")
                .contains("more characters, not shown here");
        assertThat(detail.input.getText().length()).isLessThan(RunFormat.MAX_SHOWN_CHARS + 200);
        assertThat(detail.output.getText()).contains("\"total\" : 5.0");
        JsonNode stored = executions.get(run.id()).input();
        assertThat(stored.at("/pad").asText()).hasSize(900_000);
    }

    @Test
    void one_level_more_is_refused_naming_the_limit_and_nothing_is_stored() throws Exception {
        long before = runs();
        JsonNode tooDeep = objectMapper.readTree("{\"x\": " + nested(JsonLimits.MAX_DEPTH) + "}");
        assertThatThrownBy(() -> executions.run(RunRequest.forAgent(sum.name(), tooDeep, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("input");
                    assertThat(e.getMessage()).contains("64 levels");
                });
        JsonNode nul = objectMapper.readTree("{\"numbers\": [1], \"note\": \"a\\u0000b\"}");
        assertThatThrownBy(() -> executions.run(RunRequest.forAgent(sum.name(), nul, false)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("input.note"));
        assertThat(runs()).isEqualTo(before);
    }

    private long runs() {
        return jdbc.queryForObject("SELECT count(*) FROM ai_agent_executions", Long.class);
    }

    private static String nested(int levels) {
        return "{\"a\": ".repeat(levels) + "1" + "}".repeat(levels);
    }
}
