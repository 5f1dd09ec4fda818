package com.fitnesscrm.orchestrator.workflows.api;

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
 * {@code /api/workflows} as the main backend and an admin's key use it: an admin creates, changes, rolls back and
 * deletes a workflow; the main backend lists it and runs it through {@code /api/execute} by name; a definition with
 * a problem is a problem+json 422 naming its field; approving a run that does not wait is a 409.
 */
@ServerIntegrationTest
class WorkflowsApiIT {

    private static final String ADMIN_KEY = "admin-key-for-tests-0123456789abcdef";
    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    private static String definition(String agent) {
        return """
                {"start": "check", "nodes": [
                   {"id": "check", "kind": "agent", "agent": "%s", "input": {}},
                   {"id": "summary", "kind": "function", "function": "triage_summary",
                    "input": {"health": "$nodes.check.output"}}],
                 "edges": [{"from": "check", "to": "summary"}]}""".formatted(agent);
    }

    @Test
    void an_admin_creates_changes_rolls_back_and_deletes_a_workflow_the_main_backend_lists_and_runs() throws Exception {
        String name = "api-wf-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\": \"" + name + "\", \"description\": \"health, then a summary\", \"definition\": "
                + definition("Health Checker") + "}";
        assertThat(send("POST", "/api/workflows", MAIN_BACKEND_KEY, body).statusCode())
                .as("a key without the admin scope").isEqualTo(403);

        HttpResponse<String> created = send("POST", "/api/workflows", ADMIN_KEY, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode workflow = json.readTree(created.body());
        int id = workflow.get("id").asInt();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/workflows/" + id);
        assertThat(workflow.get("version").asInt()).isEqualTo(1);
        assertThat(workflow.at("/definition/start").asText()).isEqualTo("check");

        JsonNode listed = json.readTree(send("GET", "/api/workflows", MAIN_BACKEND_KEY, null).body());
        assertThat(listed.get("workflows").findValuesAsText("name")).contains(name, "client_check_in",
                "incident_triage");
        assertThat(json.readTree(send("GET", "/api/agents", MAIN_BACKEND_KEY, null).body()).get("agents")
                .findValuesAsText("name")).as("listed beside the agents").contains(name);

        HttpResponse<String> ran = send("POST", "/api/execute", MAIN_BACKEND_KEY,
                "{\"agent\": \"" + name + "\", \"input\": {}}");
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
        JsonNode run = json.readTree(ran.body());
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.at("/output/result/summary").asText()).isNotBlank();
        long runId = run.get("id").asLong();
        JsonNode nodes = json.readTree(send("GET", "/api/executions/" + runId + "/workflow", MAIN_BACKEND_KEY, null)
                .body());
        assertThat(nodes.get("nodes").findValuesAsText("node_id")).containsExactly("check", "summary");
        assertThat(nodes.at("/nodes/0/child_execution_id").asLong()).isPositive();
        assertThat(json.readTree(send("GET", "/api/executions/" + nodes.at("/nodes/0/child_execution_id").asLong(),
                MAIN_BACKEND_KEY, null).body()).get("parent_id").asLong()).isEqualTo(runId);

        HttpResponse<String> approve = send("POST", "/api/executions/" + runId + "/approve", MAIN_BACKEND_KEY, "{}");
        assertThat(approve.statusCode()).isEqualTo(409);
        assertThat(json.readTree(approve.body()).get("field").asText()).isEqualTo("status");

        HttpResponse<String> changed = send("PUT", "/api/workflows/" + id, ADMIN_KEY,
                "{\"description\": \"changed\", \"note\": \"clearer\"}");
        assertThat(json.readTree(changed.body()).get("version").asInt()).isEqualTo(2);
        JsonNode versions = json.readTree(send("GET", "/api/workflows/" + id + "/versions", MAIN_BACKEND_KEY, null)
                .body()).get("versions");
        assertThat(versions.findValuesAsText("note")).containsExactly("clearer", "Created");
        HttpResponse<String> rolledBack = send("POST", "/api/workflows/" + id + "/rollback", ADMIN_KEY,
                "{\"version\": 1}");
        assertThat(json.readTree(rolledBack.body()).get("description").asText()).isEqualTo("health, then a summary");

        HttpResponse<String> deleted = send("DELETE", "/api/workflows/" + id, ADMIN_KEY, null);
        assertThat(json.readTree(deleted.body()).get("id").asInt()).isEqualTo(id);
        assertThat(send("GET", "/api/workflows/" + id, ADMIN_KEY, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/executions/" + runId, ADMIN_KEY, null).statusCode()).as("its runs are kept")
                .isEqualTo(200);
    }

    @Test
    void a_definition_with_an_unknown_agent_is_a_problem_naming_its_field_with_every_problem_listed()
            throws Exception {
        HttpResponse<String> refused = send("POST", "/api/workflows", ADMIN_KEY, "{\"name\": \"api-wf-bad\", "
                + "\"definition\": " + definition("Nutrition Planner").replace("\"edges\": [", "\"edges\": [{\"from\""
                + ": \"summary\", \"to\": \"nowhere\"}, ") + "}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("field").asText()).isEqualTo("definition.nodes[0].agent");
        assertThat(problem.get("problems").findValuesAsText("field"))
                .containsExactly("definition.nodes[0].agent", "definition.edges[0].to");
        assertThat(send("GET", "/api/workflows", ADMIN_KEY, null).body()).doesNotContain("api-wf-bad");

        JsonNode checked = json.readTree(send("POST", "/api/workflows/validate", ADMIN_KEY,
                definition("Health Checker")).body());
        assertThat(checked.get("valid").asBoolean()).isTrue();
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Authorization", "Bearer " + key);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
