package com.fitnesscrm.orchestrator.metrics.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.metrics.MetricPeriod;
import com.fitnesscrm.orchestrator.metrics.MetricRow;
import com.fitnesscrm.orchestrator.metrics.MetricRowFilter;
import com.fitnesscrm.orchestrator.metrics.MetricRowPage;
import com.fitnesscrm.orchestrator.metrics.MetricRowService;
import com.fitnesscrm.orchestrator.metrics.MetricType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/metrics}: the roll-ups in the original service's shape, filtered and paged. */
@RestController
@Tag(name = "Metrics")
class MetricsController {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final MetricRowService metrics;

    MetricsController(MetricRowService metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/api/metrics")
    @Operation(summary = "Roll-ups per agent, hour and day", operationId = "listMetrics", description = "Answers "
            + "{metrics, total, page, per_page, pages} (the original service answered {metrics, total}), newest period "
            + "first. Each row has the original columns (id, agent_id, metric_type, metric_value, period_start, "
            + "period_end, created_at) and the roll-up's key (agent_name, period, config_version: null for every "
            + "version of the agent). Filters: agent_id or agent (the agent's name, also found for a deleted agent), "
            + "metric_type, period (hour or day), from and to (ISO-8601 instants; from <= period_start < to). Paged as "
            + "GET /api/executions: page from 1, per_page 1-100 (20). Scope read.")
    @ApiResponse(responseCode = "200", description = "A page of roll-up rows.",
            content = @Content(schema = @Schema(implementation = MetricsSchemas.MetricList.class)))
    @ApiResponse(responseCode = "422", description = "An unknown metric_type or period, from/to that is not an "
            + "instant, from after to, or a page out of range (field names which).")
    ObjectNode list(@RequestParam(defaultValue = "1") int page,
                    @RequestParam(name = "per_page", defaultValue = "20") int perPage,
                    @RequestParam(name = "agent_id", required = false) Integer agentId,
                    @Parameter(description = "The agent's name.") @RequestParam(required = false) String agent,
                    @Parameter(schema = @Schema(example = "success_rate"))
                    @RequestParam(name = "metric_type", required = false) String metricType,
                    @Parameter(schema = @Schema(allowableValues = {"hour", "day"}))
                    @RequestParam(required = false) String period,
                    @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to) {
        MetricType type = blank(metricType) ? null : Coded.find(MetricType.class, metricType)
                .orElseThrow(() -> new InvalidInputException("metric_type", "Unknown metric_type '" + metricType
                        + "'; the types are " + Coded.codes(MetricType.class) + "."));
        MetricPeriod length = blank(period) ? null : Coded.find(MetricPeriod.class, period)
                .orElseThrow(() -> new InvalidInputException("period", "Unknown period '" + period + "'; it is "
                        + Coded.codes(MetricPeriod.class) + "."));
        MetricRowPage result = metrics.page(new MetricRowFilter(agentId, blank(agent) ? null : agent.strip(), type,
                length, instant("from", from), instant("to", to)), page, perPage);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode rows = json.putArray("metrics");
        result.rows().forEach(row -> rows.add(json(row)));
        json.put("total", result.total());
        json.put("page", result.page());
        json.put("per_page", result.perPage());
        json.put("pages", result.pages());
        return json;
    }

    private static ObjectNode json(MetricRow row) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", row.id());
        json.put("agent_id", row.agentId());
        json.put("agent_name", row.agentName());
        json.put("metric_type", row.metricType());
        json.put("metric_value", row.metricValue());
        json.put("period", row.period() == null ? null : row.period().code());
        json.put("period_start", row.periodStart().toString());
        json.put("period_end", row.periodEnd().toString());
        json.put("config_version", row.configVersion());
        json.put("created_at", row.createdAt() == null ? null : row.createdAt().toString());
        return json;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant instant(String field, String value) {
        if (blank(value)) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + field + "' must be an ISO-8601 instant such as "
                    + "2026-11-25T10:00:00Z.");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException(field, "'" + field + "' must be between 0001-01-01T00:00:00Z and "
                    + "9999-12-31T23:59:59Z.");
        }
        return instant;
    }
}
