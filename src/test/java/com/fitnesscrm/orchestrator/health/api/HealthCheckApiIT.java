package com.fitnesscrm.orchestrator.health.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The main backend's health calls in their original shapes, over HTTP with its API key. */
@ServerIntegrationTest
class HealthCheckApiIT {

    /** From application-test.properties, as MAIN_APP_API_KEY sets it in a deployment. */
    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void the_main_backends_five_minute_post_gets_the_report_in_results_health_check_and_is_a_recorded_run()
            throws Exception {
        HttpResponse<String> response = post("/api/execute",
                "{\"task_type\": \"health_check\", \"input_data\": {\"timestamp\": \"2026-12-02T03:00:00.123456\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode report = body.at("/results/health_check");
        assertThat(fieldNames(report)).containsExactly("overall", "components", "recommendations", "remediations");
        assertThat(report.get("overall").asText()).isIn("healthy", "warning", "critical");
        List<String> components = new ArrayList<>();
        report.get("components").forEach(c -> components.add(c.get("component").asText()));
        // No MAIN_APP_HEALTH_URL in tests: the main backend is absent, not failing.
        assertThat(components).containsExactly("database", "jvm", "disk", "scheduler", "run_engine", "llm", "crm",
                "agents", "slo");
        JsonNode database = report.at("/components/0");
        assertThat(database.get("status").asText()).isEqualTo("healthy");
        assertThat(database.at("/metrics/pool_max").asInt()).isPositive();
        assertThat(database.at("/metrics/round_trip_ms").isNumber()).isTrue();
        JsonNode llm = report.at("/components/5");
        assertThat(llm.get("status").asText()).isEqualTo("healthy");
        assertThat(llm.at("/metrics/configured").asBoolean()).isFalse();
        JsonNode scheduler = report.at("/components/3");
        assertThat(scheduler.at("/metrics/clustered").asBoolean()).isTrue();
        assertThat(scheduler.at("/metrics/jobs").toString()).contains("abandoned-run-reaper");

        JsonNode run = json.readTree(get("/api/executions/" + body.get("execution_id").asLong()).body());
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("task_type").asText()).isEqualTo("health_check");
        assertThat(run.get("requested_by").asText()).isEqualTo("main-backend");
        assertThat(run.get("steps").toString()).contains("probe database").contains("probe scheduler")
                .contains("evaluate");
    }

    @Test
    void a_scope_of_components_narrows_the_report_and_an_unknown_one_is_refused_naming_the_field() throws Exception {
        JsonNode scoped = json.readTree(post("/api/execute", "{\"task_type\": \"health_check\", \"input_data\": "
                + "{\"components\": [\"database\", \"jvm\"]}}").body());
        assertThat(scoped.at("/results/health_check/components").size()).isEqualTo(2);

        HttpResponse<String> refused = post("/api/execute", "{\"task_type\": \"health_check\", \"input_data\": "
                + "{\"components\": [\"database\", \"coffee_machine\"]}}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("field").asText()).isEqualTo("components");
        assertThat(problem.get("detail").asText()).contains("coffee_machine").contains("run_engine");
    }

    @Test
    void a_timestamp_that_is_neither_text_nor_number_is_refused_naming_it() throws Exception {
        HttpResponse<String> refused = post("/api/execute",
                "{\"task_type\": \"health_check\", \"input_data\": {\"timestamp\": {\"at\": 1}}}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("field").asText()).isEqualTo("timestamp");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + MAIN_BACKEND_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + MAIN_BACKEND_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
