package com.fitnesscrm.orchestrator.health.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.health.SystemStatusService;
import com.fitnesscrm.orchestrator.llm.LlmGateway;
import com.fitnesscrm.orchestrator.llm.LlmStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original service's {@code GET /api/health}, open for monitors: whether the service can work (its database),
 * and whether agents answer with an LLM or from their rules engines alone. No hosts, keys or error texts.
 */
@RestController
@Tag(name = "Health")
class HealthController {

    private final SystemStatusService status;
    private final LlmGateway llm;
    private final Clock clock;
    private final String version;

    HealthController(SystemStatusService status, LlmGateway llm, Clock clock, ObjectProvider<BuildProperties> build) {
        this.status = status;
        this.llm = llm;
        this.clock = clock;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    @GetMapping("/api/health")
    @Operation(summary = "Service health", description = "200 {status: healthy} while the database answers, 503 "
            + "{status: unhealthy} when it does not. llm.mode is 'llm' or 'rules_only' (no key, or the provider's "
            + "circuit is open).", operationId = "health")
    @SecurityRequirements // open: no API key needed
    @ApiResponse(responseCode = "200", description = "The database answers.",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @ApiResponse(responseCode = "503", description = "The database does not answer; the same shape.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Health.class)))
    ResponseEntity<ObjectNode> health() {
        boolean database = status.databaseReachable();
        LlmStatus provider = llm.status();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("status", database ? "healthy" : "unhealthy");
        json.put("timestamp", clock.instant().toString());
        json.put("version", version);
        json.put("database", database ? "up" : "down");
        json.putObject("llm")
                .put("configured", provider.configured())
                .put("available", provider.available())
                .put("mode", provider.available() ? "llm" : "rules_only")
                .put("model", provider.configured() ? provider.model() : null)
                .put("circuit", provider.circuitState());
        return ResponseEntity.status(database ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(json);
    }

    /** The answer's shape, for the OpenAPI document. */
    @Schema(name = "Health")
    record Health(@Schema(allowableValues = {"healthy", "unhealthy"}) String status,
                  @Schema(format = "date-time") String timestamp,
                  @Schema(example = "0.1.0") String version,
                  @Schema(allowableValues = {"up", "down"}) String database,
                  Llm llm) {
    }

    @Schema(name = "HealthLlm")
    record Llm(boolean configured, boolean available,
               @Schema(allowableValues = {"llm", "rules_only"}) String mode,
               @Schema(description = "null when no provider is configured.") String model,
               @Schema(description = "The provider's circuit breaker state.", example = "CLOSED") String circuit) {
    }
}
