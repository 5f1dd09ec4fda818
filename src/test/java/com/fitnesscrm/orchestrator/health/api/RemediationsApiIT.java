package com.fitnesscrm.orchestrator.health.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/health/remediations} (read scope) and {@code POST /api/health/remediations/{id}/undo} (admin
 * scope), with their problems. The entries are written here directly: what writes them is SelfHealingIT's.
 */
@ServerIntegrationTest
class RemediationsApiIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    private static final String ADMIN_KEY = "admin-key-for-tests-0123456789abcdef";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void the_log_is_listed_newest_first_with_every_field() throws Exception {
        long older = entry("pool_refill", "on");
        long newer = entry("stuck_run_timeout", "on");

        HttpResponse<String> response = send("GET", "/api/health/remediations?per_page=2", MAIN_BACKEND_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("per_page").asInt()).isEqualTo(2);
        assertThat(body.get("self_healing").asText()).isIn("on", "dry_run", "off");
        JsonNode first = body.at("/remediations/0");
        assertThat(first.get("id").asLong()).isEqualTo(newer);
        assertThat(body.at("/remediations/1/id").asLong()).isEqualTo(older);
        assertThat(first.get("kind").asText()).isEqualTo("stuck_run_timeout");
        assertThat(first.get("evidence").get("runs").asInt()).isEqualTo(1);
        assertThat(first.get("run_ids").get(0).asLong()).isEqualTo(42);
        assertThat(first.get("undoable").asBoolean()).isFalse();
        assertThat(body.at("/remediations/1/undoable").asBoolean()).isTrue();
        for (String field : new String[] {"mode", "reason", "result", "agent_id", "created_at", "expires_at",
                "ended_at", "undone_at", "undone_by", "undo_result"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        // the names for the log's columns
        assertThat(first.get("what").asText()).isEqualTo("Stuck runs timed out (runs 42)");
        assertThat(first.get("why").asText()).isEqualTo(first.get("reason").asText());
        assertThat(first.get("when").asText()).isEqualTo(first.get("created_at").asText());
    }

    @Test
    void a_harmless_remediation_is_undone_by_an_admin_key_with_nothing_to_reverse_and_only_once() throws Exception {
        long id = entry("pool_refill", "on");

        HttpResponse<String> undone = send("POST", "/api/health/remediations/" + id + "/undo", ADMIN_KEY);

        assertThat(undone.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(undone.body());
        assertThat(body.get("reversed").asBoolean()).isFalse();
        assertThat(body.get("message").asText()).startsWith("Nothing to reverse");
        assertThat(body.at("/remediation/undone_at").isTextual()).isTrue();
        assertThat(body.at("/remediation/undone_by").asText()).isNotBlank();

        HttpResponse<String> again = send("POST", "/api/health/remediations/" + id + "/undo", ADMIN_KEY);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(again.body()).get("detail").asText()).contains("already undone");
    }

    @Test
    void undo_is_refused_for_what_cannot_be_undone_for_an_unknown_id_and_without_the_admin_scope()
            throws Exception {
        long timedOut = entry("stuck_run_timeout", "on");
        long dryRun = entry("pool_refill", "dry_run");

        assertThat(send("POST", "/api/health/remediations/" + timedOut + "/undo", ADMIN_KEY).statusCode())
                .isEqualTo(409);
        HttpResponse<String> wasDry = send("POST", "/api/health/remediations/" + dryRun + "/undo", ADMIN_KEY);
        assertThat(wasDry.statusCode()).isEqualTo(409);
        assertThat(json.readTree(wasDry.body()).get("detail").asText()).contains("dry run");
        HttpResponse<String> unknown = send("POST", "/api/health/remediations/999999999/undo", ADMIN_KEY);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(send("POST", "/api/health/remediations/" + entry("pool_refill", "on") + "/undo",
                MAIN_BACKEND_KEY).statusCode()).isEqualTo(403);
    }

    @Test
    void a_page_out_of_range_is_refused_naming_the_field_and_the_log_needs_a_key() throws Exception {
        HttpResponse<String> refused = send("GET", "/api/health/remediations?per_page=500", MAIN_BACKEND_KEY);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("field").asText()).isEqualTo("per_page");
        assertThat(send("GET", "/api/health/remediations?page=0", MAIN_BACKEND_KEY).statusCode()).isEqualTo(422);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/health/remediations")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
    }

    private long entry(String kind, String mode) {
        return jdbc.queryForObject("INSERT INTO ai_health_remediations (kind, mode, reason, evidence, result, "
                + "run_ids) VALUES (?, ?, 'a reason', '{\"runs\": 1}'::jsonb, 'a result', '{42}') RETURNING id",
                Long.class, kind, mode);
    }

    private HttpResponse<String> send(String method, String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
