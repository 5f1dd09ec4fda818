package com.fitnesscrm.orchestrator.execution.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRejectedException;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.execution.testagents.SlowAgent;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admins follow runs in the Runs view and a run's detail view: filters, timeline, live refresh, cancel, rerun. */
class RunsViewKT extends KaribuTest {

    @Autowired
    private AgentService agents;
    @Autowired
    private RunService executions;
    @Autowired
    private ObjectMapper objectMapper;

    @BeforeEach
    void signIn() {
        login(UserRole.ADMIN);
    }

    @Test
    void runs_appear_newest_first() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        Run first = run(sum, "{\"numbers\": [1]}");
        Run second = run(sum, "{\"numbers\": [2]}");

        RunsView view = openRunsView();
        assertThat(rows(view).subList(0, 2)).extracting(RunSummary::id).containsExactly(second.id(), first.id());
    }

    @Test
    void the_status_and_agent_filters_narrow_the_grid() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        Run ok = run(sum, "{\"numbers\": [1, 2]}");
        long refused = refusedRun(sum);
        Agent other = agent(SumAgent.TYPE.code(), null);
        run(other, "{\"numbers\": [3]}");

        RunsView view = openRunsView();
        _setValue(view.agent, view.agent.getListDataView().getItems()
                .filter(agent -> agent.id() == sum.id()).findFirst().orElseThrow());
        assertThat(rows(view)).extracting(RunSummary::id).containsExactly(refused, ok.id());

        // Refused input is the caller's mistake: its own status, not a failure of the agent.
        _setValue(view.status, RunStatus.FAILED);
        assertThat(rows(view)).extracting(RunSummary::id).doesNotContain(refused);
        _setValue(view.status, RunStatus.REJECTED);
        assertThat(rows(view)).extracting(RunSummary::id).containsExactly(refused);

        view.agent.clear();
        assertThat(rows(view)).isNotEmpty().allSatisfy(row -> assertThat(row.status()).isEqualTo(RunStatus.REJECTED));
        assertThat(rows(view)).extracting(RunSummary::id).contains(refused).doesNotContain(ok.id());
    }

    @Test
    void a_sum_run_shows_its_cost_as_true_zero_not_unpriced() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        Run ok = run(sum, "{\"numbers\": [1, 2]}");
        RunsView view = openRunsView();
        _setValue(view.agent, view.agent.getListDataView().getItems()
                .filter(agent -> agent.id() == sum.id()).findFirst().orElseThrow());
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(view.grid, 0, "cost"))
                .isEqualTo("$0.0000");
        assertThat(RunFormat.cost(null, true)).isEqualTo("unpriced");
        assertThat(ok.unpriced()).isFalse();
    }

    @Test
    void clicking_a_row_opens_the_runs_detail() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        Run ok = run(sum, "{\"numbers\": [4]}");
        RunsView view = openRunsView();
        _clickItem(view.grid, 0);

        RunDetailView detail = _get(RunDetailView.class);
        assertThat(detail.title.getText()).isEqualTo("Run #" + ok.id() + " · " + sum.name());
    }

    @Test
    void the_detail_shows_input_output_and_a_timeline_of_the_steps() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        Run ok = run(sum, "{\"numbers\": [1, 2]}");
        RunDetailView detail = openDetail(ok.id());

        assertThat(detail.input.getText()).contains("\"numbers\"");
        assertThat(detail.output.getText()).contains("\"total\" : 3.0");
        assertThat(detail.error.isVisible()).isFalse();
        assertThat(detail.header.facts()).containsEntry("Status", "succeeded").containsEntry("Engine", "rules")
                .containsEntry("Cost", "$0.0000").containsEntry("Requested by", "admin (user)")
                .containsEntry("Config version", "1");
        assertThat(detail.timeline.rows()).extracting(StepTimeline.Row::name, StepTimeline.Row::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rules engine", "node"),
                        org.assertj.core.groups.Tuple.tuple("check rules answer", "guardrail"));
        assertThat(detail.timeline.rows()).allSatisfy(row -> {
            assertThat(row.offsetPercent()).isBetween(0.0, 100.0);
            assertThat(row.offsetPercent() + row.widthPercent()).isLessThanOrEqualTo(100.0);
        });
        assertThat(detail.cancel.isVisible()).isFalse();
    }

    @Test
    void a_running_run_is_followed_by_push_until_it_succeeds() {
        Agent slow = agent(SlowAgent.TYPE.code(), "{\"timeout_seconds\": 60}");
        Run queued = executions.run(RunRequest.forAgent(slow.name(), json("{\"millis\": 1500}"), true));
        RunDetailView detail = openDetail(queued.id());
        assertThat(detail.isFollowing()).isTrue();
        assertThat(detail.cancel.isVisible()).isTrue();

        // The refresher's ui.access() waits for the session lock, which Karibu's test thread holds; run its queue.
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            MockVaadin.runUIQueue();
            return "succeeded".equals(detail.header.facts().get("Status"));
        });
        assertThat(detail.output.getText()).contains("\"millis\" : 1500");
        assertThat(detail.timeline.rows()).extracting(StepTimeline.Row::name).contains("wait");
        assertThat(detail.isFollowing()).isFalse();
        assertThat(detail.cancel.isVisible()).isFalse();
    }

    @Test
    void a_running_run_is_cancelled_from_its_detail_view() {
        Agent slow = agent(SlowAgent.TYPE.code(), "{\"timeout_seconds\": 60}");
        Run queued = executions.run(RunRequest.forAgent(slow.name(), json("{\"millis\": 30000}"), true));
        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> executions.get(queued.id()).status() == RunStatus.RUNNING);
        RunDetailView detail = openDetail(queued.id());
        assertThat(detail.header.facts()).containsEntry("Status", "running");

        _click(detail.cancel);
        expectNotifications("Run #" + queued.id() + " is cancelled");
        assertThat(detail.header.facts()).containsEntry("Status", "cancelled");
        assertThat(detail.error.getText()).contains("Cancelled by admin");
        assertThat(detail.cancel.isVisible()).isFalse();
        assertThat(detail.isFollowing()).isFalse();
        assertThat(executions.get(queued.id()).status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void run_again_queues_a_new_run_and_opens_it() {
        Agent sum = agent(SumAgent.TYPE.code(), null);
        Run ok = run(sum, "{\"numbers\": [5, 6]}");
        RunDetailView detail = openDetail(ok.id());
        _click(detail.runAgain);

        long newest = executions.list(new com.fitnesscrm.orchestrator.execution.RunFilter(sum.id(), null,
                null, null), 0, 1).get(0).id();
        assertThat(newest).isNotEqualTo(ok.id());
        RunDetailView opened = _get(RunDetailView.class);
        assertThat(opened.title.getText()).startsWith("Run #" + newest + " ");
        assertThat(executions.get(newest).input()).isEqualTo(ok.input());
        assertThat(executions.get(newest).mode()).isEqualTo("async");
    }

    @Test
    void an_unknown_run_id_says_so() {
        RunDetailView detail = openDetail(987_654_321L);
        assertThat(detail.title.getText()).isEqualTo("No run with id 987654321");
        assertThat(detail.cancel.isVisible()).isFalse();
        assertThat(detail.runAgain.isVisible()).isFalse();
    }

    private RunsView openRunsView() {
        UI.getCurrent().navigate(RunsView.class);
        return _get(RunsView.class);
    }

    private RunDetailView openDetail(long id) {
        UI.getCurrent().navigate("executions/" + id);
        assertThat((Component) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isInstanceOf(RunDetailView.class);
        return _get(RunDetailView.class);
    }

    private static List<RunSummary> rows(RunsView view) {
        return _fetch(view.grid, 0, 200);
    }

    private Agent agent(String type, String config) {
        return agents.create(new AgentDraft(type + "-" + UUID.randomUUID().toString().substring(0, 8), type, null,
                true, config == null ? null : json(config), null));
    }

    private Run run(Agent agent, String input) {
        return executions.run(RunRequest.forAgent(agent.name(), json(input), false));
    }

    private long refusedRun(Agent agent) {
        try {
            executions.run(RunRequest.forAgent(agent.name(), json("{\"numbers\": \"none\"}"), false));
        } catch (RunRejectedException refused) {
            return refused.executionId();
        }
        throw new AssertionError("the sum agent accepted a non-list");
    }

    private ObjectNode json(String text) {
        try {
            return (ObjectNode) objectMapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
