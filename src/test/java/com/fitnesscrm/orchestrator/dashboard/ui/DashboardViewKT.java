package com.fitnesscrm.orchestrator.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.base.ui.StatusCard;
import com.fitnesscrm.orchestrator.security.UserRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard shows the real state of the running app, read from its components. */
class DashboardViewKT extends KaribuTest {

    @BeforeEach
    void openDashboard() {
        login(UserRole.ADMIN);
    }

    @Test
    void shows_the_database_as_reachable_with_its_version_and_latency() {
        String card = cardText("database-card");
        assertThat(card).contains("Reachable").contains("PostgreSQL 15.").containsPattern("Latency\\d+\\.\\d ms")
                .contains("embedded PostgreSQL");
    }

    @Test
    void shows_the_scheduler_running_on_the_clustered_job_store() {
        assertThat(cardText("scheduler-card")).contains("Running").contains("Clustered (JDBC job store)");
    }

    @Test
    void says_that_no_llm_provider_is_configured_and_what_that_means() {
        assertThat(cardText("llm-card")).contains("Not configured").contains("rules engines only")
                .contains("OPENAI_API_KEY");
    }

    @Test
    void shows_the_application_version_and_java() {
        assertThat(cardText("application-card")).containsPattern("Version \\S+").containsPattern("Java\\d+");
    }

    private static String cardText(String id) {
        return get_textRecursively(_get(StatusCard.class, spec -> spec.withId(id)));
    }
}
