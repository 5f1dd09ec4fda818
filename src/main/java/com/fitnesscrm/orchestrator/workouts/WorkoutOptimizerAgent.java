package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.agents.LlmLayer;
import com.fitnesscrm.orchestrator.agents.RunSteps;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue;
import com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngine;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The Workout Optimizer: {@link WorkoutEngine} writes the plan and checks it, and with an LLM configured the model
 * personalises and explains the engine's plan, checked by the same rules (a broken rule
 * gets one repair, then the engine's plan stands).
 *
 * <p>The original {@code /api/execute} answer's {@code results} is {@code {"workout_optimization": [{exercise, sets,
 * reps, reason, difficulty}, …], "plan": <the plan>}}: the list (the first week's exercises) is what the main
 * backend's client shows as recommendations; the whole object is what it stores as a generated plan.
 */
@Component
public class WorkoutOptimizerAgent implements AgentProgram<WorkoutRequest, WorkoutPlan> {

    private final WorkoutEngine engine;
    private final ObjectMapper objectMapper;
    private final CrmDirectory crm;

    public WorkoutOptimizerAgent(ObjectMapper objectMapper, CrmDirectory crm) {
        this.engine = new WorkoutEngine(ExerciseCatalogue.standard());
        this.objectMapper = objectMapper;
        this.crm = crm;
    }

    @Override
    public AgentType type() {
        return AgentType.WORKOUT_OPTIMIZATION;
    }

    /**
     * The model answers with the whole plan, which runs to thousands of tokens for a few weeks: room for 16,000
     * tokens and two minutes, one retry.
     */
    @Override
    public AgentConfig defaultConfig() {
        return new AgentConfig(null, 0.2, "You are the FitnessCRM Workout Optimizer, an NSCA-certified strength "
                + "coach. You personalise and explain training plans written by a rules engine, and never break the "
                + "rules you are given. Answer with JSON only, in the shape you are given.", 16_000, 120, 1,
                new java.math.BigDecimal("5.00"), 0, AgentConfig.FallbackPolicy.RULES);
    }

    /** A {@code client_id} of the CRM fills the goal and adds contraindications: see {@link WorkoutInputReader}. */
    @Override
    public WorkoutRequest readInput(JsonNode input) {
        return WorkoutInputReader.read(input, crm::client);
    }

    @Override
    public WorkoutPlan runRules(WorkoutRequest input, RunSteps steps) {
        return engine.plan(input);
    }

    @Override
    public List<String> check(WorkoutRequest input, WorkoutPlan output) {
        return engine.check(input, output);
    }

    @Override
    public Class<WorkoutPlan> outputType() {
        return WorkoutPlan.class;
    }

    @Override
    public Optional<LlmLayer<WorkoutRequest, WorkoutPlan>> llmLayer() {
        return Optional.of(new LlmLayer<>() {
            @Override
            public String userMessage(WorkoutRequest input, WorkoutPlan rulesOutput) {
                return """
                        A client's request and the plan our rules engine wrote for it follow. Improve the plan for \
                        this client: write "coach_explanation" (a few sentences to the client on how the plan \
                        serves their goal and how to progress), make each exercise's "reason" personal, and you may \
                        swap an accessory for another catalogue exercise of the same pattern (the tool \
                        "alternatives" lists the ones allowed for this client). Set "engine" to "llm".
                        Keep every rule: the reps, sets, rest and intensity ranges of the goal; the split and the \
                        number of weeks and sessions; each exercise's catalogue facts (name, pattern, mechanics, \
                        muscles, equipment, contraindications) exactly as listed; only the client's equipment and \
                        nothing contraindicated; each session within the client's minutes (sets × (reps max × 4 s + \
                        rest) + warm-up); pulling sets at least the pushing sets; compound lifts before isolation; \
                        weekly sets per muscle recomputed (primary 1, secondary 0.5) and at most MRV; the deload \
                        weeks; main lifts unchanged within a block.
                        %sAnswer with the whole plan as JSON in exactly the shape of the rules engine's plan, and \
                        nothing else.
                        Request: %s
                        Rules engine's plan: %s""".formatted(focus(input), json(input), json(rulesOutput));
            }

            @Override
            public Object tools(WorkoutRequest input) {
                return new WorkoutTools(input);
            }
        });
    }

    @Override
    public ObjectNode legacyResults(WorkoutRequest input, JsonNode output) {
        ObjectNode results = JsonNodeFactory.instance.objectNode();
        results.set(type().code(), recommendations(output));
        results.set("plan", output);
        return results;
    }

    /** The first week's exercises, each once, as the main backend's client shows recommendations. */
    public static ArrayNode recommendations(JsonNode plan) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new HashSet<>();
        for (JsonNode session : plan.path("weeks").path(0).path("sessions")) {
            for (JsonNode exercise : session.path("exercises")) {
                if (!seen.add(exercise.path("exercise_id").asText())) {
                    continue;
                }
                ObjectNode item = list.addObject();
                item.put("exercise", exercise.path("name").asText());
                item.put("sets", exercise.path("sets").asInt());
                item.put("reps", exercise.path("minutes").isNumber() ? exercise.path("minutes").asInt() + " min"
                        : exercise.path("reps").path("min").asInt() + "-" + exercise.path("reps").path("max").asInt());
                item.put("reason", exercise.path("reason").asText());
                item.put("difficulty", exercise.path("difficulty").asText());
            }
        }
        return list;
    }

    /** The focus in words, so the model keeps it: its extra sets, timed work and lists are checked. */
    static String focus(WorkoutRequest input) {
        if (input.focusAreas().isEmpty() && input.unknownFocusAreas().isEmpty()) {
            return "";
        }
        String text = "The client asked to focus on: " + String.join(", ", input.focusAreas().stream()
                .map(FocusArea::code).toList()) + ". Keep what the plan does for the focus (the extra weekly sets "
                + "for the focused muscles, the conditioning and mobility minutes, the heavier main lifts of a "
                + "strength focus, the rules_checked sentences starting with \"Focus\"), mention it in "
                + "coach_explanation, and keep \"focus_areas\" and \"unknown_focus_areas\" as they are.";
        if (!input.unknownFocusAreas().isEmpty()) {
            text += " These were not understood and are ignored: " + String.join(", ", input.unknownFocusAreas())
                    + "; say so in coach_explanation.";
        }
        return text + "\n";
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tool the model may call: the catalogue exercises this client may do instead of one in the plan. */
    public static class WorkoutTools {

        private final WorkoutRequest request;

        WorkoutTools(WorkoutRequest request) {
            this.request = request;
        }

        @Tool("Lists the catalogue exercises of the same pattern as the given exercise id that this client may do, "
                + "with their catalogue facts")
        public List<Exercise> alternatives(@P("an exercise_id from the plan") String exerciseId) {
            Optional<Exercise> exercise = ExerciseCatalogue.standard().byId(exerciseId);
            if (exercise.isEmpty()) {
                return List.of();
            }
            return ExerciseCatalogue.standard().all().stream()
                    .filter(candidate -> candidate.pattern() == exercise.get().pattern()
                            && !candidate.id().equals(exerciseId)
                            && candidate.allowedFor(request.equipment(), request.contraindications(),
                            request.fitnessLevel()))
                    .limit(10).toList();
        }
    }
}
