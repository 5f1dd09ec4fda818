package com.fitnesscrm.orchestrator.codeanalysis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fitnesscrm.orchestrator.codeanalysis.CodeAnalysisOutput;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSuggestion;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The Code Analyzer endpoints' shapes for the OpenAPI document. */
final class CodeAnalysisSchemas {

    private CodeAnalysisSchemas() {
    }

    @Schema(name = "SuggestionList")
    record SuggestionList(List<CodeSuggestion> suggestions, long total, int page,
                          @JsonProperty("per_page") int perPage) {
    }

    @Schema(name = "SuggestionReview")
    record Review(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                          allowableValues = {"accepted", "rejected", "applied"}) String status,
                  @Schema(description = "Why, for the next reader; at most 2000 characters.") String note) {
    }

    @Schema(name = "SuggestionReviewed")
    record Reviewed(@Schema(example = "Suggestion 12 is accepted.") String message, CodeSuggestion suggestion) {
    }

    @Schema(name = "ErrorReport", description = "What the main backend's exception handler sends.")
    record ErrorReport(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                               example = "'client_id'") String error,
                       @Schema(example = "KeyError") String type,
                       @JsonProperty("stack_trace") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                               description = "The traceback as printed (Python, Java or Node.js).") String stackTrace,
                       @Schema(description = "About the request that failed (a text or an object).")
                       Map<String, Object> context) {
    }

    @Schema(name = "ErrorAccepted")
    record ErrorAccepted(@JsonProperty("error_group") CodeAnalysisOutput.ErrorGroup errorGroup,
                         @JsonProperty("run_id") @Schema(nullable = true) Long runId, String message) {
    }
}
