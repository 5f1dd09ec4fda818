package com.fitnesscrm.orchestrator.execution.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.execution.testagents.SlowAgent;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.ApiKeyScope;
import com.fitnesscrm.orchestrator.security.ApiKeyService;
import com.fitnesscrm.orchestrator.security.CreatedApiKey;
import com.fitnesscrm.orchestrator.security.RunAs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The REST facade as the main backend and monitors use it: API keys and scopes, the original shapes of
 * {@code /api/execute}, {@code /api/agents} and {@code /api/executions}, and problem+json for every error.
 */
@ServerIntegrationTest
class RestApiIT {

    /** From application-test.properties, as MAIN_APP_API_KEY and ADMIN_API_KEY set them in a deployment. */
    static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    static final String ADMIN_KEY = "admin-key-for-tests-0123456789abcdef";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private ApiKeyService apiKeys;
    @Autowired
    private SecurityContextHolderStrategy securityContext;

    @Test
    void health_is_open_to_monitors_and_says_agents_run_on_rules_without_a_key() throws Exception {
        HttpResponse<String> response = send("GET", "/api/health", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("healthy");
        assertThat(body.get("database").asText()).isEqualTo("up");
        assertThat(body.at("/llm/configured").asBoolean()).isFalse();
        assertThat(body.at("/llm/mode").asText()).isEqualTo("rules_only");
    }

    @Test
    void the_main_backends_original_execute_body_gets_the_original_answer() throws Exception {
        createAgent("sum-" + UUID.randomUUID(), SumAgent.TYPE.code(), null);
        HttpResponse<String> response = send("POST", "/api/execute", MAIN_BACKEND_KEY,
                "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1, 2, 3]}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("execution_id").asLong()).isPositive();
        assertThat(body.at("/results/sum_test/total").asDouble()).isEqualTo(6);

        JsonNode run = json.readTree(send("GET", "/api/executions/" + body.get("execution_id").asLong(),
                MAIN_BACKEND_KEY, null).body());
        assertThat(run.get("requested_by").asText()).isEqualTo("main-backend");
        assertThat(run.get("requester_kind").asText()).isEqualTo("api_key");
        assertThat(run.get("steps")).isNotEmpty();
    }

    @Test
    void the_key_is_accepted_as_bearer_token_or_x_api_key_header() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/agents")).header("X-API-Key", MAIN_BACKEND_KEY)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("total").asInt()).isEqualTo(body.get("agents").size()).isGreaterThanOrEqualTo(5);
        assertThat(body.get("agents").findValuesAsText("name")).contains("Workout Optimizer", "Progress Monitor",
                "Scheduling Intelligence", "Health Checker", "Code Analyzer");
    }

    @Test
    void missing_or_wrong_keys_are_401_and_a_missing_scope_is_403_all_as_problem_json() throws Exception {
        HttpResponse<String> none = send("GET", "/api/executions", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertProblem(none);
        HttpResponse<String> wrong = send("GET", "/api/executions", "fco_not-a-real-key-at-all", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertProblem(wrong);
        HttpResponse<String> scope = send("POST", "/api/agents", MAIN_BACKEND_KEY,
                "{\"name\": \"x\", \"type\": \"sum_test\"}");
        assertThat(scope.statusCode()).isEqualTo(403);
        assertProblem(scope);
    }

    @Test
    void a_revoked_key_stops_working_at_once() throws Exception {
        CreatedApiKey key = RunAs.admin(securityContext, () -> apiKeys.create("reader-" + UUID.randomUUID()
                .toString().substring(0, 8), EnumSet.of(ApiKeyScope.READ)));
        assertThat(send("GET", "/api/agents", key.secret(), null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/execute", key.secret(), "{\"task_type\": \"sum_test\"}").statusCode())
                .isEqualTo(403);
        RunAs.admin(securityContext, () -> apiKeys.revoke(key.key().id()));
        assertThat(send("GET", "/api/agents", key.secret(), null).statusCode()).isEqualTo(401);
        assertThat(RunAs.admin(securityContext, () -> apiKeys.list()).stream()
                .filter(k -> k.id() == key.key().id()).findFirst().orElseThrow().lastUsedAt()).isNotNull();
    }

    @Test
    void a_key_with_only_the_execute_scope_runs_agents_and_gets_their_results_but_reads_nothing_else()
            throws Exception {
        String name = "sum-" + UUID.randomUUID();
        createAgent(name, SumAgent.TYPE.code(), null);
        CreatedApiKey key = RunAs.admin(securityContext, () -> apiKeys.create("runner-" + UUID.randomUUID()
                .toString().substring(0, 8), EnumSet.of(ApiKeyScope.EXECUTE)));

        HttpResponse<String> original = send("POST", "/api/execute", key.secret(),
                "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [2, 2]}, \"client_id\": 9}");
        assertThat(original.statusCode()).as(original.body()).isEqualTo(200);
        assertThat(json.readTree(original.body()).at("/results/sum_test/total").asDouble()).isEqualTo(4);

        HttpResponse<String> typed = send("POST", "/api/execute", key.secret(),
                "{\"agent\": \"" + name + "\", \"input\": {\"numbers\": [1]}}");
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        assertThat(json.readTree(typed.body()).get("steps")).isNotEmpty();

        assertThat(send("GET", "/api/agents", key.secret(), null).statusCode()).isEqualTo(403);
    }

    @Test
    void the_names_of_the_environment_keys_cannot_be_taken_in_the_ui() {
        assertThatThrownBy(() -> RunAs.admin(securityContext, () -> apiKeys.create("main-backend",
                EnumSet.of(ApiKeyScope.READ)))).isInstanceOf(ConflictException.class).hasMessageContaining("reserved");
    }

    @Test
    void unknown_task_types_are_422_naming_the_field_and_never_an_empty_success() throws Exception {
        HttpResponse<String> response = send("POST", "/api/execute", MAIN_BACKEND_KEY,
                "{\"task_type\": \"astrology\", \"input_data\": {}}");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = assertProblem(response);
        assertThat(body.get("field").asText()).isEqualTo("task_type");
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).contains("astrology");
    }

    @Test
    void a_body_that_is_not_json_still_tells_the_original_client_success_false() throws Exception {
        HttpResponse<String> response = send("POST", "/api/execute", MAIN_BACKEND_KEY, "{\"task_type\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = assertProblem(response);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).isEqualTo(body.get("detail").asText());
        HttpResponse<String> elsewhere = send("PUT", "/api/agents/1", ADMIN_KEY, "{\"config\": ");
        assertThat(assertProblem(elsewhere).has("success")).as("only the original endpoint's shape").isFalse();
    }

    @Test
    void a_body_in_both_shapes_is_refused_naming_agent_and_runs_nothing() throws Exception {
        long before = json.readTree(send("GET", "/api/executions?per_page=1", MAIN_BACKEND_KEY, null).body())
                .get("total").asLong();
        HttpResponse<String> response = send("POST", "/api/execute", MAIN_BACKEND_KEY,
                "{\"agent\": \"Progress Monitor\", \"task_type\": \"workout_optimization\", \"input\": {}}");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = assertProblem(response);
        assertThat(body.get("field").asText()).isEqualTo("agent");
        assertThat(body.get("detail").asText()).contains("one shape");
        assertThat(json.readTree(send("GET", "/api/executions?per_page=1", MAIN_BACKEND_KEY, null).body())
                .get("total").asLong()).as("no run recorded").isEqualTo(before);
    }

    @Test
    void a_rerun_with_edited_input_is_refused_rather_than_run_on_the_old_input() throws Exception {
        String name = "sum-" + UUID.randomUUID();
        createAgent(name, SumAgent.TYPE.code(), null);
        long id = json.readTree(send("POST", "/api/execute", MAIN_BACKEND_KEY, "{\"agent\": \"" + name
                + "\", \"input\": {\"numbers\": [5]}}").body()).get("id").asLong();

        HttpResponse<String> edited = send("POST", "/api/executions/" + id + "/rerun", MAIN_BACKEND_KEY,
                "{\"input\": {\"numbers\": [6]}}");
        assertThat(edited.statusCode()).isEqualTo(422);
        assertThat(assertProblem(edited).get("field").asText()).isEqualTo("input");

        HttpResponse<String> same = send("POST", "/api/executions/" + id + "/rerun", MAIN_BACKEND_KEY, null);
        assertThat(same.statusCode()).as(same.body()).isEqualTo(202);
        assertThat(json.readTree(same.body()).at("/input/numbers/0").asInt()).isEqualTo(5);
    }

    @Test
    void an_agent_without_an_installed_engine_answers_503_that_says_so() throws Exception {
        HttpResponse<String> response = send("POST", "/api/execute", MAIN_BACKEND_KEY,
                "{\"task_type\": \"code_analysis\", \"input_data\": {\"client_id\": 1}}");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = assertProblem(response);
        assertThat(body.get("detail").asText()).contains("Code Analyzer").contains("not installed");
        assertThat(body.get("success").asBoolean()).isFalse();
    }

    @Test
    void input_the_agent_refuses_is_422_naming_the_field_and_the_recorded_run() throws Exception {
        createAgent("sum-" + UUID.randomUUID(), SumAgent.TYPE.code(), null);
        HttpResponse<String> response = send("POST", "/api/execute", MAIN_BACKEND_KEY,
                "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": \"many\"}}");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = assertProblem(response);
        assertThat(body.get("field").asText()).isEqualTo("numbers");
        long id = body.get("execution_id").asLong();
        JsonNode run = json.readTree(send("GET", "/api/executions/" + id, MAIN_BACKEND_KEY, null).body());
        assertThat(run.get("status").asText()).isEqualTo("rejected");
        assertThat(run.get("error").asText()).contains("numbers");
        JsonNode rejected = json.readTree(send("GET", "/api/executions?status=rejected&per_page=100",
                MAIN_BACKEND_KEY, null).body()).get("executions");
        assertThat(rejected.findValuesAsText("status")).containsOnly("rejected");
        assertThat(rejected.findValues("id")).anySatisfy(value -> assertThat(value.asLong()).isEqualTo(id));
        JsonNode failed = json.readTree(send("GET", "/api/executions?status=failed&per_page=100",
                MAIN_BACKEND_KEY, null).body()).get("executions");
        assertThat(failed.findValues("id")).noneSatisfy(value -> assertThat(value.asLong()).isEqualTo(id));
    }

    @Test
    void malformed_json_is_400_and_a_body_over_one_megabyte_is_413() throws Exception {
        HttpResponse<String> malformed = send("POST", "/api/execute", MAIN_BACKEND_KEY, "{\"task_type\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(assertProblem(malformed).get("detail").asText()).contains("not valid JSON");

        String big = "{\"task_type\": \"sum_test\", \"input_data\": {\"pad\": \"" + "x".repeat(1_100_000) + "\"}}";
        HttpResponse<String> tooLarge = send("POST", "/api/execute", MAIN_BACKEND_KEY, big);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertProblem(tooLarge);
    }

    @Test
    void an_async_run_answers_202_with_its_location_and_finishes() throws Exception {
        String name = "slow-" + UUID.randomUUID();
        createAgent(name, SlowAgent.TYPE.code(), null);
        HttpResponse<String> response = send("POST", "/api/execute", MAIN_BACKEND_KEY,
                "{\"agent\": \"" + name + "\", \"input\": {\"millis\": 50}, \"mode\": \"async\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/executions/\\d+");
        await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(
                json.readTree(send("GET", location, MAIN_BACKEND_KEY, null).body()).get("status").asText()));
    }

    @Test
    void the_same_idempotency_key_returns_the_same_run() throws Exception {
        createAgent("sum-" + UUID.randomUUID(), SumAgent.TYPE.code(), null);
        String key = UUID.randomUUID().toString();
        String body = "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [5]}}";
        long first = json.readTree(sendWith("POST", "/api/execute", MAIN_BACKEND_KEY, body, key).body())
                .get("execution_id").asLong();
        long second = json.readTree(sendWith("POST", "/api/execute", MAIN_BACKEND_KEY, body, key).body())
                .get("execution_id").asLong();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void executions_are_paged_in_the_original_shape_and_bad_filters_name_the_parameter() throws Exception {
        createAgent("sum-" + UUID.randomUUID(), SumAgent.TYPE.code(), null);
        for (int i = 0; i < 3; i++) {
            send("POST", "/api/execute", MAIN_BACKEND_KEY, "{\"task_type\": \"sum_test\", \"input_data\": "
                    + "{\"numbers\": [" + i + "]}}");
        }
        JsonNode page = json.readTree(send("GET", "/api/executions?page=1&per_page=2&status=succeeded",
                MAIN_BACKEND_KEY, null).body());
        assertThat(page.get("executions")).hasSize(2);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("per_page").asInt()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.get("pages").asLong()).isEqualTo((page.get("total").asLong() + 1) / 2);
        assertThat(page.get("executions").findValuesAsText("status")).containsOnly("succeeded");

        HttpResponse<String> badStatus = send("GET", "/api/executions?status=exploded", MAIN_BACKEND_KEY, null);
        assertThat(badStatus.statusCode()).isEqualTo(422);
        assertThat(assertProblem(badStatus).get("field").asText()).isEqualTo("status");
        HttpResponse<String> farPage = send("GET", "/api/executions?page=30000000&per_page=100", MAIN_BACKEND_KEY,
                null);
        assertThat(farPage.statusCode()).isEqualTo(422);
        assertThat(assertProblem(farPage).get("field").asText()).isEqualTo("page");
        HttpResponse<String> badPage = send("GET", "/api/executions?page=abc", MAIN_BACKEND_KEY, null);
        assertThat(badPage.statusCode()).isEqualTo(400);
        JsonNode badPageProblem = assertProblem(badPage);
        assertThat(badPageProblem.get("field").asText()).isEqualTo("page");
        assertThat(badPageProblem.get("detail").asText()).as("in the caller's words")
                .isEqualTo("'page' must be a whole number; it was 'abc'.");
        assertThat(send("GET", "/api/executions/987654321", MAIN_BACKEND_KEY, null).statusCode()).isEqualTo(404);
    }

    @Test
    void admins_manage_agents_over_rest_with_versions_and_clear_refusals() throws Exception {
        String name = "sum-" + UUID.randomUUID();
        HttpResponse<String> created = createAgent(name, SumAgent.TYPE.code(), "{\"temperature\": 0.5}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode agent = json.readTree(created.body());
        int id = agent.get("id").asInt();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/agents/" + id);
        assertThat(agent.at("/config/temperature").asDouble()).isEqualTo(0.5);
        assertThat(agent.get("config_version").asInt()).isEqualTo(1);

        HttpResponse<String> duplicate = createAgent(name, SumAgent.TYPE.code(), null);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(assertProblem(duplicate).get("field").asText()).isEqualTo("name");
        HttpResponse<String> invalid = createAgent("other-" + name, SumAgent.TYPE.code(), "{\"temperature\": 7}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(assertProblem(invalid).get("field").asText()).isEqualTo("config.temperature");

        JsonNode changed = json.readTree(send("PUT", "/api/agents/" + id, ADMIN_KEY,
                "{\"config\": {\"max_tokens\": 500}, \"note\": \"shorter answers\"}").body());
        assertThat(changed.get("config_version").asInt()).isEqualTo(2);
        JsonNode diff = json.readTree(send("GET", "/api/agents/" + id + "/versions/diff?from=1&to=2", ADMIN_KEY,
                null).body());
        assertThat(diff.get("changes").findValuesAsText("field")).containsExactly("max_tokens");
        // A number stays a number in the diff, as the config has it (was the text "2000" → "500").
        assertThat(diff.at("/changes/0/after").isInt()).isTrue();
        assertThat(diff.at("/changes/0/after").asInt()).isEqualTo(500);
        assertThat(diff.at("/changes/0/before").isNumber()).isTrue();

        long runId = json.readTree(send("POST", "/api/execute", ADMIN_KEY, "{\"agent\": \"" + name
                + "\", \"input\": {\"numbers\": [1]}}").body()).get("id").asLong();
        assertThat(send("PUT", "/api/agents/" + id, ADMIN_KEY, "{\"enabled\": false}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> disabled = send("POST", "/api/execute", ADMIN_KEY, "{\"agent\": \"" + name
                + "\", \"input\": {\"numbers\": [1]}}");
        assertThat(disabled.statusCode()).isEqualTo(409);
        assertProblem(disabled);

        assertThat(send("DELETE", "/api/agents/" + id, ADMIN_KEY, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/agents/" + id, ADMIN_KEY, null).statusCode()).isEqualTo(404);
        JsonNode keptRun = json.readTree(send("GET", "/api/executions/" + runId, ADMIN_KEY, null).body());
        assertThat(keptRun.get("agent").asText()).isEqualTo(name);
        assertThat(keptRun.get("agent_id").isNull()).isTrue();
    }

    @Test
    void the_openapi_document_describes_the_api_and_swagger_ui_is_served() throws Exception {
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(docs.body()).get("paths");
        assertThat(paths.has("/api/execute")).isTrue();
        assertThat(paths.has("/api/executions/{id}")).isTrue();
        assertThat(send("GET", "/swagger-ui/index.html", null, null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> createAgent(String name, String type, String config) throws Exception {
        return send("POST", "/api/agents", ADMIN_KEY, "{\"name\": \"" + name + "\", \"type\": \"" + type + "\""
                + (config == null ? "" : ", \"config\": " + config) + "}");
    }

    private JsonNode assertProblem(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
        return body;
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return sendWith(method, path, key, body, null);
    }

    private HttpResponse<String> sendWith(String method, String path, String key, String body,
                                          String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
