package com.fitnesscrm.orchestrator.health.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthCheckRow;
import com.fitnesscrm.orchestrator.health.HealthCheckService;
import com.fitnesscrm.orchestrator.health.HealthOverview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original service's {@code GET /api/health-status}: {@code {health_checks: [rows], total}}, plus the latest
 * check ({@code overall}, {@code components}, {@code checked_at}). Answers while the database is away, from this
 * node's latest check with {@code database} critical ({@code from_memory: true}).
 */
@RestController
@Tag(name = "Health")
class HealthStatusController {

    private final HealthCheckService health;
    private final ObjectMapper objectMapper;

    HealthStatusController(HealthCheckService health, ObjectMapper objectMapper) {
        this.health = health;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/api/health-status")
    @Operation(summary = "Health checks", operationId = "healthStatus", description = "health_checks: the newest "
            + "rows of ai_system_health (one per component per check), newest first, at most `limit` (default 50, "
            + "at most 500); total: how many are listed. overall, components and checked_at: the latest check. "
            + "Statuses are healthy, warning or critical.")
    @ApiResponse(responseCode = "200", description = "The latest rows and the latest check.",
            content = @Content(schema = @Schema(implementation = HealthSchemas.Status.class)))
    @ApiResponse(responseCode = "422", description = "'limit' is not a whole number from 1 to 500.")
    ObjectNode status(@RequestParam(name = "limit", required = false) String limit) {
        HealthOverview overview = health.overview(limit(limit));
        ObjectNode json = objectMapper.createObjectNode();
        ArrayNode rows = json.putArray("health_checks");
        for (HealthCheckRow row : overview.rows()) {
            ObjectNode item = component(rows.addObject().put("id", row.id()), row.component());
            item.put("checked_at", text(row.checkedAt()));
        }
        json.put("total", overview.rows().size());
        json.put("overall", overview.overall().code());
        ArrayNode components = json.putArray("components");
        overview.components().forEach(c -> component(components.addObject(), c)
                .put("checked_at", text(overview.checkedAt())));
        json.put("checked_at", text(overview.checkedAt()));
        json.put("from_memory", overview.fromMemory());
        return json;
    }

    private ObjectNode component(ObjectNode json, ComponentHealth component) {
        json.put("component", component.component());
        json.put("status", component.status().code());
        json.put("message", component.message());
        json.set("metrics", objectMapper.valueToTree(component.metrics()));
        return json;
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return HealthCheckService.DEFAULT_ROWS;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "'limit' must be a whole number from 1 to "
                    + HealthCheckService.MAX_ROWS + ".");
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
