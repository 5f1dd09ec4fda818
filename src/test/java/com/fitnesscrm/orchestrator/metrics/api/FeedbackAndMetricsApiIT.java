package com.fitnesscrm.orchestrator.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The main backend's votes ({@code POST /api/feedback}), the roll-ups' list ({@code GET /api/metrics}) and what
 * Prometheus scrapes, over HTTP with the keys the main backend and admins use.
 */
@ServerIntegrationTest
class FeedbackAndMetricsApiIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    private static final String ADMIN_KEY = "admin-key-for-tests-0123456789abcdef";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private com.fitnesscrm.orchestrator.security.ApiKeyService apiKeys;
    @Autowired
    private org.springframework.security.core.context.SecurityContextHolderStrategy securityContext;

    @Test
    void a_vote_is_stored_once_per_user_and_run_and_a_second_vote_replaces_the_first() throws Exception {
        String agent = agent();
        long run = run(agent);

        HttpResponse<String> first = send("POST", "/api/feedback", MAIN_BACKEND_KEY, "{\"agent_type\": "
                + "\"sum_test\", \"recommendation_id\": " + run + ", \"feedback\": \"helpful\", \"user_id\": 17, "
                + "\"comment\": \"Spot on\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode vote = json.readTree(first.body());
        assertThat(vote.get("recommendation_id").asLong()).isEqualTo(run);
        assertThat(vote.get("agent_type").asText()).isEqualTo("sum_test");
        assertThat(vote.get("feedback").asText()).isEqualTo("helpful");
        assertThat(vote.get("user_id").asText()).isEqualTo("17");
        assertThat(vote.get("comment").asText()).isEqualTo("Spot on");
        assertThat(vote.get("created_at").asText()).isNotBlank();

        JsonNode second = json.readTree(send("POST", "/api/feedback", MAIN_BACKEND_KEY, "{\"agent_type\": \""
                + agent + "\", \"recommendation_id\": \"" + run + "\", \"feedback\": \"incorrect\", "
                + "\"user_id\": \"17\"}").body());
        assertThat(second.get("id").asLong()).as("the same vote, replaced").isEqualTo(vote.get("id").asLong());
        assertThat(second.get("feedback").asText()).isEqualTo("incorrect");
        assertThat(second.get("comment").isNull()).isTrue();
        assertThat(second.get("created_at").asText()).isEqualTo(vote.get("created_at").asText());

        send("POST", "/api/feedback", MAIN_BACKEND_KEY, "{\"agent_type\": \"sum_test\", \"recommendation_id\": "
                + run + ", \"feedback\": \"not_helpful\", \"user_id\": 18}");
        assertThat(jdbc.queryForList("SELECT voter || '=' || feedback FROM ai_feedback WHERE execution_id = ? "
                + "ORDER BY voter", String.class, run)).containsExactly("user:17=incorrect", "user:18=not_helpful");
        assertThat(jdbc.queryForObject("SELECT agent_name FROM ai_feedback WHERE execution_id = ? LIMIT 1",
                String.class, run)).isEqualTo(agent);
    }

    @Test
    void without_a_user_id_the_key_is_the_voter() throws Exception {
        long run = run(agent());
        HttpResponse<String> response = send("POST", "/api/feedback", MAIN_BACKEND_KEY, "{\"agent_type\": "
                + "\"sum_test\", \"recommendation_id\": " + run + ", \"feedback\": \"helpful\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json.readTree(response.body()).get("user_id").isNull()).isTrue();
        assertThat(jdbc.queryForObject("SELECT voter || ',' || source FROM ai_feedback WHERE execution_id = ?",
                String.class, run)).isEqualTo("main-backend,api");
    }

    @Test
    void an_unknown_run_is_404_and_bad_input_a_422_naming_the_field() throws Exception {
        long run = run(agent());
        HttpResponse<String> unknown = send("POST", "/api/feedback", MAIN_BACKEND_KEY, "{\"agent_type\": "
                + "\"sum_test\", \"recommendation_id\": 999999999, \"feedback\": \"helpful\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        assertField("{\"agent_type\": \"sum_test\", \"recommendation_id\": " + run + ", \"feedback\": \"meh\"}",
                "feedback");
        assertField("{\"agent_type\": \"sum_test\", \"recommendation_id\": " + run + "}", "feedback");
        assertField("{\"agent_type\": \"sum_test\", \"feedback\": \"helpful\"}", "recommendation_id");
        assertField("{\"agent_type\": \"sum_test\", \"recommendation_id\": -3, \"feedback\": \"helpful\"}",
                "recommendation_id");
        assertField("{\"recommendation_id\": " + run + ", \"feedback\": \"helpful\"}", "agent_type");
        assertField("{\"agent_type\": \"scheduling\", \"recommendation_id\": " + run + ", \"feedback\": "
                + "\"helpful\"}", "agent_type");
        assertField("{\"agent_type\": \"sum_test\", \"recommendation_id\": " + run + ", \"feedback\": "
                + "\"helpful\", \"comment\": \"" + "x".repeat(2001) + "\"}", "comment");
        assertField("{\"agent_type\": \"sum_test\", \"recommendation_id\": " + run + ", \"feedback\": "
                + "\"helpful\", \"user_id\": {\"id\": 1}}", "user_id");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ai_feedback WHERE execution_id = ?", Integer.class,
                run)).isZero();
    }

    @Test
    void the_roll_ups_are_listed_in_the_original_shape_filtered_and_paged() throws Exception {
        String agent = agent();
        int agentId = jdbc.queryForObject("SELECT id FROM ai_agents WHERE name = ?", Integer.class, agent);
        Instant hour = Instant.parse("2026-11-20T10:00:00Z");
        insertRow(agentId, agent, "runs", 12, "hour", hour, null);
        insertRow(agentId, agent, "success_rate", 0.75, "hour", hour, null);
        insertRow(agentId, agent, "helpful_rate", 0.5, "hour", hour, 3);
        insertRow(agentId, agent, "runs", 40, "day", Instant.parse("2026-11-20T00:00:00Z"), null);
        insertRow(agentId, agent, "runs", 7, "hour", hour.plusSeconds(3600), null);
        // The original service's kind of row, without a period, is not a roll-up.
        jdbc.update("INSERT INTO ai_agent_metrics (agent_id, metric_type, metric_value, period_start, period_end) "
                + "VALUES (?, 'runs', 99, ?, ?)", agentId, Timestamp.from(hour), Timestamp.from(hour));

        JsonNode all = get("/api/metrics?agent_id=" + agentId, MAIN_BACKEND_KEY);
        assertThat(all.get("total").asLong()).isEqualTo(5);
        JsonNode newest = all.get("metrics").get(0);
        assertThat(newest.get("metric_value").asDouble()).isEqualTo(7);
        for (String field : new String[] {"id", "agent_id", "metric_type", "metric_value", "period_start",
                "period_end", "created_at", "agent_name", "period", "config_version"}) {
            assertThat(newest.has(field)).as(field).isTrue();
        }
        assertThat(newest.get("period_start").asText()).isEqualTo("2026-11-20T11:00:00Z");
        assertThat(newest.get("agent_name").asText()).isEqualTo(agent);

        JsonNode hourlyRuns = get("/api/metrics?agent=" + agent + "&metric_type=runs&period=hour"
                + "&from=2026-11-20T10:00:00Z&to=2026-11-20T11:00:00Z", ADMIN_KEY);
        assertThat(hourlyRuns.get("total").asLong()).isEqualTo(1);
        assertThat(hourlyRuns.get("metrics").get(0).get("metric_value").asDouble()).isEqualTo(12);

        JsonNode helpful = get("/api/metrics?agent=" + agent + "&metric_type=helpful_rate", MAIN_BACKEND_KEY);
        assertThat(helpful.get("metrics").get(0).get("config_version").asInt()).isEqualTo(3);

        JsonNode paged = get("/api/metrics?agent=" + agent + "&per_page=2&page=3", MAIN_BACKEND_KEY);
        assertThat(paged.get("metrics")).hasSize(1);
        assertThat(paged.get("pages").asInt()).isEqualTo(3);
    }

    @Test
    void bad_filters_are_a_422_naming_the_parameter() throws Exception {
        assertParameter("/api/metrics?metric_type=happiness", "metric_type");
        assertParameter("/api/metrics?period=week", "period");
        assertParameter("/api/metrics?from=yesterday", "from");
        assertParameter("/api/metrics?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z", "from");
        assertParameter("/api/metrics?per_page=101", "per_page");
        assertParameter("/api/metrics?page=0", "page");
        assertThat(send("GET", "/api/metrics", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void prometheus_sees_the_runs_and_the_votes_per_agent() throws Exception {
        String agent = agent();
        long run = run(agent);
        run(agent);
        send("POST", "/api/feedback", MAIN_BACKEND_KEY, "{\"agent_type\": \"sum_test\", \"recommendation_id\": "
                + run + ", \"feedback\": \"helpful\", \"user_id\": 5}");

        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        String body = scrape.body();
        assertThat(body).contains("orchestrator_runs_total{agent=\"" + agent + "\",source=\"rules\","
                + "status=\"succeeded\"} 2.0");
        assertThat(body).contains("orchestrator_run_duration_seconds_count{agent=\"" + agent + "\"} 2");
        assertThat(body).contains("orchestrator_run_duration_seconds_bucket{agent=\"" + agent + "\"");
        assertThat(body).contains("orchestrator_feedback_votes_total{agent=\"" + agent + "\",feedback=\"helpful\"} "
                + "1.0");
        assertThat(body).doesNotContain("runId").doesNotContain("run_id=");

        HttpResponse<String> byKey = send("GET", "/actuator/prometheus", MAIN_BACKEND_KEY, null);
        assertThat(byKey.statusCode()).as("a key with the read scope may scrape").isEqualTo(200);
        assertThat(byKey.body()).contains("orchestrator_feedback_votes_total{agent=\"" + agent + "\"");
        assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).as("not public").isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus", "not-a-key-of-ours-0123456789abcdef", null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/actuator/info", MAIN_BACKEND_KEY, null).statusCode())
                .as("a read key opens only the scrape").isEqualTo(403);
    }

    @Test
    void a_key_that_may_only_read_may_not_vote() throws Exception {
        String agent = agent();
        long run = run(agent);
        String readOnly = com.fitnesscrm.orchestrator.security.RunAs.admin(securityContext, () -> apiKeys.create(
                "reader-" + UUID.randomUUID().toString().substring(0, 8),
                java.util.EnumSet.of(com.fitnesscrm.orchestrator.security.ApiKeyScope.READ))).secret();
        assertThat(send("POST", "/api/feedback", readOnly, "{\"agent_type\": \"sum_test\", \"recommendation_id\": "
                + run + ", \"feedback\": \"helpful\"}").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/metrics", readOnly, null).statusCode()).isEqualTo(200);
    }

    private void insertRow(int agentId, String agent, String type, double value, String period, Instant start,
                           Integer version) {
        Instant end = start.plusSeconds(period.equals("hour") ? 3600 : 86400);
        jdbc.update("INSERT INTO ai_agent_metrics (agent_id, metric_type, metric_value, period_start, period_end, "
                + "period, agent_name, config_version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())",
                agentId, type, value, Timestamp.from(start), Timestamp.from(end), period, agent, version);
    }

    private String agent() throws Exception {
        String name = "sum-" + UUID.randomUUID();
        assertThat(send("POST", "/api/agents", ADMIN_KEY, "{\"name\": \"" + name + "\", \"type\": \""
                + SumAgent.TYPE.code() + "\"}").statusCode()).isEqualTo(201);
        return name;
    }

    private long run(String agent) throws Exception {
        HttpResponse<String> response = send("POST", "/api/execute", MAIN_BACKEND_KEY, "{\"agent\": \"" + agent
                + "\", \"input\": {\"numbers\": [1, 2]}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("id").asLong();
    }

    private void assertField(String body, String field) throws Exception {
        HttpResponse<String> response = send("POST", "/api/feedback", MAIN_BACKEND_KEY, body);
        assertThat(response.statusCode()).as(body).isEqualTo(422);
        assertThat(json.readTree(response.body()).get("field").asText()).as(body).isEqualTo(field);
    }

    private void assertParameter(String path, String field) throws Exception {
        HttpResponse<String> response = send("GET", path, MAIN_BACKEND_KEY, null);
        assertThat(response.statusCode()).as(path).isEqualTo(422);
        assertThat(json.readTree(response.body()).get("field").asText()).as(path).isEqualTo(field);
    }

    private JsonNode get(String path, String key) throws Exception {
        HttpResponse<String> response = send("GET", path, key, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
