package com.fitnesscrm.orchestrator.execution.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every agent endpoint answers a run that gave no result the same way, from one place (RunProblems): here a retry
 * with the Idempotency-Key of a refused first request, whose run is the rejected one. The body names the run, its
 * status beside the HTTP one, and the request.
 */
@ServerIntegrationTest
class RunNotSucceededApiIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void a_workout_retry_of_a_refused_request_answers_502_naming_the_rejected_run() throws Exception {
        assertRetryOfRefusedRun("/api/workouts/auto-generate", "{\"fitness_level\": \"wizard\"}",
                "The Workout Optimizer run rejected");
    }

    @Test
    void a_prediction_retry_of_a_refused_request_answers_502_naming_the_rejected_run() throws Exception {
        assertRetryOfRefusedRun("/api/ai/progress-prediction",
                "{\"historical_data\": [{\"date\": \"2026-02-30\", \"weight\": 80}]}",
                "The Progress Monitor run rejected");
    }

    private void assertRetryOfRefusedRun(String path, String body, String title) throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> refused = post(path, body, key);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        long run = json.readTree(refused.body()).get("execution_id").asLong();

        HttpResponse<String> retry = post(path, body, key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(502);
        assertThat(retry.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(retry.body());
        assertThat(problem.get("status").asInt()).isEqualTo(502);
        assertThat(problem.get("title").asText()).isEqualTo(title);
        assertThat(problem.get("run_status").asText()).isEqualTo("rejected");
        assertThat(problem.get("execution_id").asLong()).isEqualTo(run);
        assertThat(problem.get("run").asText()).isEqualTo("/api/executions/" + run);
        assertThat(problem.get("instance").asText()).isEqualTo(path);
        assertThat(problem.get("detail").asText()).startsWith("Invalid input");
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", MAIN_BACKEND_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
