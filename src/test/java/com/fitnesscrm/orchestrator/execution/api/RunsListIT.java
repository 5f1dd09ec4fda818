package com.fitnesscrm.orchestrator.execution.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.base.api.RawHttp;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a caller of {@code GET /api/executions} notices when runs carry big payloads (issue 12, bug 1): the default
 * page is a list of summaries whatever the payloads weigh, {@code include} brings each payload once, and a page never
 * carries more payload than its budget (1 MB by default), saying so and pointing to the run for the rest.
 *
 * <p>Each test writes its runs straight into the table, as the main backend's rows or a long history would be, in a
 * time window of its own in 2001, and lists only that window ({@code from}, {@code to}), so the runs other tests
 * record do not matter.
 */
@ServerIntegrationTest
class RunsListIT {

    static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    /** The fields of a listed run besides its payloads, as the original list and the detail carry them. */
    static final List<String> SUMMARY_FIELDS = List.of("id", "agent_id", "agent", "task_type", "status", "mode",
            "error", "engine", "model", "tokens", "cost", "cost_currency", "unpriced", "execution_time", "started_at",
            "running_at", "completed_at", "requested_by", "requester_kind", "config_version", "attempts",
            "error_message");

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void the_default_page_of_a_hundred_runs_with_big_payloads_is_summaries_under_200_kb() throws Exception {
        // Payloads just under the 32 KB that lists used to stub: each came in the page whole, and twice.
        Window window = window(1);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(insert(window.at(i), payload("in", i, 30_000), payload("out", i, 30_000)));
        }

