package com.fitnesscrm.orchestrator.codeanalysis.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.codeanalysis.ErrorReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/errors} for the main backend's exception handler: 202 at once with the error's group. */
@RestController
@Tag(name = "Code Analyzer")
class ErrorsController {

    private final ErrorReportService errors;
    private final ObjectMapper objectMapper;

    ErrorsController(ErrorReportService errors, ObjectMapper objectMapper) {
        this.errors = errors;
        this.objectMapper = objectMapper;
    }

    @PostMapping("/api/errors")
    @Operation(summary = "Report an error", operationId = "reportError", description = "Groups the error (Sentry "
            + "style: exception type and in-app frames) and counts its group up; the analysis runs async as a "
            + "code_analysis run, at most one per group per interval (10 minutes by default). run_id is that run, "
            + "or null when the group was analysed recently. Scope execute.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = CodeAnalysisSchemas.ErrorReport.class)))
    @ApiResponse(responseCode = "202", description = "The error's group, this occurrence counted.",
            content = @Content(schema = @Schema(implementation = CodeAnalysisSchemas.ErrorAccepted.class)))
    @ApiResponse(responseCode = "422", description = "A field is missing or not a text.")
    ResponseEntity<ObjectNode> report(@RequestBody JsonNode body) {
        ErrorReportService.Reported reported = errors.report(body);
        ObjectNode json = objectMapper.createObjectNode();
        json.set("error_group", objectMapper.valueToTree(reported.group()));
        if (reported.runId() != null) {
            json.put("run_id", reported.runId());
        } else {
            json.putNull("run_id");
        }
        json.put("message", reported.runId() != null ? "The error is grouped; its analysis runs now."
                : reported.notStarted() != null ? "The error is grouped and counted; its analysis could not start: "
                + reported.notStarted() : "The error is grouped and counted; its group was analysed recently.");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(json);
    }
}
