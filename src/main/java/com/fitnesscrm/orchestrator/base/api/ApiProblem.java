package com.fitnesscrm.orchestrator.base.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error of {@code /api/**} ({@code application/problem+json}, RFC 9457), for the OpenAPI document
 * only: the answers themselves are Spring's {@code ProblemDetail}, written by {@link ApiExceptionHandler} and
 * {@link ProblemResponses}. Members beyond RFC 9457's five appear only where they apply.
 */
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details (application/problem+json).")
record ApiProblem(
        @Schema(description = "A URI naming the kind of problem; about:blank when the status says it all.",
                example = "about:blank")
        String type,
        @Schema(description = "A short summary of the kind of problem.", example = "Invalid input")
        String title,
        @Schema(description = "The HTTP status of this answer.", example = "422")
        int status,
        @Schema(description = "What went wrong, in the caller's words.",
                example = "Unknown fitness_level 'guru'; allowed: beginner, intermediate, advanced.")
        String detail,
        @Schema(description = "The request this answers (its path).", example = "/api/execute")
        String instance,
        @Schema(description = "The one field, parameter or header at fault, as a JSON path where nested "
                + "(input_data.notes[1].text).", example = "fitness_level")
        String field,
        @JsonProperty("execution_id")
        @Schema(description = "The run this problem is about, when one was recorded (refused input, a run that "
                + "failed or timed out).", example = "253")
        Long executionId,
        @JsonProperty("run_status")
        @Schema(description = "That run's status (rejected, failed, timed_out, running …); 'status' stays the HTTP "
                + "status.", example = "failed")
        String runStatus,
        @Schema(description = "That run's address.", example = "/api/executions/253")
        String run,
        @Schema(description = "The limit that was exceeded, e.g. the nesting depth 64.")
        Integer limit,
        @Schema(description = "A reference to the server's log line, for a fault on our side (500).")
        String reference,
        @Schema(description = "Only on POST /api/execute, for the original service's client: always false.")
        Boolean success,
        @Schema(description = "Only on POST /api/execute, for the original service's client: the detail again.")
        String error) {
}