        RawHttp.Response response = get("/api/executions?per_page=100" + window.query());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        int bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("bytes of a page of 100 runs with 60 KB of payload each").isLessThan(200 * 1024);
        JsonNode page = json.readTree(response.body());
        assertThat(page.get("total").asLong()).isEqualTo(100);
        assertThat(page.get("executions")).hasSize(100);
        for (JsonNode run : page.get("executions")) {
            assertThat(run.has("input")).as("run %s has no input in the list", run.get("id")).isFalse();
            assertThat(run.has("output")).isFalse();
            assertThat(run.has("input_data")).isFalse();
            assertThat(run.has("output_data")).isFalse();
            assertThat(run.get("input_bytes").asLong()).isGreaterThan(29_000);
            assertThat(run.get("output_bytes").asLong()).isGreaterThan(29_000);
            assertThat(run.get("href").asText()).isEqualTo("/api/executions/" + run.get("id").asLong());
        }
        List<String> newestFirst = new ArrayList<>(ids.stream().map(String::valueOf).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(page.get("executions").findValuesAsText("id")).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void a_listed_run_keeps_every_field_of_the_run_but_its_payloads_to_the_letter() throws Exception {
        Window window = window(2);
        long id = jdbc.queryForObject("""
                INSERT INTO ai_agent_executions (agent_name, task_type, status, mode, input_data, output_data,
                    error_message, engine, model, tokens_in, tokens_out, cost_usd, unpriced, requested_by,
                    requester_kind, config_version, started_at, running_at, completed_at, execution_time, attempts)
                VALUES ('Gone agent', 'sum_test', 'succeeded', 'async', '{"numbers": [1, 2]}', '{"total": 3}',
                    NULL, 'llm', 'gpt-4o-mini', 120, 45, 0.0000450000, false, 'main-backend', 'api_key', 3, ?, ?,
                    ?, 1.25, 2) RETURNING id""", Long.class, ts(window.at(0)), ts(window.at(0).plusMillis(5)),
                ts(window.at(0).plusMillis(1255)));

        JsonNode listed = json.readTree(get("/api/executions?per_page=10" + window.query()).body())
                .get("executions").get(0);
        JsonNode detail = json.readTree(get("/api/executions/" + id).body());

        for (String field : SUMMARY_FIELDS) {
            assertThat(listed.has(field)).as("listed run has '%s'", field).isTrue();
            assertThat(listed.get(field)).as(field).isEqualTo(detail.get(field));
        }
        assertThat(listed.get("input_bytes").asInt()).isEqualTo("{\"numbers\": [1, 2]}".length());
        assertThat(listed.get("output_bytes").asInt()).isEqualTo("{\"total\": 3}".length());
    }

    @Test
    void include_brings_each_payload_once_under_input_and_output() throws Exception {
        Window window = window(3);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(insert(window.at(i), payload("in", i, 50_000), i == 0 ? null : payload("out", i, 50_000)));
        }

        RawHttp.Response both = get("/api/executions?per_page=10&include=input,output" + window.query());

        assertThat(both.status()).as(both.body()).isEqualTo(200);
        JsonNode page = json.readTree(both.body());
        assertThat(page.get("truncated").asBoolean()).isFalse();
        assertThat(page.get("truncated_payloads").asInt()).isZero();
        assertThat(page.get("payload_budget_bytes").asLong()).isEqualTo(1024 * 1024);
        long payloadBytes = 0;
        for (JsonNode run : page.get("executions")) {
            JsonNode detail = json.readTree(get("/api/executions/" + run.get("id").asLong()).body());
            assertThat(run.get("input")).isEqualTo(detail.get("input"));
            assertThat(run.get("output")).isEqualTo(detail.get("output"));
            assertThat(run.has("input_data")).as("each payload once").isFalse();
            assertThat(run.has("output_data")).isFalse();
            payloadBytes += run.get("input_bytes").asLong() + run.path("output_bytes").asLong();
        }
        assertThat(page.get("payload_bytes").asLong()).isEqualTo(payloadBytes);
        assertThat(page.get("executions").get(2).get("output").isNull()).as("a run without output").isTrue();
        // Each payload is in the answer once: the page weighs its payloads and little more.
        assertThat(both.body().getBytes(StandardCharsets.UTF_8).length).isBetween((int) payloadBytes,
                (int) payloadBytes + 8 * 1024);

        JsonNode inputOnly = json.readTree(get("/api/executions?per_page=10&include=input" + window.query()).body());
        for (JsonNode run : inputOnly.get("executions")) {
            assertThat(run.get("input").get("tag").asText()).startsWith("in-");
            assertThat(run.has("output")).isFalse();
        }
        // The original form of a repeated parameter works too.
        JsonNode repeated = json.readTree(get("/api/executions?per_page=10&include=output&include=input"
                + window.query()).body());
        assertThat(repeated.get("executions").get(0).get("output").get("tag").asText()).startsWith("out-");
        assertThat(repeated.get("executions").get(0).get("input").get("tag").asText()).startsWith("in-");
    }

    @Test
    void past_the_budget_the_page_carries_stubs_that_lead_to_the_run_and_says_how_many() throws Exception {
        // Five runs of 400 KB in and out: the newest run's two payloads fit 1 MB, the third payload would not.
        Window window = window(4);
        for (int i = 0; i < 5; i++) {
            insert(window.at(i), payload("in", i, 400_000), payload("out", i, 400_000));
        }

        RawHttp.Response response = get("/api/executions?per_page=5&include=input,output" + window.query());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(1024 * 1024 + 16 * 1024);
        JsonNode page = json.readTree(response.body());
        assertThat(page.get("truncated").asBoolean()).isTrue();
        assertThat(page.get("truncated_payloads").asInt()).isEqualTo(8);
        Iterator<JsonNode> runs = page.get("executions").elements();
        JsonNode newest = runs.next();
        assertThat(newest.at("/input/tag").asText()).isEqualTo("in-4");
        assertThat(newest.at("/output/tag").asText()).isEqualTo("out-4");
        assertThat(page.get("payload_bytes").asLong()).isEqualTo(newest.get("input_bytes").asLong()
                + newest.get("output_bytes").asLong());
        while (runs.hasNext()) {
            JsonNode run = runs.next();
            for (String part : List.of("input", "output")) {
                JsonNode stub = run.get(part);
                assertThat(stub.get("truncated").asBoolean()).isTrue();
                assertThat(stub.get("bytes").asLong()).isEqualTo(run.get(part + "_bytes").asLong());
                assertThat(stub.get("href").asText()).isEqualTo("/api/executions/" + run.get("id").asLong());
                JsonNode whole = json.readTree(get(stub.get("href").asText()).body());
                assertThat(whole.at("/" + part + "/tag").asText()).startsWith(part.equals("input") ? "in-" : "out-");
            }
        }
    }

