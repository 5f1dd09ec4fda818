package com.fitnesscrm.orchestrator.execution.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.execution.ListedRun;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunFilter;
import com.fitnesscrm.orchestrator.execution.RunPage;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Runs: the original paged list, one run with its steps, cancel and run again. */
@RestController
@RequestMapping("/api/executions")
@Tag(name = "Executions", description = "Recorded runs (read scope); cancel and run again (execute scope).")
class ExecutionsController {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final RunService runs;

    ExecutionsController(RunService runs) {
        this.runs = runs;
    }

    @GetMapping
    @Operation(summary = "Runs, newest first, as summaries", description = "Answers {executions, total, page, "
            + "per_page, pages}, as the original service did; filters agent_id, status, from and to (ISO-8601 "
            + "instants). A listed run has every field of GET /api/executions/{id} but its payloads and steps, plus "
            + "input_bytes, output_bytes (their sizes as JSON text) and href (the run's address). With include, the "
            + "page also carries each run's input and/or output, once each, while they fit the page's payload budget "
            + "(1 MB unless EXECUTIONS_PAYLOAD_BUDGET says otherwise), newest run first, each input before its "
            + "output; from the first payload that does not fit, every later one is {truncated: true, bytes, href}. "
            + "Such a page adds payload_budget_bytes, payload_bytes, truncated and truncated_payloads. 422 naming the "
            + "parameter for an unknown status, include value or a bad page; 503 when too many pages with payloads "
            + "are being answered at once.", operationId = "listRuns")
    @ApiResponse(responseCode = "200", description = "A page of run summaries.",
            content = @Content(schema = @Schema(implementation = ExecutionSchemas.RunPage.class)))
    @ApiResponse(responseCode = "422", description = "An unknown status or include value, a page or per_page out "
            + "of range, or from/to that is not an instant between the years 1 and 9999 (field names which).")
    @ApiResponse(responseCode = "503", description = "Too many pages with payloads are being answered at once; "
            + "try again, or ask without include.")
    ObjectNode list(@RequestParam(defaultValue = "1") int page,
                    @RequestParam(name = "per_page", defaultValue = "20") int perPage,
                    @RequestParam(name = "agent_id", required = false) Integer agentId,
                    @Parameter(schema = @Schema(allowableValues = {"queued", "running", "succeeded", "failed",
                            "timed_out", "cancelled", "rejected"}))
                    @RequestParam(required = false) String status,
                    @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to,
                    @Parameter(description = "Payloads to carry: input, output or both (input,output; repeating "
                            + "the parameter works too). Without it, no payload is read.", example = "input,output")
                    @RequestParam(required = false) List<String> include) {
        RunStatus wanted = status == null || status.isBlank() ? null : RunStatus.fromCode(status)
                .orElseThrow(() -> new InvalidInputException("status", "Unknown status '" + status + "'; the "
                        + "statuses are " + Coded.codes(RunStatus.class) + "."));
        Map<ListedRun.Part, String> parts = parts(include);
        RunPage result = runs.page(new RunFilter(agentId, wanted, instant("from", from),
                instant("to", to)), page, perPage, parts.keySet());
        if (result.payloads() != null) {
            // The payloads' memory is held until the answer has been written, not only built (PayloadMemory).
            RequestContextHolder.currentRequestAttributes().registerDestructionCallback(
                    ExecutionsController.class.getName() + ".page", result::close, RequestAttributes.SCOPE_REQUEST);
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode array = json.putArray("executions");
        result.runs().forEach(run -> array.add(RunJson.listed(run, parts)));
        json.put("total", result.total());
        json.put("page", result.page());
        json.put("per_page", result.perPage());
        json.put("pages", result.pages());
        if (result.payloads() != null) {
            json.put("payload_budget_bytes", result.payloads().budgetBytes());
            json.put("payload_bytes", result.payloads().bytes());
            json.put("truncated", result.payloads().truncated() > 0);
            json.put("truncated_payloads", result.payloads().truncated());
        }
        return json;
    }

    /**
     * The payloads asked for, each under the name the caller used: {@code input}/{@code output}, or the original
     * table's {@code input_data}/{@code output_data} for readers of the original shape.
     */
    private static Map<ListedRun.Part, String> parts(List<String> include) {
        Map<ListedRun.Part, String> parts = new EnumMap<>(ListedRun.Part.class);
        for (String value : include == null ? List.<String>of() : include) {
            String code = value == null ? "" : value.strip();
            if (code.isEmpty()) {
                continue;
            }
            ListedRun.Part part = switch (code) {
                case "input", "input_data" -> ListedRun.Part.INPUT;
                case "output", "output_data" -> ListedRun.Part.OUTPUT;
                default -> throw new InvalidInputException("include", "Unknown value '" + code + "' in 'include'; "
                        + "a list can include input, output (or input_data, output_data).");
            };
            parts.put(part, code);
        }
        return parts;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One run with its steps", operationId = "getRun")
    @ApiResponse(responseCode = "200", description = "The run, whole, with its steps.",
            content = @Content(schema = @Schema(implementation = ExecutionSchemas.Run.class)))
    @ApiResponse(responseCode = "404", description = "No run with this id.")
    ObjectNode get(@PathVariable long id) {
        Run run = runs.get(id);
        return RunJson.of(run, runs.steps(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running run", description = "409 when it has already finished.",
            operationId = "cancelRun")
    @ApiResponse(responseCode = "200", description = "The cancelled run.",
            content = @Content(schema = @Schema(implementation = ExecutionSchemas.Run.class)))
    @ApiResponse(responseCode = "403", description = "Only an admin key or whoever asked for the run may cancel it.")
    @ApiResponse(responseCode = "404", description = "No run with this id.")
    @ApiResponse(responseCode = "409", description = "The run has already finished.")
    ObjectNode cancel(@PathVariable long id) {
        Run run = runs.cancel(id);
        return RunJson.of(run, runs.steps(id));
    }

    @PostMapping("/{id}/rerun")
    @Operation(summary = "Run the same agent on the same input again, async",
            description = "Takes no body: a body (edited input or config) is refused with 422 rather than ignored.",
            operationId = "rerunRun")
    @ApiResponse(responseCode = "202", description = "The new run, queued; poll its Location.",
            headers = @Header(name = "Location", description = "/api/executions/{id}"),
            content = @Content(schema = @Schema(implementation = ExecutionSchemas.Run.class)))
    @ApiResponse(responseCode = "404", description = "No run with this id.")
    @ApiResponse(responseCode = "409", description = "The run's agent has been deleted, or is disabled.")
    @ApiResponse(responseCode = "422", description = "A body was sent (field names its first member).")
    @ApiResponse(responseCode = "503", description = "The agent's engine is not in this version.")
    ResponseEntity<ObjectNode> rerun(@PathVariable long id,
                                     @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                                             description = "None: a rerun takes no body (an empty {} is accepted).",
                                             content = @Content(schema = @Schema(type = "object",
                                                     maxProperties = 0)))
                                     @RequestBody(required = false) JsonNode body) {
        if (body != null && !(body.isObject() && body.isEmpty())) {
            // It once ran the original input whatever the body said; a caller who edited the input must know.
            String field = body.isObject() ? body.fieldNames().next() : "";
            throw new InvalidInputException(field, "A rerun runs the run's own input and config again and takes no "
                    + "body; to run other input, POST it to /api/execute.");
        }
        Run run = runs.rerun(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/executions/" + run.id()))
                .body(RunJson.of(run, null));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Run a run's agent or workflow again with edited input and/or config, async",
            description = "Body {input?, config?}: input replaces the run's input; config holds the config fields to "
                    + "change for this run only (e.g. another model or prompt). The new run links to the original "
                    + "(replay_of).", operationId = "replayRun")
    @ApiResponse(responseCode = "202", description = "The new run, queued; poll its Location.",
            headers = @Header(name = "Location", description = "/api/executions/{id}"),
            content = @Content(schema = @Schema(implementation = ExecutionSchemas.Run.class)))
    @ApiResponse(responseCode = "404", description = "No run with this id.")
    @ApiResponse(responseCode = "409", description = "The run's agent has been deleted, or is disabled.")
    @ApiResponse(responseCode = "422", description = "An unknown member, a config field unknown or out of range "
            + "(config.<field>), or input the agent refuses (input.<field>).")
    ResponseEntity<ObjectNode> replay(@PathVariable long id,
                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                                              content = @Content(schema = @Schema(
                                                      implementation = ExecutionSchemas.Replay.class)))
                                      @RequestBody(required = false) JsonNode body) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new InvalidInputException("", "The body must be a JSON object {input?, config?}.");
        }
        if (body != null && body.isObject()) {
            body.fieldNames().forEachRemaining(name -> {
                if (!name.equals("input") && !name.equals("config")) {
                    throw new InvalidInputException(name, "Unknown field '" + name + "'; a replay takes input "
                            + "and config.");
                }
            });
        }
        Run run = runs.replay(id, body == null ? null : body.get("input"), body == null ? null : body.get("config"));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/executions/" + run.id()))
                .body(RunJson.of(run, null));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + field + "' must be an ISO-8601 instant such as "
                    + "2026-11-25T10:00:00Z.");
        }
        // Instant reaches a billion years; the database and java.sql.Timestamp do not.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException(field, "'" + field + "' must be between 0001-01-01T00:00:00Z and "
                    + "9999-12-31T23:59:59Z.");
        }
        return instant;
    }
}
