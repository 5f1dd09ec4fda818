package com.fitnesscrm.orchestrator.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document as a caller with Swagger UI or a client generator meets it: named and versioned, both ways to
 * authenticate, typed bodies (no {@code JsonNode}), the errors of every operation as problem+json, and examples that
 * really run — each documented example is posted to its operation and must be accepted.
 */
@ServerIntegrationTest
class OpenApiDocumentIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    private String text;
    private JsonNode document;

    @BeforeEach
    void fetchTheDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        text = response.body();
        document = json.readTree(text);
    }

    @Test
    void the_document_is_named_after_the_product_and_carries_the_builds_version() throws Exception {
        assertThat(document.at("/info/title").asText()).isEqualTo("FitnessCRM AI Orchestrator API");
        String served = json.readTree(get("/api/health").body()).get("version").asText();
        assertThat(document.at("/info/version").asText()).isEqualTo(served).isNotEqualTo("v0");
        assertThat(document.at("/info/description").asText()).contains("Authorization: Bearer")
                .contains("X-API-Key").contains("task_type").contains("\"agent\"");
    }

    @Test
    void both_ways_to_send_an_api_key_are_security_schemes_required_everywhere_but_health() {
        JsonNode schemes = document.at("/components/securitySchemes");
        assertThat(schemes.at("/bearer/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/apiKey/type").asText()).isEqualTo("apiKey");
        assertThat(schemes.at("/apiKey/in").asText()).isEqualTo("header");
        assertThat(schemes.at("/apiKey/name").asText()).isEqualTo("X-API-Key");
        // Two requirements: either scheme alone is enough.
        List<String> required = new ArrayList<>();
        document.get("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(required::add));
        assertThat(required).containsExactlyInAnyOrder("bearer", "apiKey");

        JsonNode health = document.at("/paths/~1api~1health/get");
        assertThat(health.get("security")).as("GET /api/health is open").isNotNull().isEmpty();
        assertThat(health.at("/responses/401").isMissingNode()).isTrue();
        operations().forEach((name, operation) -> {
            if (!name.equals("GET /api/health")) {
                assertThat(operation.has("security")).as(name + " keeps the global security").isFalse();
                assertThat(operation.at("/responses/401").isMissingNode()).as(name + " documents 401").isFalse();
            }
        });
    }

    @Test
    void no_body_or_answer_is_described_as_a_jackson_tree() {
        assertThat(document.at("/components/schemas").fieldNames()).toIterable()
                .doesNotContain("JsonNode", "ObjectNode", "ArrayNode");
        assertThat(text).doesNotContain("#/components/schemas/JsonNode").doesNotContain("ObjectNode")
                .doesNotContain("com.fasterxml");
        operations().forEach((name, operation) -> {
            JsonNode body = operation.at("/requestBody/content/application~1json/schema");
            if (!operation.at("/requestBody").isMissingNode() && !name.endsWith("/rerun")) {
                assertThat(body.path("$ref").asText()).as(name + " body").startsWith("#/components/schemas/");
            }
            JsonNode ok = firstSuccess(operation);
            assertThat(ok).as(name + " documents its success").isNotNull();
            assertThat(ok.at("/content/application~1json/schema/$ref").asText()).as(name + " answer")
                    .startsWith("#/components/schemas/");
        });
        assertThat(document.at("/components/schemas/ExecuteRequest/oneOf")).hasSize(2);
        assertThat(text).contains("#/components/schemas/OriginalExecuteRequest")
                .contains("#/components/schemas/TypedExecuteRequest");
    }

    @Test
    void every_operation_documents_its_errors_as_problem_json() {
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(problem.fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "instance", "field", "run_status", "run");
        Map<String, JsonNode> operations = operations();
        assertThat(operations).hasSizeGreaterThan(15);
        operations.forEach((name, operation) -> {
            List<String> clientErrors = new ArrayList<>();
            operation.get("responses").fields().forEachRemaining(response -> {
                String code = response.getKey();
                if (code.startsWith("4") || (code.startsWith("5") && !name.equals("GET /api/health"))) {
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as(name + " " + code).isEqualTo("#/components/schemas/Problem");
                }
                if (code.startsWith("4")) {
                    clientErrors.add(code);
                }
            });
            assertThat(clientErrors).as(name).contains("406", "429");
            if (!name.equals("GET /api/health")) {
                assertThat(clientErrors).as(name).contains("401", "403");
            }
            if (operation.has("requestBody")) {
                assertThat(clientErrors).as(name).contains("400", "413", "415");
            }
        });
        assertThat(operations.get("POST /api/execute").get("responses").fieldNames()).toIterable()
                .contains("200", "202", "404", "409", "422", "503");
        assertThat(operations.get("POST /api/agents").get("responses").fieldNames()).toIterable()
                .contains("201", "409", "422").doesNotContain("200");
        assertThat(operations.get("POST /api/executions/{id}/cancel").get("responses").fieldNames()).toIterable()
                .contains("404", "409");
    }

    @Test
    void execute_shows_each_installed_agent_type_in_both_shapes() {
        JsonNode examples = document.at("/paths/~1api~1execute/post/requestBody/content/application~1json/examples");
        for (String type : List.of("workout_optimization", "progress_monitoring")) {
            assertThat(examples.at("/" + type + "_original/value/task_type").asText()).isEqualTo(type);
            assertThat(examples.at("/" + type + "_original/value/input_data").isObject()).isTrue();
            assertThat(examples.at("/" + type + "_typed/value/input").isObject()).isTrue();
            assertThat(examples.at("/" + type + "_typed/value/input"))
                    .isEqualTo(examples.at("/" + type + "_original/value/input_data"));
        }
        assertThat(examples.at("/workout_optimization_typed/value/agent").asText()).isEqualTo("Workout Optimizer");
        assertThat(examples.at("/progress_monitoring_typed/value/agent").asText()).isEqualTo("Progress Monitor");
        assertThat(examples.at("/progress_monitoring_original/value/input_data/historical_data")).isNotEmpty();
        assertThat(document.at("/paths/~1api~1ai~1progress-prediction/post/requestBody/content/application~1json"
                + "/examples/progress_monitoring/$ref").asText()).isEqualTo("#/components/examples/progress_monitoring");
    }

    @Test
    void every_documented_example_is_accepted_by_its_operation() throws Exception {
        int posted = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode operation = path.getValue().path("post");
            JsonNode examples = operation.at("/requestBody/content/application~1json/examples");
            for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> example = it.next();
                JsonNode value = resolve(example.getValue()).get("value");
                HttpResponse<String> response = post(path.getKey(), json.writeValueAsString(value));
                assertThat(response.statusCode()).as("POST " + path.getKey() + " with example " + example.getKey()
                        + ": " + response.body()).isBetween(200, 299);
                JsonNode answer = json.readTree(response.body());
                if (answer.has("task_type")) { // a run (typed shape): it must have run, not failed
                    assertThat(answer.get("status").asText()).as(example.getKey()).isEqualTo("succeeded");
                }
                assertThat(answer.path("success").asBoolean(true)).as(example.getKey() + ": " + response.body())
                        .isTrue();
                posted++;
            }
        }
        // Both shapes of two types on /api/execute, the workout plan twice, recommendations, the prediction.
        assertThat(posted).isGreaterThanOrEqualTo(8);
    }

    @Test
    void swagger_ui_is_served_and_reads_this_document() throws Exception {
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        JsonNode config = json.readTree(get("/v3/api-docs/swagger-config").body());
        assertThat(config.get("url").asText()).isEqualTo("/v3/api-docs");
    }

    private JsonNode resolve(JsonNode example) {
        String ref = example.path("$ref").asText("");
        return ref.isEmpty() ? example : document.at(ref.substring(1));
    }

    private static JsonNode firstSuccess(JsonNode operation) {
        for (Iterator<String> codes = operation.get("responses").fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.startsWith("2")) {
                return operation.get("responses").get(code);
            }
        }
        return null;
    }

    /** "METHOD /path" → operation, for every operation under /api. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey()) && path.getKey().startsWith("/api/")) {
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("X-API-Key", MAIN_BACKEND_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
