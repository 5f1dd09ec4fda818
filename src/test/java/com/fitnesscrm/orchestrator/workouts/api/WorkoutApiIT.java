package com.fitnesscrm.orchestrator.workouts.api;

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
 * The Workout Optimizer's REST endpoints with the main backend's exact request shapes and API key: every call is a
 * recorded run, answers in the shapes the main backend's client reads, and refuses bad input with 422 naming the
 * field.
 */
@ServerIntegrationTest
class WorkoutApiIT {

    /** From application-test.properties, as MAIN_APP_API_KEY sets it in a deployment. */
    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    private static final String PLAN_BODY = """
            {"client_id": 42, "duration_weeks": 8, "focus_areas": ["build muscle", "upper body"], \
            "sessions_per_week": 4}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void auto_generate_answers_the_plan_for_the_main_backends_body_and_records_the_run() throws Exception {
        HttpResponse<String> response = post("/api/workouts/auto-generate", PLAN_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("source").asText()).isEqualTo("rules");
        JsonNode plan = body.get("plan");
        assertThat(plan.get("client_id").asText()).isEqualTo("42");
        assertThat(plan.get("goal").asText()).isEqualTo("hypertrophy"); // "build muscle"
        assertThat(plan.get("split").asText()).isEqualTo("upper_lower"); // 4 sessions a week
        assertThat(plan.get("weeks")).hasSize(8);
        assertThat(plan.get("weeks").get(5).get("deload").asBoolean()).isTrue();
        JsonNode exercise = plan.get("weeks").get(0).get("sessions").get(0).get("exercises").get(0);
        for (String field : new String[] {"exercise_id", "name", "pattern", "mechanics", "primary_muscles",
                "secondary_muscles", "equipment", "contraindications", "sets", "reps", "rest_seconds", "intensity",
                "progression"}) {
            assertThat(exercise.has(field)).as(field).isTrue();
        }
        assertThat(plan.get("weekly_sets_per_muscle")).hasSize(8);
        assertThat(plan.get("rules_checked").size()).isGreaterThan(5);

        JsonNode run = json.readTree(get("/api/executions/" + body.get("execution_id").asLong()).body());
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("engine").asText()).isEqualTo("rules");
        assertThat(run.get("task_type").asText()).isEqualTo("workout_optimization");
    }

    @Test
    void generate_workout_plan_is_the_same_plan_for_the_same_body() throws Exception {
        JsonNode first = json.readTree(post("/api/workouts/auto-generate", PLAN_BODY).body());
        HttpResponse<String> response = post("/api/ai/generate-workout-plan", PLAN_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode second = json.readTree(response.body());
        assertThat(second.get("plan")).isEqualTo(first.get("plan"));
        assertThat(second.get("execution_id").asLong()).isNotEqualTo(first.get("execution_id").asLong());
    }

    @Test
    void a_retry_with_the_same_idempotency_key_gets_the_same_run_and_a_reused_key_elsewhere_is_refused()
            throws Exception {
        String key = UUID.randomUUID().toString();
        JsonNode first = json.readTree(post("/api/ai/generate-workout-plan", PLAN_BODY, key).body());
        JsonNode retry = json.readTree(post("/api/ai/generate-workout-plan", PLAN_BODY, key).body());

        assertThat(retry.get("execution_id").asLong()).isEqualTo(first.get("execution_id").asLong());
        HttpResponse<String> elsewhere = post("/api/ai/progress-prediction",
                "{\"current_metrics\": {\"weight\": 82}, \"goal_metrics\": {\"weight\": 76}}", key);
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(json.readTree(elsewhere.body()).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void recommendations_for_a_beginner_who_wants_to_lose_weight_are_beginner_exercises_with_reasons()
            throws Exception {
        HttpResponse<String> response = post("/api/ai/workout-recommendations",
                "{\"client_id\": 7, \"goals\": [\"lose weight\", \"feel better\"], \"fitness_level\": \"beginner\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("client_id").asInt()).isEqualTo(7);
        assertThat(body.get("fitness_level").asText()).isEqualTo("beginner");
        assertThat(body.get("source").asText()).isEqualTo("rules");
        JsonNode recommendations = body.get("recommendations");
        assertThat(recommendations.size()).isGreaterThan(5);
        for (JsonNode item : recommendations) {
            assertThat(item.get("exercise").asText()).isNotBlank();
            assertThat(item.get("sets").asInt()).isPositive();
            assertThat(item.get("reps").asText()).matches("\\d+-\\d+|\\d+ min");
            assertThat(item.get("reason").asText()).isNotBlank();
            assertThat(item.get("difficulty").asText()).isEqualTo("beginner");
        }
        // fat loss brings conditioning toward ACSM's 150 minutes a week
        assertThat(recommendations.findValuesAsText("reps")).anyMatch(reps -> reps.endsWith("min"));
    }

    @Test
    void the_original_execute_body_answers_the_list_and_the_plan() throws Exception {
        HttpResponse<String> response = post("/api/execute", """
                {"task_type": "workout_optimization", "input_data": {"client_id": 3, "goals": ["strength"], \
                "fitness_level": "advanced"}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode results = body.get("results");
        assertThat(results.get("workout_optimization").isArray()).isTrue();
        assertThat(results.get("workout_optimization").get(0).get("exercise").asText()).isNotBlank();
        assertThat(results.get("plan").get("goal").asText()).isEqualTo("strength");
        assertThat(results.get("plan").get("split").asText()).isEqualTo("full_body_abc"); // 3 days by default
    }

