package com.fitnesscrm.orchestrator.schedules.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.schedules.MisfirePolicy;
import com.fitnesscrm.orchestrator.schedules.OverlapPolicy;
import com.fitnesscrm.orchestrator.schedules.Schedule;
import com.fitnesscrm.orchestrator.schedules.ScheduleDraft;
import com.fitnesscrm.orchestrator.schedules.ScheduleService;
import com.fitnesscrm.orchestrator.schedules.ScheduledRun;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/schedules} (admin scope): an agent run on a cron expression in a time zone, with an input and overlap
 * and misfire policies; pause and resume; the next five fire times; each schedule's runs
 * ({@code GET /api/schedules/{id}/runs}).
 */
@RestController
@Tag(name = "Schedules")
class SchedulesController {

    private final ScheduleService schedules;
    private final ObjectMapper objectMapper;

    SchedulesController(ScheduleService schedules, ObjectMapper objectMapper) {
        this.schedules = schedules;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/api/schedules")
    @Operation(summary = "Schedules", operationId = "listSchedules", description = "By name, each with its next "
            + "five fire times. Scope admin.")
    @ApiResponse(responseCode = "200", description = "Every schedule.",
            content = @Content(schema = @Schema(implementation = SchedulesSchemas.ScheduleList.class)))
    ObjectNode list() {
        List<Schedule> all = schedules.list();
        ObjectNode json = objectMapper.createObjectNode();
        json.set("schedules", objectMapper.valueToTree(all));
        json.put("total", all.size());
        return json;
    }

    @PostMapping("/api/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a schedule", operationId = "createSchedule", description = "{name, agent, cron "
            + "(Quartz syntax, seconds first: 0 0 6 ? * MON-FRI), time_zone (e.g. Europe/Berlin), input (the agent's "
            + "input object), overlap_policy (skip | allow, default skip), misfire_policy (run_once | skip, default "
            + "run_once)}. Scope admin.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = SchedulesSchemas.Request.class)))
    @ApiResponse(responseCode = "201", description = "The schedule, with its next fire times.",
            content = @Content(schema = @Schema(implementation = SchedulesSchemas.ScheduleDoc.class)))
    @ApiResponse(responseCode = "409", description = "A schedule with that name exists.", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = SchedulesSchemas.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "A bad cron, time zone, agent, input or policy, named.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = SchedulesSchemas.PROBLEM)))
    ObjectNode create(@RequestBody JsonNode body) {
        return objectMapper.valueToTree(schedules.create(draft(body)));
    }

    @GetMapping("/api/schedules/{id}")
    @Operation(summary = "A schedule", operationId = "getSchedule")
    @ApiResponse(responseCode = "200", description = "The schedule.", 
            content = @Content(schema = @Schema(implementation = SchedulesSchemas.ScheduleDoc.class)))
    @ApiResponse(responseCode = "404", description = "No schedule with that id.", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = SchedulesSchemas.PROBLEM)))
    ObjectNode get(@PathVariable long id) {
        return objectMapper.valueToTree(schedules.get(id));
    }

    @GetMapping("/api/schedules/{id}/runs")
    @Operation(summary = "The runs a schedule started", operationId = "getScheduleRuns", description = "The "
            + "newest 50, recorded as requested_by schedule:<id>.")
    @ApiResponse(responseCode = "200", description = "The runs, newest first.",
            content = @Content(schema = @Schema(implementation = SchedulesSchemas.Runs.class)))
    @ApiResponse(responseCode = "404", description = "No schedule with that id.", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = SchedulesSchemas.PROBLEM)))
    SchedulesSchemas.Runs runs(@PathVariable long id) {
        List<ScheduledRun> runs = schedules.runs(id);
        return new SchedulesSchemas.Runs(runs, runs.size());
    }

    @PutMapping("/api/schedules/{id}")
    @Operation(summary = "Change a schedule", operationId = "updateSchedule", description = "The same fields as "
            + "creating it; a paused schedule stays paused.")
    @ApiResponse(responseCode = "200", description = "The schedule.", 
            content = @Content(schema = @Schema(implementation = SchedulesSchemas.ScheduleDoc.class)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = SchedulesSchemas.Request.class)))
    @ApiResponse(responseCode = "404", description = "No schedule with that id.", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = SchedulesSchemas.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Another schedule has that name.", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = SchedulesSchemas.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "A bad cron, time zone, agent, input or policy, named.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = SchedulesSchemas.PROBLEM)))
    ObjectNode update(@PathVariable long id, @RequestBody JsonNode body) {
        return objectMapper.valueToTree(schedules.update(id, draft(body)));
    }

    @PostMapping("/api/schedules/{id}/pause")
    @Operation(summary = "Pause a schedule", operationId = "pauseSchedule")
    @ApiResponse(responseCode = "200", description = "The schedule.", 
            content = @Content(schema = @Schema(implementation = SchedulesSchemas.ScheduleDoc.class)))
    @ApiResponse(responseCode = "404", description = "No schedule with that id.", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = SchedulesSchemas.PROBLEM)))
    ObjectNode pause(@PathVariable long id) {
        return objectMapper.valueToTree(schedules.pause(id));
    }

    @PostMapping("/api/schedules/{id}/resume")
    @Operation(summary = "Resume a schedule", operationId = "resumeSchedule", description = "With misfire_policy "
            + "run_once, a fire time missed while paused runs once now; with skip, the next one is awaited.")
    @ApiResponse(responseCode = "200", description = "The schedule.", 
            content = @Content(schema = @Schema(implementation = SchedulesSchemas.ScheduleDoc.class)))
    @ApiResponse(responseCode = "404", description = "No schedule with that id.", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = SchedulesSchemas.PROBLEM)))
    ObjectNode resume(@PathVariable long id) {
        return objectMapper.valueToTree(schedules.resume(id));
    }

    @DeleteMapping("/api/schedules/{id}")
    @Operation(summary = "Delete a schedule", operationId = "deleteSchedule", description = "Its runs stay.")
    @ApiResponse(responseCode = "200", description = "Deleted.",
            content = @Content(schema = @Schema(implementation = SchedulesSchemas.Deleted.class)))
    @ApiResponse(responseCode = "404", description = "No schedule with that id.", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = SchedulesSchemas.PROBLEM)))
    ObjectNode delete(@PathVariable long id) {
        schedules.delete(id);
        return objectMapper.createObjectNode().put("message", "Schedule " + id + " deleted; its runs are kept.")
                .put("id", id);
    }

    private static ScheduleDraft draft(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "The body must be a JSON object.");
        }
        return new ScheduleDraft(text(body, "name"), text(body, "agent"), body.get("input"), text(body, "cron"),
                text(body, "time_zone"), word(body, "overlap_policy", OverlapPolicy.class),
                word(body, "misfire_policy", MisfirePolicy.class));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "'" + field + "' must be a text.");
        }
        return value.asText();
    }

    private static <E extends Enum<E> & Coded> E word(JsonNode body, String field, Class<E> type) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        return Coded.find(type, value).orElseThrow(() -> new InvalidInputException(field, "'" + value
                + "' is not a " + field + " (" + Coded.codes(type) + ")."));
    }
}
