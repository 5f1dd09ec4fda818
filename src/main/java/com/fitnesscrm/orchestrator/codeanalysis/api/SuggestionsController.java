package com.fitnesscrm.orchestrator.codeanalysis.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.codeanalysis.Category;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSuggestion;
import com.fitnesscrm.orchestrator.codeanalysis.Severity;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionFilter;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionPage;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionService;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original service's suggestion endpoints: {@code GET /api/suggestions?status&severity} → {@code {suggestions,
 * total}} (pending by default, as before; plus {@code page}, {@code per_page}, {@code category}, {@code file_path})
 * and {@code PUT /api/suggestions/{id}} {@code {status, note?}} → {@code {message, suggestion}}.
 */
@RestController
@Tag(name = "Code Analyzer")
class SuggestionsController {

    private final SuggestionService suggestions;
    private final ObjectMapper objectMapper;

    SuggestionsController(SuggestionService suggestions, ObjectMapper objectMapper) {
        this.suggestions = suggestions;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/api/suggestions")
    @Operation(summary = "Code suggestions", operationId = "listSuggestions", description = "Newest first. status "
            + "(pending by default; pending, accepted, rejected, applied or all), severity (low, medium, high, "
            + "critical), category (security, bug, performance, style), file_path (a part of the path); page from 1, "
            + "per_page 1–100 (default 50). Scope read.")
    @ApiResponse(responseCode = "200", description = "The page and how many match.",
            content = @Content(schema = @Schema(implementation = CodeAnalysisSchemas.SuggestionList.class)))
    @ApiResponse(responseCode = "422", description = "A filter that is not one of its words, or a bad page.")
    ObjectNode list(@RequestParam(required = false) String status, @RequestParam(required = false) String severity,
                    @RequestParam(required = false) String category,
                    @RequestParam(name = "file_path", required = false) String filePath,
                    @RequestParam(defaultValue = "1") int page,
                    @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
        SuggestionStatus wanted = status == null || status.isBlank() ? SuggestionStatus.PENDING
                : status.strip().equalsIgnoreCase("all") ? null : word(SuggestionStatus.class, "status", status);
        SuggestionFilter filter = new SuggestionFilter(wanted,
                severity == null || severity.isBlank() ? null : word(Severity.class, "severity", severity),
                category == null || category.isBlank() ? null : word(Category.class, "category", category),
                filePath);
        SuggestionPage found = suggestions.list(filter, page, perPage);
        ObjectNode json = objectMapper.createObjectNode();
        json.set("suggestions", objectMapper.valueToTree(found.suggestions()));
        json.put("total", found.total());
        json.put("page", found.page());
        json.put("per_page", found.perPage());
        return json;
    }

    @PutMapping("/api/suggestions/{id}")
    @Operation(summary = "Review a suggestion", operationId = "reviewSuggestion", description = "pending → accepted "
            + "or rejected, accepted → applied; resolved_at is set when it leaves pending, with the reviewer and the "
            + "note. Scope admin.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = CodeAnalysisSchemas.Review.class)))
    @ApiResponse(responseCode = "200", description = "The suggestion as reviewed.",
            content = @Content(schema = @Schema(implementation = CodeAnalysisSchemas.Reviewed.class)))
    @ApiResponse(responseCode = "404", description = "No suggestion with that id.")
    @ApiResponse(responseCode = "409", description = "The move is not allowed, e.g. pending → applied.")
    @ApiResponse(responseCode = "422", description = "status is not one of accepted, rejected, applied.")
    ObjectNode review(@PathVariable long id, @RequestBody JsonNode body) {
        JsonNode status = body == null ? null : body.get("status");
        if (status == null || !status.isTextual() || status.asText().isBlank()) {
            throw new InvalidInputException("status", "'status' is required: accepted, rejected or applied.");
        }
        SuggestionStatus next = word(SuggestionStatus.class, "status", status.asText());
        JsonNode note = body.get("note");
        if (note != null && !note.isNull() && !note.isTextual()) {
            throw new InvalidInputException("note", "'note' must be a text.");
        }
        CodeSuggestion reviewed = suggestions.review(id, next, note == null || note.isNull() ? null : note.asText());
        ObjectNode json = objectMapper.createObjectNode();
        json.put("message", "Suggestion " + id + " is " + reviewed.status() + ".");
        json.set("suggestion", objectMapper.valueToTree(reviewed));
        return json;
    }

    private static <E extends Enum<E> & Coded> E word(Class<E> type, String field, String value) {
        return Coded.find(type, value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidInputException(field, "'" + value + "' is not a " + field + " ("
                        + Coded.codes(type) + ")."));
    }
}
