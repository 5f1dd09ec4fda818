package com.fitnesscrm.orchestrator.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.execution.testagents.SlowAgent;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an attacker or a careless caller sends to the REST facade (issue 11, items 1, 3–6): every answer is 2xx or a
 * 4xx {@code application/problem+json} naming the field, never a 5xx, never a Java class name, never a half-written
 * body; nothing is stored or done for a request that is refused. The last test replays generated hostile requests
 * ({@link HostileRequests}, the same generator as {@code FuzzBenchmark}).
 */
@ServerIntegrationTest
class HostileInputIT {

    static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    static final String ADMIN_KEY = "admin-key-for-tests-0123456789abcdef";
    /** What a caller must never see: a Java package-qualified name or an exception's class name. */
    static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|org|com)\\.[a-z]+\\.[A-Za-z.]+|Exception\\b");
    static final int LIMIT = 64;

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void fuzzAgentExists() throws Exception {
        if (jdbc.queryForObject("SELECT count(*) FROM ai_agents WHERE name = 'fuzz-sum'", Integer.class) == 0) {
            assertThat(post("/api/agents", ADMIN_KEY, "{\"name\": \"fuzz-sum\", \"type\": \"sum_test\"}").status())
                    .isEqualTo(201);
        }
    }

    // --- 1. deep nesting --------------------------------------------------------------------------------------------

    /** Each POST endpoint, with its body's field that carries free JSON. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("/api/execute", "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1], "
                        + "\"x\": %s}}", "input_data"),
                Arguments.of("/api/execute", "{\"agent\": \"fuzz-sum\", \"input\": {\"numbers\": [1], \"x\": %s}}",
                        "input"),
                Arguments.of("/api/agents", "{\"name\": \"deep-agent\", \"type\": \"sum_test\", "
                        + "\"config\": {\"x\": %s}}", "config"),
                Arguments.of("/api/ai/progress-prediction", "{\"client_id\": 1, \"notes\": {\"x\": %s}}", "notes"),
                Arguments.of("/api/workouts/auto-generate", "{\"client_id\": 1, \"history\": {\"x\": %s}}",
                        "history"),
                Arguments.of("/api/ai/generate-workout-plan", "{\"client_id\": 1, \"history\": {\"x\": %s}}",
                        "history"),
                Arguments.of("/api/ai/workout-recommendations", "{\"client_id\": 1, \"goals\": {\"x\": %s}}",
                        "goals"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("endpoints")
    void input_nested_deeper_than_the_limit_is_refused_with_422_naming_the_limit_and_nothing_is_stored(
            String path, String template, String field) throws Exception {
        long runs = count("ai_agent_executions");
        long agents = count("ai_agents");
        // The outer object and the field's object are two levels: 63 more make 65.
        RawHttp.Response response = post(path, ADMIN_KEY, template.formatted(nested(LIMIT - 1)));

        JsonNode problem = assertProblem(response, 422);
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("limit").asInt()).isEqualTo(LIMIT);
        assertThat(problem.get("detail").asText()).contains("64 levels");
        assertThat(count("ai_agent_executions")).isEqualTo(runs);
        assertThat(count("ai_agents")).isEqualTo(agents);
    }

    @Test
    void nesting_past_what_the_parser_would_ever_read_is_the_same_422() throws Exception {
        RawHttp.Response response = post("/api/execute", MAIN_BACKEND_KEY,
                "{\"task_type\": \"sum_test\", \"input_data\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        JsonNode problem = assertProblem(response, 422);
        assertThat(problem.get("field").asText()).isEqualTo("input_data");
        assertThat(problem.get("detail").asText()).doesNotContain("StreamReadConstraints");
    }

    @Test
    void the_deepest_and_largest_input_still_accepted_reads_back_in_every_list_and_detail() throws Exception {
        // Exactly 64 levels: the outer object, input_data, and 62 below it.
        String deep = "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1], \"x\": %s}}"
                .formatted(nested(LIMIT - 2));
        RawHttp.Response small = post("/api/execute", MAIN_BACKEND_KEY, deep);
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        long smallId = json.readTree(small.body()).get("execution_id").asLong();
        // … and at the body limit: the same depth plus padding up to a few bytes under 1 MB.
        String prefix = "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1], \"x\": "
                + nested(LIMIT - 2) + ", \"pad\": \"";
        String suffix = "\"}}";
        String large = prefix + "é".repeat((int) (RequestSizeLimitFilter.MAX_BYTES - prefix.length() - suffix.length()
                - 16) / 2) + suffix;
        assertThat(large.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(
                (int) RequestSizeLimitFilter.MAX_BYTES);
        RawHttp.Response big = post("/api/execute", MAIN_BACKEND_KEY, large);
        assertThat(big.status()).as(big.body()).isEqualTo(200);
        long bigId = json.readTree(big.body()).get("execution_id").asLong();

        for (String list : List.of("/api/executions", "/api/executions?per_page=100", "/api/executions?per_page=1",
                "/api/executions?status=succeeded&per_page=100")) {
            RawHttp.Response page = get(list);
            assertThat(page.status()).as(list).isEqualTo(200);
            assertThat(page.header("content-length")).as("sent whole, its length known before the first byte")
                    .isEqualTo(String.valueOf(page.body().getBytes(StandardCharsets.UTF_8).length));
            JsonNode body = readLenient(page.body());
            assertThat(body.get("executions")).isNotEmpty();
        }
        // Lists carry payloads only when asked (issue 12): the small one whole, the big one past a page's budget.
        String until = readLenient(get("/api/executions/" + bigId).body()).get("started_at").asText();
        JsonNode listed = readLenient(get("/api/executions?per_page=100&include=input&to=" + until).body())
                .get("executions");
        JsonNode smallListed = find(listed, smallId);
        assertThat(depth(smallListed.get("input"))).isEqualTo(LIMIT - 1);
        JsonNode bigListed = find(readLenient(get("/api/executions?per_page=100").body()).get("executions"), bigId);
        assertThat(bigListed.has("input_data")).isFalse();
        assertThat(bigListed.get("input_bytes").asLong()).isGreaterThan(RequestSizeLimitFilter.MAX_BYTES / 2);

        for (long id : List.of(smallId, bigId)) {
            RawHttp.Response detail = get("/api/executions/" + id);
            assertThat(detail.status()).isEqualTo(200);
            JsonNode run = readLenient(detail.body());
            assertThat(depth(run.get("input"))).isEqualTo(LIMIT - 1);
            assertThat(run.get("status").asText()).isEqualTo("succeeded");
        }
        JsonNode bigRun = readLenient(get("/api/executions/" + bigId).body());
        assertThat(bigRun.at("/input_data/pad").asText()).hasSizeGreaterThan(400_000);
    }

    // --- 3. NUL -----------------------------------------------------------------------------------------------------

    static Stream<Arguments> nulBodies() {
        return Stream.of(
                Arguments.of("/api/execute", "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1], "
                        + "\"notes\": [\"ok\", {\"text\": \"a\\u0000b\"}]}}", "input_data.notes[1].text"),
                Arguments.of("/api/execute", "{\"agent\": \"fuzz-sum\", \"input\": {\"k\\u0000\": 1}}",
                        "input.k\\u0000"),
                Arguments.of("/api/agents", "{\"name\": \"nul\\u0000agent\", \"type\": \"sum_test\"}", "name"),
                Arguments.of("/api/ai/progress-prediction", "{\"client_id\": \"\\u0000\"}", "client_id"),
                Arguments.of("/api/workouts/auto-generate", "{\"focus_areas\": [\"legs\\u0000\"]}",
                        "focus_areas[0]"),
                Arguments.of("/api/ai/generate-workout-plan", "{\"goal\": \"\\u0000\"}", "goal"),
                Arguments.of("/api/ai/workout-recommendations", "{\"goals\": {\"a\": {\"b\": \"\\u0000\"}}}",
                        "goals.a.b"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("nulBodies")
    void a_nul_character_anywhere_is_422_naming_its_json_path_and_nothing_is_stored(String path, String body,
                                                                                    String field) throws Exception {
        long runs = count("ai_agent_executions");
        JsonNode problem = assertProblem(post(path, ADMIN_KEY, body), 422);
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).contains("NUL");
        assertThat(count("ai_agent_executions")).isEqualTo(runs);
    }

    @Test
    void an_unpaired_surrogate_is_422_too_because_it_cannot_be_written_back_as_utf8() throws Exception {
        JsonNode problem = assertProblem(post("/api/execute", ADMIN_KEY,
                "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1], \"s\": \"x\\ud800\"}}"), 422);
        assertThat(problem.get("field").asText()).isEqualTo("input_data.s");
    }

    // --- 4. Progress Monitor ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"client_id\": 1}",
        "{\"lifts\": [{\"date\": \"2026-01-05\", \"exercise\": \"squat\", \"load_kg\": 100, \"reps\": 5}]}"})
    void progress_without_enough_data_is_an_honest_200_saying_insufficient_data(String body) throws Exception {
        RawHttp.Response response = post("/api/ai/progress-prediction", MAIN_BACKEND_KEY, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("status").asText()).isEqualTo("insufficient_data");
        assertThat(answer.get("prediction").asText()).isNotBlank();
        assertThat(answer.at("/progress/narrative").asText()).isNotBlank();
        assertThat(answer.get("estimated_weeks").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "1e308", "1e309", "5", "401", "-3"})
    void an_absurd_goal_weight_is_422_with_the_allowed_range(String weight) throws Exception {
        JsonNode problem = assertProblem(post("/api/ai/progress-prediction", MAIN_BACKEND_KEY,
                "{\"current_metrics\": {\"weight\": 82}, \"goal_metrics\": {\"weight\": " + weight + "}}"), 422);
        assertThat(problem.get("field").asText()).isEqualTo("goal_metrics.weight");
        if (!weight.equals("1e309")) {
            assertThat(problem.get("detail").asText()).contains("20").contains("400").contains("kg");
        }
    }

    @Test
    void an_absurd_lift_or_body_fat_is_422_with_the_allowed_range() throws Exception {
        JsonNode lift = assertProblem(post("/api/ai/progress-prediction", MAIN_BACKEND_KEY, "{\"lifts\": [{\"date\": "
                + "\"2026-01-05\", \"exercise\": \"squat\", \"load_kg\": 1e308, \"reps\": 5}]}"), 422);
        assertThat(lift.get("field").asText()).isEqualTo("lifts[0].load_kg");
        JsonNode fat = assertProblem(post("/api/ai/progress-prediction", MAIN_BACKEND_KEY,
                "{\"current_metrics\": {\"body_fat\": 0.01}}"), 422);
        assertThat(fat.get("field").asText()).isEqualTo("current_metrics.body_fat");
    }

    // --- 5. other 5xx -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/execute", "/api/agents", "/api/ai/progress-prediction",
        "/api/workouts/auto-generate", "/api/ai/generate-workout-plan", "/api/ai/workout-recommendations"})
    void a_wildcard_or_yaml_content_type_is_415_and_nothing_is_done(String path) throws Exception {
        long runs = count("ai_agent_executions");
        String body = "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1]}, \"name\": \"ct-agent\", "
                + "\"type\": \"sum_test\"}";
        for (String type : List.of("*/*", "application/yaml", "text/plain", "application/xml")) {
            RawHttp.Response response = RawHttp.send(port, RawHttp.request("POST", path, ADMIN_KEY, type,
                    body.getBytes(StandardCharsets.UTF_8)));
            assertThat(assertProblem(response, 415).get("detail").asText()).contains("application/json");
        }
        RawHttp.Response yaml = RawHttp.send(port, RawHttp.request("POST", path, ADMIN_KEY, "application/yaml",
                "task_type: sum_test\ninput_data: {numbers: [1]}\nname: yaml-agent\ntype: sum_test\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertProblem(yaml, 415);
        assertThat(count("ai_agent_executions")).isEqualTo(runs);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ai_agents WHERE name IN ('ct-agent', 'yaml-agent')",
                Integer.class)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"temperature", "daily_budget_usd"})
    void an_overflowing_number_in_an_agents_config_is_422_naming_the_field(String field) throws Exception {
        JsonNode problem = assertProblem(post("/api/agents", ADMIN_KEY, "{\"name\": \"huge-" + field + "\", "
                + "\"type\": \"sum_test\", \"config\": {\"" + field + "\": 1e309}}"), 422);
        assertThat(problem.get("field").asText()).isEqualTo("config." + field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=+999999999-12-31T23:59:59Z", "to=-999999999-01-01T00:00:00Z",
        "from=10000-01-01T00:00:00Z"})
    void a_timestamp_out_of_range_is_422_naming_the_parameter(String query) throws Exception {
        JsonNode problem = assertProblem(get("/api/executions?" + query), 422);
        assertThat(problem.get("field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
    }

    // --- 6. contract gaps -------------------------------------------------------------------------------------------

    @Test
    void accept_xml_is_refused_with_406_before_the_agent_is_created_or_the_run_recorded() throws Exception {
        long runs = count("ai_agent_executions");
        RawHttp.Response agent = RawHttp.send(port, RawHttp.json("POST", "/api/agents", ADMIN_KEY,
                "{\"name\": \"xml-agent\", \"type\": \"sum_test\"}").header("Accept", "application/xml"));
        assertProblem(agent, 406);
        RawHttp.Response run = RawHttp.send(port, RawHttp.json("POST", "/api/execute", ADMIN_KEY,
                "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1]}}").header("Accept",
                "application/xml"));
        assertProblem(run, 406);
        assertThat(count("ai_agent_executions")).isEqualTo(runs);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ai_agents WHERE name = 'xml-agent'", Integer.class))
                .isZero();
        // A browser's Accept (HTML first, then anything) still gets JSON.
        RawHttp.Response browser = RawHttp.send(port, RawHttp.request("GET", "/api/health", null, null, null)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.contentType()).startsWith("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT /api/execute", "DELETE /api/execute", "PATCH /api/execute", "GET /api/execute",
        "PUT /api/executions", "DELETE /api/executions", "PATCH /api/executions", "POST /api/executions",
        "DELETE /api/executions/1/cancel", "PROPFIND /api/agents"})
    void a_method_an_endpoint_does_not_take_is_405_problem_json_with_allow(String request) throws Exception {
        String[] parts = request.split(" ");
        RawHttp.Response response = RawHttp.send(port, RawHttp.request(parts[0], parts[1], ADMIN_KEY, null, null));
        assertProblem(response, 405);
        assertThat(response.header("allow")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/metric", "/api/nope", "/api/executions/1/steps", "/api", "/api/ai/nope"})
    void an_unknown_api_path_is_404_problem_json_and_401_without_a_key(String path) throws Exception {
        for (String method : List.of("GET", "POST", "DELETE")) {
            RawHttp.Response known = RawHttp.send(port, RawHttp.request(method, path, ADMIN_KEY, null, null));
            assertProblem(known, 404);
            RawHttp.Response anonymous = RawHttp.send(port, RawHttp.request(method, path, null, null, null));
            assertProblem(anonymous, 401);
        }
    }

    @Test
    void the_ui_and_the_existing_api_paths_still_work_beside_the_404s() throws Exception {
        assertThat(get("/api/executions").status()).isEqualTo(200);
        assertThat(get("/api/agents/types").status()).isEqualTo(200);
        RawHttp.Response login = RawHttp.send(port, RawHttp.request("GET", "/login", null, null, null));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.contentType()).startsWith("text/html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/executions/%2F", "/api/%2F", "/api/%00", "/api/executions/%00",
        "/api/executions/..%2F..%2Fetc", "/api/execute;jsessionid=x", "/api/%2e%2e/api/execute", "/api//execute",
        "/api/executions/%c0%af", "/api/%5c", "/api/executions/%25"})
    void a_rejected_url_is_answered_with_problem_json_not_a_tomcat_page(String path) throws Exception {
        RawHttp.Response response = RawHttp.send(port, RawHttp.request("GET", path, ADMIN_KEY, null, null));
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertProblem(response, response.status());
    }

    @Test
    void an_idempotency_key_longer_than_200_characters_is_422_naming_the_header() throws Exception {
        String body = "{\"task_type\": \"sum_test\", \"input_data\": {\"numbers\": [1]}}";
        long runs = count("ai_agent_executions");
        for (int length : List.of(201, 8 * 1024)) {
            RawHttp.Response response = RawHttp.send(port, RawHttp.json("POST", "/api/execute", ADMIN_KEY, body)
                    .header("Idempotency-Key", "k".repeat(length)));
            JsonNode problem = assertProblem(response, 422);
            assertThat(problem.get("field").asText()).isEqualTo("Idempotency-Key");
            assertThat(problem.get("detail").asText()).contains("200");
        }
        assertThat(count("ai_agent_executions")).isEqualTo(runs);
        RawHttp.Response ok = RawHttp.send(port, RawHttp.json("POST", "/api/execute", ADMIN_KEY, body)
                .header("Idempotency-Key", "k".repeat(199) + System.nanoTime() % 10));
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void headers_too_large_for_the_server_are_431_problem_json() throws Exception {
        RawHttp.Response response = RawHttp.send(port, RawHttp.request("GET", "/api/executions", ADMIN_KEY, null,
                null).header("X-Padding", "p".repeat(64 * 1024)));
        assertThat(response.status()).isBetween(400, 499);
        assertProblem(response, response.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": NaN}", "{a: 1}", "{\"a\": 01}", "{\"a\": 1", "[1,]", "{\"a\":1} trailing",
        "{\"a\": \"\u0000\"}", "{\"a\": 99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999}"})
    void malformed_json_is_described_in_the_callers_words(String body) throws Exception {
        RawHttp.Response response = post("/api/execute", ADMIN_KEY, body);
        assertThat(response.status()).isIn(400, 422);
        JsonNode problem = assertProblem(response, response.status());
        assertThat(problem.get("detail").asText()).doesNotContain("StreamReadConstraints", "JsonReadFeature",
                "Feature", "REDACTED", "Source", "`");
        if (response.status() == 400) {
            assertThat(problem.get("detail").asText()).startsWith("Malformed JSON at line 1, column ");
        }
    }

    @Test
    void a_run_stored_before_the_depth_limit_shows_a_note_in_its_place_and_every_page_still_reads() throws Exception {
        // What the first version accepted and stored: input_data nested 1,000 levels deep.
        String deep = "{\"a\": ".repeat(999) + "1" + "}".repeat(999);
        long id = jdbc.queryForObject("INSERT INTO ai_agent_executions (status, agent_name, task_type, input_data, "
                + "started_at) VALUES ('failed', 'Legacy', 'progress_monitoring', ?::jsonb, now()) RETURNING id",
                Long.class, deep);

        RawHttp.Response detail = get("/api/executions/" + id);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        JsonNode input = json.readTree(detail.body()).get("input_data");
        assertThat(input.get("unreadable").asBoolean()).isTrue();
        assertThat(input.get("reason").asText()).contains("64 levels");
        for (String page : new String[] {"/api/executions", "/api/executions?per_page=100",
                "/api/executions?per_page=100&include=input,output"}) {
            RawHttp.Response list = get(page);
            assertThat(list.status()).as(page).isEqualTo(200);
            assertThat(json.readTree(list.body()).get("executions")).as(page).isNotEmpty();
        }
        // A page with payloads sends stored text as it is, but not this one: the note stands in for it there too.
        JsonNode listed = find(json.readTree(get("/api/executions?per_page=5&include=input").body())
                .get("executions"), id).get("input");
        assertThat(listed.get("unreadable").asBoolean()).as(listed.toString()).isTrue();
    }

    // --- found by the fuzz -----------------------------------------------------------------------------------------

    @Test
    void an_agent_deleted_while_its_sync_run_executes_leaves_the_run_recorded_not_a_500() throws Exception {
        RawHttp.Response created = post("/api/agents", ADMIN_KEY, "{\"name\": \"doomed-" + System.nanoTime()
                + "\", \"type\": \"slow_test\"}");
        assertThat(created.status()).isEqualTo(201);
        long agentId = json.readTree(created.body()).get("id").asLong();
        java.util.concurrent.CountDownLatch started = SlowAgent.startOf(1537);
        java.util.concurrent.CompletableFuture<RawHttp.Response> run = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return post("/api/execute", ADMIN_KEY, "{\"agent\": \"" + agentId + "\", "
                                + "\"input\": {\"millis\": 1537}}");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        // A sync run is written only when it finishes: the agent itself says when it has started to wait.
        assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the run started").isTrue();
        assertThat(RawHttp.send(port, RawHttp.request("DELETE", "/api/agents/" + agentId, ADMIN_KEY, null, null))
                .status()).isEqualTo(200);

        RawHttp.Response answer = run.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode recorded = json.readTree(get("/api/executions/" + json.readTree(answer.body()).get("id").asLong())
                .body());
        assertThat(recorded.get("agent_id").isNull()).isTrue();
        assertThat(recorded.get("status").asText()).isEqualTo("succeeded");
    }

    // --- fuzz -------------------------------------------------------------------------------------------------------

    static Stream<HostileRequests.Case> hostile() {
        // Seed and count fixed: the same requests every time; FuzzBenchmark sends thousands more of them.
        return new HostileRequests(11, ADMIN_KEY).generate(390).stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    void a_hostile_request_gets_2xx_or_a_4xx_problem_never_a_5xx_or_a_class_name(HostileRequests.Case hostile)
            throws Exception {
        RawHttp.Response response = RawHttp.send(port, hostile.request());
        assertThat(response.status()).as(hostile + " → " + response.body()).isBetween(200, 499);
        assertThat(CLASS_NAME.matcher(response.body()).find()).as(hostile + " → " + response.body()).isFalse();
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(hostile + " → " + response.body())
                    .startsWith("application/problem+json");
        } else if (!hostile.request().method().equals("HEAD") && !response.body().isEmpty()) {
            assertThat(response.contentType()).as(hostile.toString()).startsWith("application/json");
        }
    }

    @Test
    void after_the_fuzz_every_list_page_still_reads() throws Exception {
        for (HostileRequests.Case hostile : new HostileRequests(12, ADMIN_KEY).generate(130)) {
            RawHttp.send(port, hostile.request());
        }
        for (int page = 1; page <= 3; page++) {
            RawHttp.Response list = get("/api/executions?per_page=100&page=" + page);
            assertThat(list.status()).isEqualTo(200);
            readLenient(list.body());
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private RawHttp.Response post(String path, String key, String body) throws Exception {
        return RawHttp.send(port, RawHttp.json("POST", path, key, body));
    }

    private RawHttp.Response get(String path) throws Exception {
        return RawHttp.send(port, RawHttp.request("GET", path, ADMIN_KEY, null, null));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private JsonNode assertProblem(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(CLASS_NAME.matcher(response.body()).find()).as(response.body()).isFalse();
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).isNotBlank();
        return body;
    }

    /** Our own reader takes deeper JSON than the service accepts, so the test sees what was sent back. */
    private JsonNode readLenient(String text) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000)
                .maxStringLength(50_000_000).build());
        return mapper.readTree(text);
    }

    private static JsonNode find(JsonNode runs, long id) {
        for (JsonNode run : runs) {
            if (run.get("id").asLong() == id) {
                return run;
            }
        }
        throw new AssertionError("run " + id + " is not listed");
    }

    /** Levels of nesting: a scalar is 0, {} or [] 1. */
    static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    /** {@code levels} objects inside each other: 1 is {"a": 1}. */
    static String nested(int levels) {
        return "{\"a\": ".repeat(levels) + "1" + "}".repeat(levels);
    }
}
