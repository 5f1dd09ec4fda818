package com.fitnesscrm.orchestrator.base.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): title, the build's
 * version, how to authenticate (both schemes, so Swagger UI offers "Authorize"), the {@code Problem} schema, and the
 * error answers every {@code /api} operation shares (400, 401, 403, 406, 413, 415, 429) — the filters in front of the
 * controllers give those, so no controller declares them. Each controller declares its own statuses (404, 409, 422 …)
 * without a body; they get the {@code Problem} body here. Features add their schemas and examples themselves.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final String DESCRIPTION = """
            The REST facade of the FitnessCRM AI Orchestrator: run the agents (Workout Optimizer, Progress Monitor \
            …), read their recorded runs, and manage the agents registry.

            **Authentication.** Every operation except `GET /api/health` needs an API key, sent as \
            `Authorization: Bearer <key>` or as `X-API-Key: <key>` (choose *Authorize* above and fill in either). \
            Admins create keys in the web UI's API keys view; a deployment can share one through `MAIN_APP_API_KEY` \
            (scopes `execute`, `read`) or `ADMIN_API_KEY` (every scope). Scopes: `execute` runs agents, `read` reads \
            agents and runs, `admin` changes agents. No or a wrong key is 401, a missing scope 403.

            **Two body shapes of `POST /api/execute`.** The original service's `{"task_type", "input_data"}` runs \
            the type's default agent and answers `{"success", "execution_id", "results": {"<task_type>": …}}`, as \
            the main backend's client reads it. The typed `{"agent", "input", "mode"}` names an agent (name or id) \
            and answers with the recorded run; `"mode": "async"` answers 202 with `Location`. A body has one shape: \
            naming both `task_type` and `agent` is a 422. The examples show each installed agent type in both shapes.

            **Errors** are `application/problem+json` (the `Problem` schema) naming the field at fault in `field`. \
            Bodies are at most 1 MB and 64 levels deep. Each key has a rate limit; over it the answer is 429 with \
            `Retry-After`.""";

    @Bean
    OpenAPI orchestratorOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("FitnessCRM AI Orchestrator API")
                        .version(properties == null ? "dev" : properties.getVersion())
                        .description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Authorization: Bearer <API key>"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("X-API-Key: <API key>")))
                // Two requirements: either scheme is enough. An open operation says security = [] itself.
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    @Bean
    OpenApiCustomizer commonApiResponses() {
        return openApi -> {
            ModelConverters converters = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31);
            converters.readAll(ApiProblem.class).forEach(openApi.getComponents()::addSchemas);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(ApiDocumentation::addCommonResponses);
                }
            });
        };
    }

    private static void addCommonResponses(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (body || parameters) {
            responses.putIfAbsent("400", new ApiResponse().description("Malformed JSON (the detail says line and "
                    + "column), a parameter of the wrong type, or a header holding characters that are not allowed."));
        }
        if (!open) {
            responses.putIfAbsent("401", new ApiResponse().description("No API key, or one that is unknown or "
                    + "revoked.").addHeaderObject("WWW-Authenticate", header("Bearer")));
            responses.putIfAbsent("403", new ApiResponse().description("The API key lacks the scope this "
                    + "operation needs (execute, read or admin)."));
        }
        responses.putIfAbsent("406", new ApiResponse().description("The Accept header admits no application/json."));
        if (body) {
            responses.putIfAbsent("413", new ApiResponse().description("The body is larger than 1 MB."));
            responses.putIfAbsent("415", new ApiResponse().description("The body is not application/json in "
                    + "UTF-8."));
        }
        responses.putIfAbsent("429", new ApiResponse().description("Over the rate limit: of the API key, or of "
                        + "the client address without a valid key.")
                .addHeaderObject("Retry-After", integerHeader("Seconds until a request is allowed again."))
                .addHeaderObject("RateLimit-Limit", integerHeader("Requests allowed at once (the burst)."))
                .addHeaderObject("RateLimit-Remaining", integerHeader("Requests left now."))
                .addHeaderObject("RateLimit-Reset", integerHeader("Seconds until the budget is full again."))
                .addHeaderObject("RateLimit-Policy", header("<per minute>;w=60;burst=<burst>")));
        // Statuses a controller declared without a body (404, 409, 422, 502 …) answer a Problem. springdoc gives
        // them the method's return type (a bare "object"); only a named schema, such as health's 503, is kept.
        responses.forEach((code, response) -> {
            if (code.matches("[45]\\d\\d") && !namesASchema(response)) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            }
        });
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(Map.copyOf(responses)).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    private static boolean namesASchema(ApiResponse response) {
        return response.getContent() != null && response.getContent().values().stream()
                .anyMatch(type -> type.getSchema() != null && type.getSchema().get$ref() != null);
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    private static Header integerHeader(String description) {
        return new Header().description(description).schema(new IntegerSchema());
    }
}
