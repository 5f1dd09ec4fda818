package com.fitnesscrm.orchestrator.progress.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The main backend's progress calls, over HTTP with its API key, each a recorded run of the Progress Monitor. */
@ServerIntegrationTest
class ProgressApiIT {

    /** From application-test.properties, as MAIN_APP_API_KEY sets it in a deployment. */
    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private Clock clock;

    @Test
    void one_current_reading_and_a_goal_gets_weeks_from_safe_rates_and_says_the_trend_is_not_measured()
            throws Exception {
        HttpResponse<String> response = post("/api/ai/progress-prediction", """
                {"client_id": 7, "current_metrics": {"weight": 82, "body_fat": 24}, "goal_metrics": {"weight": 76}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        // 6 kg at 0.5–1% of 82 kg a week: 7.3 to 14.7 weeks, 9.7 expected
        assertThat(body.get("estimated_weeks").asDouble()).isEqualTo(9.7);
        assertThat(body.get("earliest_weeks").asDouble()).isEqualTo(7.3);
        assertThat(body.get("latest_weeks").asDouble()).isEqualTo(14.7);
        assertThat(body.get("confidence").asDouble()).isBetween(0.1, 0.5);
        assertThat(body.get("status").asText()).isEqualTo("insufficient_data");
        assertThat(body.get("basis").asText()).isEqualTo("safe_rate");
        assertThat(body.get("prediction").asText()).contains("safe rate").contains("0.5–1% of body weight");
        assertThat(body.at("/progress/metrics/weight_kg/trend_status").asText()).isEqualTo("insufficient_data");
        assertThat(body.at("/progress/metrics/body_fat_pct/current_trend").asDouble()).isEqualTo(24);
        assertThat(body.get("engine").asText()).isEqualTo("rules");

        JsonNode run = json.readTree(get("/api/executions/" + body.get("execution_id").asLong()).body());
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("requested_by").asText()).isEqualTo("main-backend");
    }

    @Test
    void eight_weeks_of_history_give_a_measured_rate_and_a_dated_range() throws Exception {
        ObjectNode request = json.createObjectNode().put("client_id", 8);
        ArrayNode history = request.putArray("historical_data");
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(3);
        for (int d = 56; d >= 1; d--) {
            history.addObject().put("date", today.minusDays(d).toString())
                    .put("weight", 90 - 0.6 * (56 - d) / 7 + 0.4 * random.nextGaussian());
        }
        request.putObject("current_metrics").put("weight", 85.2);
        request.putObject("goal_metrics").put("weight", 82);

        HttpResponse<String> response = post("/api/ai/progress-prediction", request.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("on_track");
        assertThat(body.get("basis").asText()).isEqualTo("measured_trend");
        assertThat(body.at("/progress/metrics/weight_kg/weekly_rate").asDouble()).isCloseTo(-0.6, within(0.15));
        // about 3.2 kg to go at 0.6 kg a week
        assertThat(body.get("estimated_weeks").asDouble()).isBetween(4.0, 7.0);
        assertThat(body.get("earliest_weeks").asDouble()).isLessThan(body.get("estimated_weeks").asDouble());
        assertThat(body.get("latest_weeks").asDouble()).isGreaterThan(body.get("estimated_weeks").asDouble());
        assertThat(body.get("confidence").asDouble()).isGreaterThan(0.5);
        assertThat(body.get("estimated_date").asText()).isEqualTo(body.at("/progress/goals/0/eta/expected").asText());
    }

    @Test
    void an_impossible_date_is_422_problem_json_naming_the_field() throws Exception {
        HttpResponse<String> response = post("/api/ai/progress-prediction", """
                {"current_metrics": {"weight": 82},
                 "historical_data": [{"date": "2026-01-05", "weight": 84}, {"date": "2026-02-30", "weight": 83}]}""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo("historical_data[1].date");

        HttpResponse<String> noData = post("/api/ai/progress-prediction", """
                {"current_metrics": {"weight": 82}, "goal_metrics": {"waist": 80}}""");
        assertThat(noData.statusCode()).isEqualTo(422);
        assertThat(json.readTree(noData.body()).get("field").asText()).isEqualTo("goal_metrics.waist");
    }

    @Test
    void the_original_execute_body_answers_with_the_report_under_progress_monitoring() throws Exception {
        LocalDate today = LocalDate.now(clock);
        HttpResponse<String> response = post("/api/execute", """
                {"task_type": "progress_monitoring", "input_data": {
                  "measurements": [{"date": "%s", "weight_kg": 80.4}],
                  "sessions": [{"date": "%s", "status": "completed"}, {"date": "%s", "status": "no_show"}],
                  "goals": [{"metric": "weight_kg", "target": 78}]}}"""
                .formatted(today.minusDays(1), today.minusDays(20), today.minusDays(3)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode report = body.at("/results/progress_monitoring");
        assertThat(report.at("/goals/0/status").asText()).isEqualTo("insufficient_data");
        assertThat(report.at("/adherence/days_since_last_session").asInt()).isEqualTo(20);
        assertThat(report.at("/adherence/risk").asText()).isEqualTo("red");
        assertThat(report.get("engine").asText()).isEqualTo("rules");
        assertThat(report.get("insights")).isNotEmpty();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + MAIN_BACKEND_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + MAIN_BACKEND_KEY).build(), HttpResponse.BodyHandlers.ofString());
    }
}
