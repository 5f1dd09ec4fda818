package com.fitnesscrm.orchestrator.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.metrics.MetricPeriod;
import com.fitnesscrm.orchestrator.metrics.MetricsQuery;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The dashboard's metrics: key figures with their changes, charts, CSV, and what a trainer may not see. */
@Import(FakeMetricsReader.Config.class)
class DashboardMetricsKT extends KaribuTest {

    @Autowired
    private FakeMetricsReader reader;

    @BeforeEach
    void forget() {
        reader.queries.clear();
    }

    private MetricsPanel open(UserRole role) {
        login(role);
        UI.getCurrent().navigate("");
        return _get(MetricsPanel.class);
    }

    private static String text(String id) {
        return get_textRecursively(_get(Div.class, spec -> spec.withId(id)));
    }

    @Test
    void shows_an_admin_each_key_figure_with_its_change_against_the_previous_range() {
        open(UserRole.ADMIN);
        assertThat(text("kpi-runs")).contains("120").contains("▲ 20 %");
        assertThat(text("kpi-success")).contains("90.0 %").contains("▲ 4 pts");
        assertThat(text("kpi-p95")).contains("2.40 s").contains("▼ 20 %");
        assertThat(text("kpi-cost")).contains("$1.2000").contains("▲ 20 %");
        assertThat(text("kpi-llm-share")).contains("75 % / 25 %").contains("▲ 5 pts");
        assertThat(text("kpi-helpful")).contains("Helpful (10 votes)").contains("80.0 %").contains("▼ 10 pts");
        // Coloured by whether the change is good: faster is good, dearer and less helpful are bad.
        assertThat(changeClass("kpi-p95")).contains("kpi-good");
        assertThat(changeClass("kpi-cost")).contains("kpi-bad");
        assertThat(changeClass("kpi-helpful")).contains("kpi-bad");
    }

    private static String changeClass(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getChildren()
                .filter(c -> c.getClassNames().contains("kpi-change")).findFirst().orElseThrow()
                .getElement().getAttribute("class");
    }

    @Test
    void compares_with_the_previous_range_of_the_same_length_and_uses_hours_for_24_hours() {
        MetricsPanel panel = open(UserRole.ADMIN);
        reader.queries.clear();
        panel.range.setValue(MetricsPanel.Range.DAY);
        MetricsQuery current = reader.queries.get(0);
        MetricsQuery previous = reader.queries.get(1);
        assertThat(current.period()).isEqualTo(MetricPeriod.HOUR);
        assertThat(Duration.between(current.from(), current.to())).isEqualTo(Duration.ofHours(24));
        assertThat(previous.to()).isEqualTo(current.from());
        assertThat(Duration.between(previous.from(), previous.to())).isEqualTo(Duration.ofHours(24));
        reader.queries.clear();
        panel.range.setValue(MetricsPanel.Range.MONTH);
        assertThat(reader.queries.get(0).period()).isEqualTo(MetricPeriod.DAY);
        assertThat(Duration.between(reader.queries.get(0).from(), reader.queries.get(0).to()))
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void draws_the_admin_every_chart_from_the_roll_ups() {
        MetricsPanel panel = open(UserRole.ADMIN);
        assertThat(_find(Chart.class)).extracting(Chart::getId).map(id -> id.orElseThrow())
                .containsExactly("runs-chart", "time-chart", "cost-chart", "failures-chart", "tokens-chart",
                        "helpful-chart");
        // Two agents, each 3 succeeded and 1 failed, $0.02 per period: the charts sum the roll-ups' rows.
        assertThat(panel.runsChart.options()).contains("\"name\":\"Succeeded\"").contains("\"data\":[6.0,6.0,6.0,0.0");
        assertThat(panel.costChart.options()).contains("\"data\":[0.04,0.04,0.04,0.0");
        assertThat(panel.failuresChart.options()).contains("[\"Code Analyzer\",\"Workout Optimizer\"]");
        assertThat(panel.tokensChart.options()).contains("Tokens per month");
        // per version over the range's three periods: v1 3 of 6 helpful, v2 9 of 12
        assertThat(panel.helpfulChart.options()).contains("\"Code Analyzer v1\",\"Code Analyzer v2\"")
                .contains("\"data\":[50.0,75.0,50.0,75.0]").contains("\"data\":[6.0,12.0,6.0,12.0]");
    }

    @Test
    void exports_the_shown_figures_as_csv() {
        MetricsPanel panel = open(UserRole.ADMIN);
        String csv = panel.csvText();
        assertThat(csv).startsWith("section,agent,metric,period_start,value,previous,change\r\n")
                .contains("kpi,all,Runs,").contains(",120,100,▲ 20 %\r\n")
                .contains("kpi,all,Cost,").contains(",$1.2000,$1.0000,▲ 20 %\r\n")
                .contains("series,Workout Optimizer,succeeded,").contains("series,Code Analyzer,cost,");
        assertThat(panel.csv.getHref()).isNotBlank();
    }

    @Test
    void shows_a_trainer_their_own_tools_without_costs_or_failures() {
        MetricsPanel panel = open(UserRole.TRAINER);
        assertThat(_find(Div.class, spec -> spec.withId("kpi-cost"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("kpi-cost-per-run"))).isEmpty();
        assertThat(_find(Chart.class)).extracting(c -> c.getId().orElseThrow())
                .containsExactly("runs-chart", "time-chart", "tokens-chart", "helpful-chart");
        assertThat(text("kpi-runs")).contains("120");
        Set<String> tools = Set.of("Workout Optimizer", "Progress Monitor", "Scheduling Intelligence");
        assertThat(reader.queries).isNotEmpty()
                .allSatisfy(q -> assertThat(q.agents()).isNotEmpty().isSubsetOf(tools));
        assertThat(panel.runsChart.options()).doesNotContain("Failed");
        assertThat(panel.csvText()).doesNotContain("Cost").doesNotContain(",cost,").doesNotContain(",failed,")
                .contains("series,Workout Optimizer,succeeded,");
        assertThat(panel.agent.getListDataView().getItems()).doesNotContain("Code Analyzer", "Health Checker");
    }

    @Test
    void draws_the_daily_budget_as_a_line_on_the_cost_chart() {
        login(UserRole.ADMIN);
        MetricsPanel panel = new MetricsPanel(reader, java.util.List.of(), true, new java.math.BigDecimal("5"),
                java.time.Clock.systemUTC());
        assertThat(panel.costChart.options()).contains("\"markLine\"").contains("\"yAxis\":5.0")
                .contains("Daily budget $5");
        panel.range.setValue(MetricsPanel.Range.DAY);
        assertThat(panel.costChart.options()).contains("Cost per hour").doesNotContain("markLine");
    }
}
