package com.fitnesscrm.orchestrator.metrics.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.metrics.Feedback;
import com.fitnesscrm.orchestrator.metrics.FeedbackService;
import com.fitnesscrm.orchestrator.metrics.Vote;
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

/** {@code POST /api/feedback}: the main backend's users vote on a result (the seed's integration point 13). */
@RestController
@Tag(name = "Metrics", description = "Feedback on results (execute scope) and the roll-ups (read scope).")
class FeedbackController {

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping("/api/feedback")
    @Operation(summary = "Vote on a run's result", operationId = "giveFeedback", description = "recommendation_id "
            + "is the run's id (execution_id of /api/execute). agent_type is the run's task type (e.g. "
            + "workout_optimization) or its agent's name. One vote per voter and run: a second vote replaces the "
            + "first (created_at stays, updated_at moves). The voter is user:<user_id> when user_id is given, else the "
            + "API key's name. Scope execute.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = MetricsSchemas.FeedbackRequest.class)))
    @ApiResponse(responseCode = "201", description = "The vote as stored.",
            content = @Content(schema = @Schema(implementation = MetricsSchemas.StoredVote.class)))
    @ApiResponse(responseCode = "404", description = "No run with this recommendation_id.")
    @ApiResponse(responseCode = "422", description = "A field missing or malformed, an unknown feedback value, a "
            + "comment over 2000 characters, or an agent_type that is not the run's (field names which).")
    ResponseEntity<ObjectNode> give(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", "The body must be a JSON object.");
        }
        String agentType = text(body, "agent_type", true);
        long runId = runId(body.get("recommendation_id"));
        String value = text(body, "feedback", true);
        Feedback given = Coded.find(Feedback.class, value).orElseThrow(() -> new InvalidInputException("feedback",
                "Unknown feedback '" + value + "'; it is one of " + Coded.codes(Feedback.class) + "."));
        JsonNode user = body.get("user_id");
        if (user != null && !user.isNull() && !user.isTextual() && !user.canConvertToLong()) {
            throw new InvalidInputException("user_id", "'user_id' must be a text or an integer.");
        }
        String userId = user == null || user.isNull() ? null : user.asText();
        Vote vote = feedback.vote(runId, agentType, given, userId, text(body, "comment", false));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(vote, agentType.strip()));
    }

    /** The vote; {@code agent_type} as the caller named the run's agent, {@code agent_name} the agent's name. */
    static ObjectNode json(Vote vote, String agentType) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", vote.id());
        json.put("recommendation_id", vote.runId());
        json.put("agent_type", agentType);
        json.put("agent_name", vote.agentName());
        json.put("feedback", vote.feedback().code());
        json.put("user_id", vote.userId());
        json.put("voter", vote.voter());
        json.put("comment", vote.comment());
        json.put("config_version", vote.configVersion());
        json.put("created_at", vote.createdAt().toString());
        json.put("updated_at", vote.updatedAt().toString());
        return json;
    }

    private static long runId(JsonNode id) {
        if (id == null || id.isNull()) {
            throw new InvalidInputException("recommendation_id", "'recommendation_id' (the run's id) is required.");
        }
        if (id.isIntegralNumber() && id.canConvertToLong() && id.asLong() > 0) {
            return id.asLong();
        }
        if (id.isTextual() && id.asText().strip().matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(id.asText().strip());
        }
        throw new InvalidInputException("recommendation_id", "'recommendation_id' must be a run's id, a positive "
                + "integer.");
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                throw new InvalidInputException(field, "'" + field + "' is required.");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "'" + field + "' must be a text.");
        }
        return value.asText();
    }
}
