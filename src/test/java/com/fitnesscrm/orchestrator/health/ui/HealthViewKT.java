package com.fitnesscrm.orchestrator.health.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.base.ui.StatusCard;
import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthReport;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import com.fitnesscrm.orchestrator.health.HealthTimeline;
import com.fitnesscrm.orchestrator.health.Remediation;
import com.fitnesscrm.orchestrator.health.RemediationKind;
import com.fitnesscrm.orchestrator.health.SelfHealingMode;
import com.fitnesscrm.orchestrator.health.internal.HealthAlerts;
import com.fitnesscrm.orchestrator.health.internal.HealthHistory;
import com.fitnesscrm.orchestrator.health.internal.RemediationLog;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Health view as an admin meets it. Each test stores a check of its own (newer than any before it) with a
 * component of its own name, so that what the view shows is known.
 */
class HealthViewKT extends KaribuTest {

    @Autowired
    private HealthHistory history;
    @Autowired
    private HealthAlerts alerts;
    @Autowired
    private RemediationLog remediations;

    private String probe;
    private HealthReport stored;

    @BeforeEach
    void storeACheck() {
        probe = "kt_probe_" + System.nanoTime();
        stored = new HealthReport(HealthStatus.CRITICAL, List.of(
                new ComponentHealth("database", HealthStatus.HEALTHY, "Answers in 1.2 ms.",
                        Map.of("round_trip_ms", 1.2, "pool_active", 1)),
                new ComponentHealth("disk", HealthStatus.WARNING, "12 % free on /data.",
                        Map.of("free_percent", 12.0, "paths", List.of("/data"))),
                new ComponentHealth(probe, HealthStatus.CRITICAL, "<b>not</b> answering", Map.of("latency_ms", 5001))),
                List.of(), List.of(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        history.save(stored);
    }

    @Test
    void a_tile_per_component_says_its_status_in_words_and_colour_with_its_message_and_numbers() {
        open();

        assertThat(_find(StatusCard.class).stream().map(card -> card.getId().orElse("")))
                .containsExactly("health-tile-database", "health-tile-disk", "health-tile-" + probe);
        assertThat(tile("database")).contains("Healthy").contains("Answers in 1.2 ms.").contains("round trip ms1.2")
                .contains("pool active1");
        assertThat(level("database")).isEqualTo("OK");
        assertThat(tile("disk")).contains("Warning").contains("free percent12.0").doesNotContain("paths");
        assertThat(level("disk")).isEqualTo("WARNING");
        // the message is text, never markup
        assertThat(tile(probe)).contains("Critical").contains("<b>not</b> answering");
        assertThat(level(probe)).isEqualTo("DOWN");
        assertThat(get_textRecursively(_get(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("health-overall")))).isEqualTo("Overall: Critical");
    }

    @Test
    void check_now_runs_a_check_in_the_background_and_shows_its_components() {
        open();
        assertThat(_find(StatusCard.class, spec -> spec.withId("health-tile-jvm"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("check-now")));
        assertThat(_get(Button.class, spec -> spec.withId("check-now")).isEnabled()).isFalse();
        awaitPush(() -> !_find(StatusCard.class, spec -> spec.withId("health-tile-jvm")).isEmpty());

        assertThat(_find(StatusCard.class).stream().map(card -> card.getId().orElse("")))
                .contains("health-tile-database", "health-tile-jvm", "health-tile-scheduler", "health-tile-agents")
                .doesNotContain("health-tile-" + probe);
        assertThat(_get(Button.class, spec -> spec.withId("check-now")).isEnabled()).isTrue();
    }

    @Test
    void the_history_chart_is_drawn_for_the_last_24_hours_and_the_last_7_days() {
        open();
        assertThat(chart().getAlt().orElseThrow()).contains("last 24 hours").contains("(96 steps)")
                .contains(probe + " critical in 1, warning in 0, not checked in 95");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<HealthTimeline.Window> window = _get(RadioButtonGroup.class,
                spec -> spec.withId("history-window"));
        window.setValue(HealthTimeline.Window.WEEK);

        assertThat(chart().getAlt().orElseThrow()).contains("last 7 days").contains("(168 steps)")
                .contains(probe + " critical in 1, warning in 0, not checked in 167");
    }

    @Test
    void the_alert_log_lists_each_alert_with_its_delivery_status() {
        alerts.afterCheck(new HealthReport(HealthStatus.CRITICAL, List.of(stored.components().get(2)), List.of(),
                List.of(), stored.checkedAt()));
        open();

        @SuppressWarnings("unchecked")
        Grid<com.fitnesscrm.orchestrator.health.HealthAlert> log = _get(Grid.class, spec -> spec.withId("alert-log"));
        List<List<String>> rows = IntStream.range(0, GridKt._size(log))
                .mapToObj(i -> GridKt._getFormattedRow(log, i)).filter(row -> row.contains(probe)).toList();
        assertThat(rows).singleElement().satisfies(row -> assertThat(row).contains("change", "healthy → critical",
                "none", "no channel configured", probe + " is critical (was healthy): <b>not</b> answering"));
    }

    @Test
    void the_remediation_log_lists_what_self_healing_did_and_undoes_it_when_asked() {
        Instant now = Instant.now();
        String reason = "kt " + probe + ": cached answers failed their rules";
        Remediation cleared = remediations.write(new RemediationLog.Entry(RemediationKind.CACHE_CLEAR,
                SelfHealingMode.ON, reason, Map.of("failed_checks", 2), "Cached answers before now are not served.",
                1, List.of(), now, null));
        remediations.write(new RemediationLog.Entry(RemediationKind.POOL_REFILL,
                SelfHealingMode.DRY_RUN, "kt " + probe + ": connection errors", Map.of(), "Would evict 10.", null,
                List.of(), now, null));
        remediations.write(new RemediationLog.Entry(RemediationKind.STUCK_RUN_TIMEOUT,
                SelfHealingMode.ON, "kt " + probe + ": stuck", Map.of(), "Timed out 1 run.", null, List.of(41L),
                now, null));
        open();

        assertThat(get_textRecursively(_get(Paragraph.class, spec -> spec.withId("self-healing-mode"))))
                .startsWith("Self-healing is on");
        assertThat(remediationRow(reason)).contains("Agent 1's cached answers cleared", reason,
                "Cached answers before now are not served.");
        assertThat(remediationRow("kt " + probe + ": connection errors"))
                .contains("Dry run: Connection pool refilled", "nothing was done");
        assertThat(remediationRow("kt " + probe + ": stuck")).contains("Stuck runs timed out (runs 41)",
                "cannot be undone");
        // only what can still be undone has a button
        assertThat(undoButton("kt " + probe + ": connection errors")).isEmpty();
        assertThat(undoButton("kt " + probe + ": stuck")).isEmpty();

        _click(undoButton(reason).orElseThrow());
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirm)).contains("This reverses it now.");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(remediations.find(cleared.id()).orElseThrow().undoneBy()).isEqualTo("admin");
        assertThat(remediationRow(reason)).anySatisfy(cell -> assertThat(cell).contains("by admin")
                .contains("served again"));
        assertThat(undoButton(reason)).isEmpty();
    }

    private static List<String> remediationRow(String reason) {
        Grid<Remediation> log = remediationLog();
        return GridKt._getFormattedRow(log, rowOf(log, reason));
    }

    /** The row's Undo button, if it has one. */
    private static java.util.Optional<Button> undoButton(String reason) {
        Grid<Remediation> log = remediationLog();
        return _find(GridKt._getCellComponent(log, rowOf(log, reason), "undo"), Button.class).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Remediation> remediationLog() {
        return _get(Grid.class, spec -> spec.withId("remediation-log"));
    }

    private static int rowOf(Grid<Remediation> log, String reason) {
        return IntStream.range(0, GridKt._size(log)).filter(i -> GridKt._getFormattedRow(log, i).contains(reason))
                .findFirst().orElseThrow();
    }

    private void open() {
        login(UserRole.ADMIN);
        UI.getCurrent().navigate(HealthView.class);
    }

    private static Image chart() {
        return _get(Image.class, spec -> spec.withId("health-history-chart"));
    }

    private static String tile(String component) {
        return get_textRecursively(_get(StatusCard.class, spec -> spec.withId("health-tile-" + component)));
    }

    private static String level(String component) {
        return _get(StatusCard.class, spec -> spec.withId("health-tile-" + component)).getChildren()
                .filter(child -> child.getElement().hasAttribute("data-level")).findFirst().orElseThrow()
                .getElement().getAttribute("data-level");
    }
}