    @Test
    void out_of_range_and_unknown_values_are_422_naming_the_field_and_what_is_allowed() throws Exception {
        HttpResponse<String> days = post("/api/workouts/auto-generate",
                "{\"client_id\": 42, \"sessions_per_week\": 9}");
        assertThat(days.statusCode()).isEqualTo(422);
        assertThat(days.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(days.body());
        assertThat(problem.get("field").asText()).isEqualTo("sessions_per_week");
        assertThat(problem.get("detail").asText()).contains("1 to 7");
        assertThat(problem.get("execution_id").asLong()).isPositive();

        JsonNode level = json.readTree(post("/api/ai/workout-recommendations",
                "{\"client_id\": 42, \"fitness_level\": \"guru\"}").body());
        assertThat(level.get("field").asText()).isEqualTo("fitness_level");
        assertThat(level.get("detail").asText()).contains("beginner, intermediate, advanced");

        JsonNode equipment = json.readTree(post("/api/ai/generate-workout-plan",
                "{\"client_id\": 42, \"equipment\": [\"dumbbell\", \"trampoline\"]}").body());
        assertThat(equipment.get("field").asText()).isEqualTo("equipment[1]");
        assertThat(equipment.get("detail").asText()).contains("trampoline").contains("pullup_bar");
    }

    @Test
    void focus_areas_change_the_plan_and_an_unknown_one_is_listed_in_the_answer() throws Exception {
        JsonNode none = json.readTree(post("/api/workouts/auto-generate",
                "{\"client_id\": 42, \"duration_weeks\": 4, \"focus_areas\": []}").body());
        HttpResponse<String> response = post("/api/workouts/auto-generate",
                "{\"client_id\": 42, \"duration_weeks\": 4, \"focus_areas\": [\"Chest\", \"legs\", \"banana\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("unknown_focus_areas")).containsExactly(json.getNodeFactory().textNode("banana"));
        assertThat(body.get("focus_areas").toString()).isEqualTo("[\"chest\",\"legs\"]");
        JsonNode plan = body.get("plan");
        assertThat(plan.get("unknown_focus_areas").toString()).isEqualTo("[\"banana\"]");
        JsonNode sets = plan.get("weekly_sets_per_muscle").get(0).get("sets");
        JsonNode plainSets = none.get("plan").get("weekly_sets_per_muscle").get(0).get("sets");
        for (String muscle : new String[] {"chest", "quads", "hamstrings", "glutes"}) {
            assertThat(sets.get(muscle).asDouble()).as(muscle).isGreaterThan(plainSets.get(muscle).asDouble());
        }
        assertThat(plan.get("rules_checked").toString()).contains("Focus chest: chest +")
                .contains("Focus 'banana' ignored");
        assertThat(none.get("unknown_focus_areas")).isEmpty();
    }

    @Test
    void focus_areas_naming_nothing_known_are_a_422_naming_the_field() throws Exception {
        HttpResponse<String> response = post("/api/ai/generate-workout-plan",
                "{\"client_id\": 42, \"focus_areas\": [\"banana\"]}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("field").asText()).isEqualTo("focus_areas");
        assertThat(problem.get("detail").asText()).contains("banana").contains("upper_body");
    }

    @Test
    void the_endpoints_need_an_api_key() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/ai/workout-recommendations")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, null);
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("X-API-Key",
                MAIN_BACKEND_KEY).header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("X-API-Key", MAIN_BACKEND_KEY).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
