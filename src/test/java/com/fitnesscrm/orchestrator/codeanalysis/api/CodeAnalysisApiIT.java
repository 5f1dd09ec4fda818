package com.fitnesscrm.orchestrator.codeanalysis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.agents.AgentCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The main backend's Code Analyzer calls with their original bodies over HTTP: CI's code review through
 * {@code /api/execute}, its error handler's {@code POST /api/errors}, and the admins' suggestion review.
 */
@ServerIntegrationTest
class CodeAnalysisApiIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    private static final String ADMIN_KEY = "admin-key-for-tests-0123456789abcdef";
    // Built from parts so that no scanner mistakes the test for a leak; both match their providers' formats.
    private static final String STRIPE_KEY = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    private static final String AWS_KEY = "AKIA" + "IOSFODNN7EXAMPLQ";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AgentCatalog agents;

    @Test
    void ci_posts_a_changed_file_and_reads_the_findings_under_results_code_analysis() throws Exception {
        String path = "app/routes/" + UUID.randomUUID() + ".py";
        JsonNode first = execute(codeBody(path, """
                from flask import request


                def find_client(cursor):
                    name = request.args["name"]
                    cursor.execute("SELECT * FROM clients WHERE name = '" + name + "'")
                    return cursor.fetchall()
                """));

        JsonNode analysis = first.at("/results/code_analysis");
        assertThat(analysis.get("issues").findValuesAsText("issue_type")).contains("sql_injection");
        JsonNode issue = analysis.get("issues").get(0);
        assertThat(issue.get("line").asInt()).isEqualTo(6);
        assertThat(issue.get("severity").asText()).isEqualTo("critical");
        assertThat(issue.get("fingerprint").asText()).hasSize(32);
        assertThat(analysis.get("engine").asText()).isEqualTo("rules");
        assertThat(analysis.get("suggestion_ids")).hasSize(analysis.get("issues").size());

        long id = analysis.get("suggestion_ids").get(0).asLong();
        JsonNode second = execute(codeBody(path, "# moved down\n" + """
                from flask import request


                def find_client(cursor):
                    name = request.args["name"]
                    cursor.execute("SELECT * FROM clients WHERE name = '" + name + "'")
                    return cursor.fetchall()
                """));
        JsonNode again = second.at("/results/code_analysis");
        assertThat(again.get("suggestion_ids").get(0).asLong()).as("stored once per fingerprint").isEqualTo(id);
        JsonNode listed = suggestion(id);
        assertThat(listed.get("occurrences").asLong()).isEqualTo(2);
        assertThat(listed.get("line").asInt()).isEqualTo(7);
        assertThat(listed.get("status").asText()).isEqualTo("pending");
        assertThat(listed.get("file_path").asText()).isEqualTo(path);
        assertThat(jdbc.queryForList("SELECT run_id FROM ai_code_suggestion_evidence WHERE suggestion_id = ? "
                + "ORDER BY seen_at", Long.class, id)).as("each run is its evidence")
                .containsExactly(first.get("execution_id").asLong(), second.get("execution_id").asLong());
    }

    @Test
    void clean_code_gets_no_issue_and_an_unknown_language_says_only_secrets_were_checked() throws Exception {
        JsonNode clean = execute(codeBody("app/" + UUID.randomUUID() + ".py", """
                def total(prices):
                    return sum(prices)
                """)).at("/results/code_analysis");
        assertThat(clean.get("issues")).isEmpty();
        JsonNode ruby = execute(codeBody("app/" + UUID.randomUUID() + ".rb", "puts 'hi'\n"))
                .at("/results/code_analysis");
        assertThat(ruby.get("issues")).isEmpty();
        assertThat(ruby.get("notes").get(0).asText()).contains("only the language-neutral rules (secrets)");
    }

    @Test
    void bad_input_is_a_422_naming_the_field() throws Exception {
        HttpResponse<String> noPath = post("/api/execute", MAIN_BACKEND_KEY,
                "{\"task_type\": \"code_analysis\", \"input_data\": {\"code\": \"x = 1\"}}");
        assertThat(noPath.statusCode()).isEqualTo(422);
        assertThat(json.readTree(noPath.body()).get("field").asText()).endsWith("file_path");
        HttpResponse<String> badType = post("/api/execute", MAIN_BACKEND_KEY, "{\"task_type\": \"code_analysis\", "
                + "\"input_data\": {\"code\": \"x = 1\", \"file_path\": \"a.py\", \"analysis_type\": \"deep\"}}");
        assertThat(badType.statusCode()).isEqualTo(422);
        assertThat(json.readTree(badType.body()).get("field").asText()).endsWith("analysis_type");
    }

    @Test
    void hostile_inputs_are_refused_naming_a_field_or_analysed_never_a_server_error() throws Exception {
        List<String> inputs = List.of(
                "{\"code\": null, \"file_path\": \"\"}",
                "{\"code\": {\"a\": 1}, \"file_path\": \"a.py\"}",
                "{\"code\": \"x\", \"file_path\": 5}",
                "{\"code\": \"x\", \"file_path\": \"a.py\", \"language\": 5}",
                "{\"code\": \"eval(input())\\u0000\\u0000\", \"file_path\": \"a\\u0000.py\"}",
                "{\"code\": \"s = '''unterminated\\n\\\"\\\"\\\"\", \"file_path\": \"a.py\"}",
                "{\"code\": \"class {{{{ (((( \", \"file_path\": \"A.java\"}",
                "{\"error\": \"boom\\u0000\", \"stack_trace\": \"Traceback\\u0000 (most recent call last):\"}",
                "{\"error\": [], \"stack_trace\": \"x\"}",
                "{\"log\": 7}",
                "{\"log\": \"ERROR \\u0000 java.lang.IllegalStateException: x\\n\\tat a.B.c(B.java:1)\"}");
        for (String input : inputs) {
            HttpResponse<String> executed = post("/api/execute", MAIN_BACKEND_KEY,
                    "{\"task_type\": \"code_analysis\", \"input_data\": " + input + "}");
            assertThat(executed.statusCode()).as(input + " → " + executed.body()).isIn(200, 413, 422);
            if (executed.statusCode() == 422) {
                assertThat(json.readTree(executed.body()).get("field").asText()).as(input).isNotBlank();
            }
            if (input.startsWith("{\"error\"")) {
                HttpResponse<String> reported = post("/api/errors", MAIN_BACKEND_KEY, input);
                assertThat(reported.statusCode()).as(input + " → " + reported.body()).isIn(202, 422);
            }
        }
    }

    @Test
    void a_secret_appears_in_no_response_and_no_stored_row_sync_or_async() throws Exception {
        String path = "config/" + UUID.randomUUID() + ".py";
        String code = "STRIPE_KEY = \"" + STRIPE_KEY + "\"\nAWS_ACCESS_KEY_ID = \"" + AWS_KEY + "\"\n";
        HttpResponse<String> sync = post("/api/execute", MAIN_BACKEND_KEY, codeBody(path, code).toString());
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        assertThat(sync.body()).doesNotContain(STRIPE_KEY).doesNotContain(AWS_KEY).contains("sk_l…");
        JsonNode syncIssues = json.readTree(sync.body()).at("/results/code_analysis/issues");
        assertThat(syncIssues.findValuesAsText("rule_id")).contains("secret.stripe", "secret.aws-access-key-id");

        ObjectNode async = json.createObjectNode().put("agent", agents.forTaskType("code_analysis").orElseThrow()
                .name()).put("mode", "async");
        async.set("input", codeBody(path, code).get("input_data"));
        HttpResponse<String> queued = post("/api/execute", MAIN_BACKEND_KEY, async.toString());
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(queued.body()).doesNotContain(STRIPE_KEY).doesNotContain(AWS_KEY);
        String location = queued.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded".equals(
                json.readTree(get(location, MAIN_BACKEND_KEY).body()).get("status").asText()));
        HttpResponse<String> finished = get(location, MAIN_BACKEND_KEY);
        assertThat(finished.body()).doesNotContain(STRIPE_KEY).doesNotContain(AWS_KEY);
        JsonNode asyncIssues = json.readTree(finished.body()).at("/output/issues");
        assertThat(asyncIssues.findValuesAsText("fingerprint")).as("the recorded input still reports its secrets")
                .containsExactlyInAnyOrderElementsOf(syncIssues.findValuesAsText("fingerprint"));

        // an input that is not an object is refused, and recorded refused, without the key
        for (String wrong : List.of("\"" + STRIPE_KEY + "\"", "[\"" + AWS_KEY + "\"]")) {
            HttpResponse<String> refused = post("/api/execute", MAIN_BACKEND_KEY, "{\"agent\": \""
                    + agents.forTaskType("code_analysis").orElseThrow().name() + "\", \"input\": " + wrong + "}");
            assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
            assertThat(refused.body()).doesNotContain(STRIPE_KEY).doesNotContain(AWS_KEY);
        }

        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE "
                + "table_schema = current_schema() AND table_name LIKE 'ai\\_%'", String.class);
        assertThat(tables).contains("ai_code_suggestions", "ai_agent_executions");
        for (String table : tables) {
            Long leaks = jdbc.queryForObject("SELECT count(*) FROM " + table + " t WHERE t::text LIKE ? OR "
                    + "t::text LIKE ?", Long.class, "%" + STRIPE_KEY + "%", "%" + AWS_KEY + "%");
            assertThat(leaks).as(table).isZero();
        }
    }

    @Test
    void suggestions_are_listed_filtered_and_paged_in_the_original_shape() throws Exception {
        String dir = "lib/" + UUID.randomUUID() + "/";
        execute(codeBody(dir + "a.py", "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n"));
        execute(codeBody(dir + "b.py", "import hashlib\n\n\ndef digest(text):\n    return hashlib.md5(text)"
                + ".hexdigest()\n"));
        JsonNode page = json.readTree(get("/api/suggestions?file_path=" + dir + "&per_page=1", ADMIN_KEY).body());
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("suggestions")).hasSize(1);
        assertThat(page.get("suggestions").get(0).get("file_path").asText()).isEqualTo(dir + "b.py");
        JsonNode second = json.readTree(get("/api/suggestions?file_path=" + dir + "&per_page=1&page=2", ADMIN_KEY)
                .body());
        assertThat(second.get("suggestions").get(0).get("file_path").asText()).isEqualTo(dir + "a.py");
        JsonNode high = json.readTree(get("/api/suggestions?status=pending&severity=high&file_path=" + dir,
                MAIN_BACKEND_KEY).body());
        assertThat(high.get("suggestions").findValuesAsText("severity")).containsOnly("high");
        HttpResponse<String> bad = get("/api/suggestions?severity=urgent", ADMIN_KEY);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json.readTree(bad.body()).get("field").asText()).isEqualTo("severity");
    }

    @Test
    void a_review_moves_pending_to_accepted_to_applied_and_refuses_the_rest() throws Exception {
        String path = "lib/" + UUID.randomUUID() + ".py";
        String code = "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n";
        long id = execute(codeBody(path, code)).at("/results/code_analysis/suggestion_ids/0").asLong();

        HttpResponse<String> skip = put("/api/suggestions/" + id, ADMIN_KEY, "{\"status\": \"applied\"}");
        assertThat(skip.statusCode()).isEqualTo(409);
        assertThat(skip.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(json.readTree(skip.body()).get("detail").asText()).contains("pending → applied is not allowed");
        assertThat(put("/api/suggestions/" + id, MAIN_BACKEND_KEY, "{\"status\": \"accepted\"}").statusCode())
                .as("reviewing needs the admin scope").isEqualTo(403);
        HttpResponse<String> badStatus = put("/api/suggestions/" + id, ADMIN_KEY, "{\"status\": \"done\"}");
        assertThat(badStatus.statusCode()).isEqualTo(422);
        assertThat(json.readTree(badStatus.body()).get("field").asText()).isEqualTo("status");
        assertThat(put("/api/suggestions/987654321", ADMIN_KEY, "{\"status\": \"accepted\"}").statusCode())
                .isEqualTo(404);

        JsonNode accepted = json.readTree(put("/api/suggestions/" + id, ADMIN_KEY,
                "{\"status\": \"accepted\", \"note\": \"we will fix it this sprint\"}").body());
        assertThat(accepted.get("message").asText()).isNotBlank();
        assertThat(accepted.at("/suggestion/status").asText()).isEqualTo("accepted");
        assertThat(accepted.at("/suggestion/resolved_at").isNull()).isFalse();
        assertThat(accepted.at("/suggestion/note").asText()).isEqualTo("we will fix it this sprint");
        assertThat(accepted.at("/suggestion/reviewer").asText()).isNotBlank();
        JsonNode applied = json.readTree(put("/api/suggestions/" + id, ADMIN_KEY, "{\"status\": \"applied\"}")
                .body());
        assertThat(applied.at("/suggestion/status").asText()).isEqualTo("applied");
        assertThat(put("/api/suggestions/" + id, ADMIN_KEY, "{\"status\": \"rejected\"}").statusCode())
                .isEqualTo(409);

        execute(codeBody(path, code));
        JsonNode reopened = suggestion(id);
        assertThat(reopened.get("status").asText()).isEqualTo("pending");
        assertThat(reopened.get("reopened").asBoolean()).isTrue();
        assertThat(reopened.get("note").asText()).contains("Reopened");
    }

    @Test
    void an_error_is_accepted_at_once_with_its_group_and_the_same_group_only_counts_up() throws Exception {
        String function = "handler_" + UUID.randomUUID().toString().replace("-", "");
        String body = """
                {"error": "'client_id'", "type": "KeyError", "stack_trace": "Traceback (most recent call last):\\n  \
                File \\"/app/routes/clients.py\\", line 42, in %s\\n    client_id = request.json['client_id']\\n\
                KeyError: 'client_id'"}""".formatted(function);
        HttpResponse<String> first = post("/api/errors", MAIN_BACKEND_KEY, body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        JsonNode group = json.readTree(first.body()).get("error_group");
        assertThat(group.get("exception_type").asText()).isEqualTo("KeyError");
        assertThat(group.get("count").asLong()).isEqualTo(1);
        assertThat(group.get("in_app_frames").get(0).get("function").asText()).isEqualTo(function);
        assertThat(group.get("first_seen").asText()).isNotBlank();
        long runId = json.readTree(first.body()).get("run_id").asLong();
        assertThat(runId).isPositive();

        JsonNode second = json.readTree(post("/api/errors", MAIN_BACKEND_KEY, body.replace("line 42", "line 44"))
                .body());
        assertThat(second.at("/error_group/fingerprint").asText()).isEqualTo(group.get("fingerprint").asText());
        assertThat(second.at("/error_group/count").asLong()).isEqualTo(2);
        assertThat(second.get("run_id").isNull()).as("analysed recently: no second run").isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded".equals(
                json.readTree(get("/api/executions/" + runId, MAIN_BACKEND_KEY).body()).get("status").asText()));
        JsonNode run = json.readTree(get("/api/executions/" + runId, MAIN_BACKEND_KEY).body());
        assertThat(run.at("/output/error_group/count").asLong()).as("the run counted nothing twice")
                .isLessThanOrEqualTo(2);
        assertThat(run.at("/output/likely_cause").asText()).containsIgnoringCase("request");
        assertThat(jdbc.queryForObject("SELECT occurrences FROM ai_error_groups WHERE fingerprint = ?", Long.class,
                group.get("fingerprint").asText())).isEqualTo(2);
        HttpResponse<String> noTrace = post("/api/errors", MAIN_BACKEND_KEY, "{\"error\": \"boom\"}");
        assertThat(noTrace.statusCode()).isEqualTo(422);
        assertThat(json.readTree(noTrace.body()).get("field").asText()).isEqualTo("stack_trace");
    }

    @Test
    void a_log_is_split_into_its_errors() throws Exception {
        String log = """
                2026-12-01 10:00:00 INFO started
                Traceback (most recent call last):
                  File "/app/services/billing.py", line 10, in charge_%s
                    total = invoice["amount"]
                KeyError: 'amount'
                2026-12-01 10:00:05 INFO still running
                """.formatted(UUID.randomUUID().toString().replace("-", ""));
        ObjectNode body = json.createObjectNode().put("task_type", "code_analysis");
        body.putObject("input_data").put("log", log);
        JsonNode analysis = execute(body).at("/results/code_analysis");
        assertThat(analysis.get("error_groups")).hasSize(1);
        assertThat(analysis.at("/error_group/exception_type").asText()).isEqualTo("KeyError");
        // the group keeps the lines of the log it was read from, for the Errors view
        String trace = jdbc.queryForObject("SELECT sample_trace FROM ai_error_groups WHERE fingerprint = ?",
                String.class, analysis.at("/error_group/fingerprint").asText());
        assertThat(trace).contains("File \"/app/services/billing.py\", line 10").contains("KeyError: 'amount'")
                .doesNotContain("still running");
    }

    private ObjectNode codeBody(String path, String code) {
        ObjectNode body = json.createObjectNode().put("task_type", "code_analysis");
        body.putObject("input_data").put("code", code).put("file_path", path).put("analysis_type", "comprehensive");
        return body;
    }

    private JsonNode execute(ObjectNode body) throws Exception {
        HttpResponse<String> response = post("/api/execute", MAIN_BACKEND_KEY, body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode suggestion(long id) throws Exception {
        JsonNode page = json.readTree(get("/api/suggestions?status=all&per_page=100", ADMIN_KEY).body());
        for (JsonNode s : page.get("suggestions")) {
            if (s.get("id").asLong() == id) {
                return s;
            }
        }
        throw new AssertionError("suggestion " + id + " not listed");
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return send("POST", path, key, body);
    }

    private HttpResponse<String> put(String path, String key, String body) throws Exception {
        return send("PUT", path, key, body);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return send("GET", path, key, null);
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
