package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import com.fitnesscrm.orchestrator.workouts.GeneratedPlan;
import com.fitnesscrm.orchestrator.workouts.SavedPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code save_plan}: saves the Workout Optimizer's plan to the client's history ({@code ai_workout_plans}, through
 * {@link WorkoutService#save}, as the planner's Save does) only when the trainer approved it. Rejected, not asked, or
 * no plan: nothing is saved, and the output says why.
 */
@Component
class SavePlanFunction implements WorkflowFunction {

    /** Looked up when called, as in {@link PlanAdjustmentInputFunction}. */
    private final ObjectProvider<WorkoutService> workouts;
    private final ObjectMapper objectMapper;

    SavePlanFunction(ObjectProvider<WorkoutService> workouts, ObjectMapper objectMapper) {
        this.workouts = workouts;
        this.objectMapper = objectMapper;
    }

    @Override
    public String name() {
        return "save_plan";
    }

    @Override
    public String description() {
        return "Takes {plan, run_id, request, approval, name?} and saves the plan to the client's history only if "
                + "approved: {saved, plan_id?, reason}.";
    }

    @Override
    public JsonNode apply(JsonNode input, WorkflowContext context) {
        ObjectNode output = FunctionInputs.objectNode();
        JsonNode approval = FunctionInputs.object(input, "approval");
        String decision = FunctionInputs.decision(approval);
        if (!FunctionInputs.present(input, "plan")) {
            return notSaved(output, "No plan change was proposed, so there is nothing to save.");
        }
        if (!decision.equals("approved")) {
            return notSaved(output, switch (decision) {
                case "rejected" -> "The trainer rejected the plan" + FunctionInputs.byAndNote(approval)
                        + ": it is not saved.";
                case "skipped" -> "The approval was skipped, so the plan is not saved: only an approved plan is.";
                default -> "The plan was not approved, so it is not saved.";
            });
        }
        WorkoutPlan plan;
        try {
            plan = objectMapper.treeToValue(input.get("plan"), WorkoutPlan.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException("plan", "'plan' must be a plan of the Workout Optimizer.");
        }
        long runId = FunctionInputs.requiredId(input, "run_id");
        String name = input.path("name").asText("");
        if (name.isBlank()) {
            name = "Check-in " + context.now().atOffset(ZoneOffset.UTC).toLocalDate() + ": " + plan.goal() + " plan";
        }
        SavedPlan saved = workouts.getObject().save(new GeneratedPlan(runId, FunctionInputs.object(input, "request"), plan,
                plan.engine() == null ? "rules" : plan.engine()), name);
        output.put("saved", true);
        output.put("plan_id", saved.id());
        output.put("name", saved.name());
        output.put("reason", "Approved" + FunctionInputs.byAndNote(approval) + ": saved to the client's history as '"
                + saved.name() + "'.");
        return output;
    }

    private static ObjectNode notSaved(ObjectNode output, String reason) {
        output.put("saved", false);
        output.putNull("plan_id");
        output.put("reason", reason);
        return output;
    }
}
