package com.fitnesscrm.orchestrator.execution.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunFilter;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin replays a run from its detail view with edited input or config, and lands on the new run. */
class ReplayDialogKT extends KaribuTest {

    @Autowired
    private AgentService agents;
    @Autowired
    private RunService executions;
    @Autowired
    private ObjectMapper objectMapper;
    private Agent sum;
    private Run original;

    @BeforeEach
    void aRunToReplay() {
        login(UserRole.ADMIN);
        sum = agents.create(new AgentDraft("replay-" + UUID.randomUUID().toString().substring(0, 8),
                SumAgent.TYPE.code(), null, true, null, null));
        original = executions.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1, 2]}"), false));
    }

    @Test
    void the_dialog_starts_from_the_runs_input_and_no_overrides() {
        ReplayDialog dialog = openReplay();
        assertThat(_get(RunDetailView.class).lineage.isVisible()).isFalse();
        assertThat(json(dialog.input.getValue())).isEqualTo(original.input());
        assertThat(dialog.config.getValue()).isEqualTo("{}");
    }

    @Test
    void replaying_with_edited_input_creates_a_new_run_with_that_input_and_opens_it() {
        ReplayDialog dialog = openReplay();
        _setValue(dialog.input, "{\"numbers\": [10, 20, 30]}");
        _click(dialog.replay);

        Run replayed = executions.get(newestRun());
        assertThat(replayed.id()).isNotEqualTo(original.id());
        assertThat(replayed.input()).isEqualTo(json("{\"numbers\": [10, 20, 30]}"));
        assertThat(replayed.summary().replayOf()).isEqualTo(original.id());
        assertThat(dialog.isOpened()).isFalse();
        RunDetailView opened = _get(RunDetailView.class);
        assertThat(opened.title.getText()).startsWith("Run #" + replayed.id() + " ");
        // the new run links to the one it replays, and to comparing the two
        assertThat(_find(opened.lineage, RouterLink.class)).extracting(RouterLink::getText, RouterLink::getHref)
                .containsExactly(tuple("Replay of run #" + original.id(), "executions/" + original.id()),
                        tuple("Compare with run #" + original.id(),
                                "executions/compare?a=" + original.id() + "&b=" + replayed.id()));
    }

    @Test
    void a_config_override_out_of_range_is_shown_at_the_config_naming_its_field() {
        ReplayDialog dialog = openReplay();
        _setValue(dialog.config, "{\"temperature\": 7}");
        _click(dialog.replay);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.config.isInvalid()).isTrue();
        assertThat(dialog.config.getErrorMessage()).startsWith("config.temperature: ");
        assertThat(dialog.error.getText()).contains("config.temperature");
        assertThat(newestRun()).isEqualTo(original.id());
        assertThat(dialog.replay.isEnabled()).isTrue();
    }

    @Test
    void input_that_is_not_a_json_object_is_refused_before_anything_runs() {
        ReplayDialog dialog = openReplay();
        _setValue(dialog.input, "[1, 2");
        _click(dialog.replay);
        assertThat(dialog.input.isInvalid()).isTrue();
        assertThat(dialog.input.getErrorMessage()).startsWith("Not valid JSON");

        _setValue(dialog.input, "[1, 2]");
        _click(dialog.replay);
        assertThat(dialog.input.getErrorMessage()).isEqualTo("Must be a JSON object, such as {}.");
        assertThat(newestRun()).isEqualTo(original.id());
    }

    private ReplayDialog openReplay() {
        UI.getCurrent().navigate("executions/" + original.id());
        _click(_get(RunDetailView.class).replay);
        return _get(ReplayDialog.class);
    }

    private long newestRun() {
        return executions.list(new RunFilter(sum.id(), null, null, null), 0, 1).get(0).id();
    }

    private JsonNode json(String text) {
        try {
            return objectMapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
