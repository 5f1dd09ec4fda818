package com.fitnesscrm.orchestrator.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.base.ui.StatusCard;
import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthReport;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import com.fitnesscrm.orchestrator.health.SystemStatus;
import com.fitnesscrm.orchestrator.health.internal.HealthHistory;
import com.fitnesscrm.orchestrator.health.ui.HealthView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import com.fitnesscrm.orchestrator.health.SystemSummary;
import com.fitnesscrm.orchestrator.security.UserRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

/** The dashboard shows the real state of the running app: in detail to admins, in short to trainers. */
class DashboardViewKT extends KaribuTest {

    @Autowired
    private BuildProperties build;
    @Autowired
    private HealthHistory history;

    @Test
    void shows_an_admin_the_database_as_reachable_with_its_version_and_latency() {
        login(UserRole.ADMIN);
        assertThat(cardText("database-card")).contains("Reachable").contains("PostgreSQL 15.")
                .containsPattern("Latency\\d+\\.\\d ms").contains("embedded PostgreSQL");
    }

    @Test
    void shows_an_admin_the_scheduler_running_on_the_clustered_job_store() {
        login(UserRole.ADMIN);
        assertThat(cardText("scheduler-card")).contains("Running").contains("Clustered (JDBC job store)");
    }

    @Test
    void says_that_no_llm_provider_is_configured_and_what_that_means() {
        login(UserRole.ADMIN);
        assertThat(cardText("llm-card")).contains("Not configured").contains("rules engines only")
                .contains("OPENAI_API_KEY");
    }

    @Test
    void shows_the_version_this_build_carries() {
        login(UserRole.ADMIN);
        assertThat(cardText("application-card")).contains("Version " + build.getVersion())
                .containsPattern("Java\\d+");
    }

    @Test
    void shows_a_trainer_that_the_system_works_without_infrastructure_details() {
        login(UserRole.TRAINER);
        assertThat(cardIds()).containsExactly("system-card", "health-card", "llm-card");
        assertThat(cardText("system-card")).contains("All systems working").contains("Version" + build.getVersion())
                .doesNotContain("localhost").doesNotContain("PostgreSQL");
        assertThat(cardText("llm-card")).doesNotContain("Endpoint");
    }

    @Test
    void says_in_words_when_the_database_is_down_and_the_scheduler_stopped() {
        login(UserRole.ADMIN);
        DashboardView view = _get(DashboardView.class);
        view.show(new SystemStatus(
                new SystemStatus.Database(false, null, null, "DATABASE_URL", "Connection refused", 0, 0, 10),
                new SystemStatus.Scheduler(false, true, "orchestrator", "node-1", 4, List.of(), null),
                new SystemStatus.Application("1.2.3", "17", Duration.ofMinutes(75), false),
                new SystemStatus.Llm(true, "gpt-4o-mini", "api.openai.com"), Instant.now()));

        assertThat(cardText("database-card")).contains("Unreachable: Connection refused");
        assertThat(statusLevel("database-card")).isEqualTo("DOWN");
        assertThat(cardText("scheduler-card")).contains("Not running");
        assertThat(statusLevel("scheduler-card")).isEqualTo("WARNING");
        assertThat(cardText("application-card")).contains("1 h 15 min");
        assertThat(cardText("llm-card")).contains("Configured").contains("gpt-4o-mini").contains("api.openai.com");
    }

    @Test
    void tells_a_trainer_when_the_system_is_degraded() {
        login(UserRole.TRAINER);
        _get(DashboardView.class).show(new SystemSummary(false, true, "1.2.3",
                new SystemStatus.Llm(false, "gpt-4o-mini", "api.openai.com"), Instant.now()));
        assertThat(cardText("system-card")).contains("Degraded").contains("DatabaseNot reachable");
        assertThat(statusLevel("system-card")).isEqualTo("DOWN");
    }

    @Test
    void shows_an_admin_the_overall_health_with_a_link_to_the_health_view() {
        login(UserRole.ADMIN);
        _get(DashboardView.class).show(snapshot());
        // whatever the latest check says, in words, and the link
        assertThat(cardText("health-card")).containsPattern("Overall: (Healthy|Warning|Critical)|Not checked yet");
        RouterLink open = _get(RouterLink.class, spec -> spec.withId("open-health"));
        assertThat(open.getHref()).isEqualTo("health");
        UI.getCurrent().navigate(open.getHref());
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isInstanceOf(HealthView.class);
    }

    @Test
    void tells_a_trainer_the_overall_health_plainly_without_components_numbers_or_a_link() {
        saveCheck(HealthStatus.CRITICAL);
        login(UserRole.TRAINER);

        assertThat(cardText("health-card")).contains("System health")
                .contains("Some parts are not working; the admins can see the details")
                .doesNotContain("database").doesNotContain("Overall");
        assertThat(statusLevel("health-card")).isEqualTo("DOWN");
        assertThat(_find(RouterLink.class, spec -> spec.withId("open-health"))).isEmpty();

        saveCheck(HealthStatus.HEALTHY);
        _get(DashboardView.class).refresh();
        assertThat(cardText("health-card")).contains("Everything is working normally");
    }

    /** A stored check newer than any before it, with {@code status} on a component of its own. */
    private void saveCheck(HealthStatus status) {
        history.save(new HealthReport(status, List.of(new ComponentHealth("database", status, "As the test says.",
                java.util.Map.of("round_trip_ms", 1.5))), List.of(), List.of(),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
    }

    private static SystemStatus snapshot() {
        return new SystemStatus(
                new SystemStatus.Database(true, "PostgreSQL 15", Duration.ofMillis(1), "embedded", null, 1, 1, 10),
                new SystemStatus.Scheduler(true, true, "orchestrator", "node-1", 4, List.of(), null),
                new SystemStatus.Application("1.2.3", "17", Duration.ofMinutes(75), false),
                new SystemStatus.Llm(false, null, null), Instant.now());
    }

    private static List<String> cardIds() {
        return _find(StatusCard.class).stream().map(card -> card.getId().orElse("")).toList();
    }

    private static String statusLevel(String id) {
        return _get(StatusCard.class, spec -> spec.withId(id)).getChildren()
                .filter(child -> child.getElement().hasAttribute("data-level")).findFirst().orElseThrow()
                .getElement().getAttribute("data-level");
    }

    private static String cardText(String id) {
        return get_textRecursively(_get(StatusCard.class, spec -> spec.withId(id)));
    }
}
