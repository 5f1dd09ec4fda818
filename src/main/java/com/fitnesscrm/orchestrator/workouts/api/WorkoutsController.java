package com.fitnesscrm.orchestrator.workouts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.workouts.GeneratedPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The main backend's workout endpoints, in the shapes its client already sends and reads. Each call is a recorded
 * run of the Workout Optimizer; {@code source} says who wrote the answer: {@code rules} or {@code llm}.
 */
@RestController
@Tag(name = "Workouts", description = "Workout plans and recommendations for the main backend (execute scope).")
class WorkoutsController {

    private final WorkoutService workouts;
    private final ObjectMapper objectMapper;

    WorkoutsController(WorkoutService workouts, ObjectMapper objectMapper) {
        this.workouts = workouts;
        this.objectMapper = objectMapper;
    }

    @PostMapping({"/api/workouts/auto-generate", "/api/ai/generate-workout-plan"})
    @Operation(summary = "Generate a workout plan", description = """
            {"client_id", "duration_weeks", "focus_areas", "sessions_per_week"} (and optionally the Workout \
            Optimizer's other fields: goal, fitness_level, equipment, minutes_per_session, contraindications, \
            history) -> {"plan", "source": "rules" | "llm", "engine", "execution_id", "focus_areas", \
            "unknown_focus_areas"}. focus_areas: a list of texts or one comma-separated text naming muscles, \
            regions, patterns or kinds of training (chest, legs, upper body, core, push, hinge, cardio, strength, \
            flexibility ...); unknown ones are listed in unknown_focus_areas and in plan.rules_checked. Invalid \
            input, or focus_areas naming nothing known: 422 naming the field.""", operationId = "generateWorkoutPlan")
    @ApiResponse(responseCode = "200", description = "The plan, from a recorded run of the Workout Optimizer.",
            content = @Content(schema = @Schema(implementation = WorkoutSchemas.PlanResponse.class)))
    @RunOutcomeResponses
    ObjectNode generate(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                schema = @Schema(implementation = WorkoutSchemas.PlanRequest.class),
                                examples = @ExampleObject(name = "workout_optimization",
                                        ref = "#/components/examples/workout_optimization")))
                        @RequestBody(required = false) JsonNode body,
                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        GeneratedPlan generated = workouts.generate(object(body), key);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("plan", objectMapper.valueToTree(generated.plan()));
        json.put("source", generated.source());
        json.put("engine", generated.engine());
        json.put("execution_id", generated.executionId());
        // Beside the plan's own copy, so the main backend sees what was not understood without opening the plan.
        json.set("focus_areas", objectMapper.valueToTree(generated.plan().focusAreas()));
        json.set("unknown_focus_areas", objectMapper.valueToTree(generated.plan().unknownFocusAreas()));
        return json;
    }

    @PostMapping("/api/ai/workout-recommendations")
    @Operation(summary = "Recommend exercises", description = """
            {"client_id", "goals", "fitness_level"} -> {"recommendations": [{"exercise", "sets", "reps", \
            "reason", "difficulty"}], "client_id", "fitness_level", "source": "rules" | "llm", "execution_id"}: \
            the first week of the plan the Workout Optimizer makes for these goals.""",
            operationId = "recommendWorkouts")
    @ApiResponse(responseCode = "200", description = "The first week's exercises.",
            content = @Content(schema = @Schema(implementation = WorkoutSchemas.RecommendationsResponse.class)))
    @RunOutcomeResponses
    ObjectNode recommend(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                 schema = @Schema(implementation = WorkoutSchemas.RecommendationsRequest.class),
                                 examples = @ExampleObject(name = "main_backend", summary = "The main backend's body",
                                         value = """
                                                 {"client_id": 7, "goals": ["lose weight", "feel better"], \
                                                 "fitness_level": "beginner"}""")))
                         @RequestBody(required = false) JsonNode body,
                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        JsonNode input = object(body);
        GeneratedPlan generated = workouts.generate(input, key);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("recommendations", workouts.recommendations(generated));
        json.set("client_id", input.has("client_id") ? input.get("client_id") : JsonNodeFactory.instance.nullNode());
        json.put("fitness_level", generated.plan().fitnessLevel());
        json.put("source", generated.source());
        json.put("engine", generated.engine());
        json.put("execution_id", generated.executionId());
        return json;
    }

    /**
     * The statuses both endpoints answer besides 200 and the common ones; the Problem body is added for them. A run
     * that gave no result is answered by the execution feature's RunProblems (504, 502, 409).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "409", description = "A retry with the same Idempotency-Key while the first run is "
            + "still going (with Retry-After).")
    @ApiResponse(responseCode = "422", description = "Invalid input naming the field, e.g. an unknown fitness_level, "
            + "sessions_per_week out of range, an Idempotency-Key used for another kind of request.")
    @ApiResponse(responseCode = "502", description = "The run failed (execution_id, run_status, run).")
    @ApiResponse(responseCode = "503", description = "The Workout Optimizer is not in this version.")
    @ApiResponse(responseCode = "504", description = "The run timed out (execution_id, run_status, run).")
    @interface RunOutcomeResponses {
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || body.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!body.isObject()) {
            throw new InvalidInputException("", "The body must be a JSON object.");
        }
        return body;
    }
}
