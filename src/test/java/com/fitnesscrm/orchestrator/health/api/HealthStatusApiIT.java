package com.fitnesscrm.orchestrator.health.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.health.HealthChecker;
import com.fitnesscrm.orchestrator.health.HealthReport;
import com.fitnesscrm.orchestrator.health.internal.HealthCheckJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /api/health-status} in the original shape, the rows each check writes, and the schedule. */
@ServerIntegrationTest
class HealthStatusApiIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private HealthChecker checker;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Scheduler scheduler;

    @Test
    void each_check_writes_one_row_per_component_and_health_status_answers_the_latest_in_the_original_shape()
            throws Exception {
        HealthReport report = checker.check(Set.of(), null);
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM ai_system_health WHERE checked_at = ?",
                Integer.class, Timestamp.from(report.checkedAt()));
        assertThat(rows).isEqualTo(report.components().size());

        HttpResponse<String> response = get("/api/health-status");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("total").asInt()).isEqualTo(body.get("health_checks").size()).isPositive();
        JsonNode row = body.at("/health_checks/0");
        assertThat(fieldNames(row)).contains("id", "component", "status", "message", "metrics", "checked_at");
        assertThat(body.get("overall").asText()).isEqualTo(report.overall().code());
        assertThat(body.get("checked_at").asText()).isEqualTo(report.checkedAt().toString());
        List<String> components = new ArrayList<>();
        body.get("components").forEach(c -> components.add(c.get("component").asText()));
        assertThat(components).containsExactly("database", "jvm", "disk", "scheduler", "run_engine", "llm", "crm",
                "agents", "slo");
        assertThat(body.at("/components/0/metrics/pool_max").asInt()).isPositive();
        assertThat(body.get("from_memory").asBoolean()).isFalse();
    }

    @Test
    void limit_bounds_the_rows_and_a_bad_limit_is_refused_naming_it() throws Exception {
        checker.check(Set.of(), null);
        assertThat(json.readTree(get("/api/health-status?limit=3").body()).get("health_checks").size()).isEqualTo(3);

        HttpResponse<String> refused = get("/api/health-status?limit=lots");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("field").asText()).isEqualTo("limit");
        assertThat(get("/api/health-status?limit=501").statusCode()).isEqualTo(422);
    }

    @Test
    void health_status_needs_an_api_key() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/health-status")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void the_scheduled_check_trims_rows_older_than_the_retention() {
        Instant old = Instant.now().minus(Duration.ofDays(31));
        jdbc.update("INSERT INTO ai_system_health (component, status, message, checked_at) VALUES ('database', "
                + "'healthy', 'an old check', ?)", Timestamp.from(old));
        Instant recent = Instant.now().minus(Duration.ofDays(29));
        jdbc.update("INSERT INTO ai_system_health (component, status, message, checked_at) VALUES ('database', "
                + "'healthy', 'a recent check', ?)", Timestamp.from(recent));

        checker.scheduledCheck();

        assertThat(jdbc.queryForList("SELECT message FROM ai_system_health WHERE checked_at < now() - interval "
                + "'1 day'", String.class)).contains("a recent check").doesNotContain("an old check");
    }

    @Test
    void the_check_is_a_clustered_quartz_job_every_five_minutes_by_default() throws Exception {
        List<? extends Trigger> triggers = scheduler.getTriggersOfJob(JobKey.jobKey(HealthCheckJob.NAME));

        assertThat(triggers).singleElement().satisfies(trigger ->
                assertThat(((SimpleTrigger) trigger).getRepeatInterval()).isEqualTo(300_000));
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + MAIN_BACKEND_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