    @Test
    void readers_of_the_original_shape_get_the_payloads_once_under_its_column_names() throws Exception {
        Window window = window(6);
        insert(window.at(0), payload("in", 0, 1_000), payload("out", 0, 1_000));

        JsonNode run = json.readTree(get("/api/executions?per_page=1&include=input_data,output_data"
                + window.query()).body()).get("executions").get(0);

        assertThat(run.at("/input_data/tag").asText()).isEqualTo("in-0");
        assertThat(run.at("/output_data/tag").asText()).isEqualTo("out-0");
        assertThat(run.has("input")).as("once, under the name asked for").isFalse();
        assertThat(run.has("output")).isFalse();
    }

    @Test
    void pages_with_payloads_give_their_memory_back_so_the_next_ones_are_answered_too() throws Exception {
        // Twenty pages of about 900 KB one after the other: 18 MB in all, over the 8 MB that pages with payloads
        // may hold at once. A page that kept its share after its answer would make the later ones wait and 503.
        Window window = window(7);
        for (int i = 0; i < 2; i++) {
            insert(window.at(i), payload("in", i, 225_000), payload("out", i, 225_000));
        }
        for (int page = 0; page < 20; page++) {
            long started = System.nanoTime();
            RawHttp.Response response = get("/api/executions?per_page=2&include=input,output" + window.query());
            assertThat(response.status()).as("page %d: %s", page, response.body()).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("truncated").asBoolean()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("page %d did not wait for memory", page)
                    .isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void an_unknown_include_is_a_422_naming_include() throws Exception {
        for (String query : List.of("include=steps", "include=input,banana", "include=INPUT_DATA")) {
            RawHttp.Response response = get("/api/executions?" + query);
            assertThat(response.status()).as(query).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("field").asText()).isEqualTo("include");
            assertThat(problem.get("detail").asText()).contains("input, output");
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** A stretch of 2001 that only one test writes runs into; runs one second apart, the first the oldest. */
    private record Window(Instant start) {

        Instant at(int i) {
            return start.plusSeconds(i);
        }

        String query() {
            return "&from=" + start + "&to=" + start.plusSeconds(3600);
        }
    }

    private static Window window(int n) {
        return new Window(Instant.parse("2001-01-01T00:00:00Z").plusSeconds(86_400L * n));
    }

    private long insert(Instant startedAt, String input, String output) {
        return jdbc.queryForObject("""
                INSERT INTO ai_agent_executions (agent_name, task_type, status, input_data, output_data, started_at,
                    completed_at, execution_time, requested_by, requester_kind)
                VALUES ('Big payloads', 'sum_test', ?, ?::jsonb, ?::jsonb, ?, ?, 0.5, 'main-backend', 'api_key')
                RETURNING id""", Long.class, output == null ? "running" : "succeeded", input, output,
                ts(startedAt), output == null ? null : ts(startedAt.plusMillis(500)));
    }

    /** A JSON object of about {@code bytes} bytes, tagged so that a test can tell whose payload it is. */
    private static String payload(String kind, int i, int bytes) {
        StringBuilder text = new StringBuilder("{\"tag\": \"" + kind + "-" + i + "\", \"sets\": [");
        for (int n = 0; text.length() < bytes - 40; n++) {
            text.append(n == 0 ? "" : ", ").append("{\"reps\": ").append(n % 12).append(", \"note\": \"set ")
                    .append(n).append("\"}");
        }
        return text.append("]}").toString();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private RawHttp.Response get(String target) throws Exception {
        return RawHttp.send(port, RawHttp.request("GET", target, MAIN_BACKEND_KEY, null, null));
    }
}
