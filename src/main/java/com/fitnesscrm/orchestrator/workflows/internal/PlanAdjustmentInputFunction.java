package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import com.fitnesscrm.orchestrator.workouts.SavedPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutInputReader;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code plan_adjustment_input}: the Workout Optimizer's input for the client's next plan, changed as
 * {@code assess_progress} decided. It starts from the client's latest saved plan (goal, level, days, minutes, weeks,
 * focus) and otherwise from the optimizer's defaults; in both cases it sends the {@code client_id}, so that the
 * optimizer's own CRM path adds the contraindications of the client's medical conditions (and the CRM's goal when
 * there is no saved plan). The changes stay inside the optimizer's input, as its rules engine takes no other:
 * <ul>
 *   <li>{@code deload}: one lighter week — a day fewer (not below two) and sessions a quarter shorter (not below
 *       30 minutes). The optimizer schedules its own deloads only every sixth week, so an unplanned one is asked for
 *       as a short, lighter plan;</li>
 *   <li>{@code rep_range}: main lifts at the heavy end of the goal's range (the optimizer's {@code strength} focus),
 *       or back to the full range when the plan leaned on it; a strength plan moves to a hypertrophy block (6–12
 *       reps);</li>
 *   <li>{@code volume} up: a day more up to five, then 15 minutes more a session (up to 120); down: a day fewer
 *       (not below two), then 15 minutes less (not below 30).</li>
 * </ul>
 */
@Component
class PlanAdjustmentInputFunction implements WorkflowFunction {

    static final int MAX_DAYS_UP = 5;
    static final int MIN_DAYS = 2;
    static final int MIN_MINUTES = 30;
    static final int MAX_MINUTES = 120;

    // Looked up when called: the workouts service runs agents, and the agents' registry holds the workflows'
    // program, which calls these functions, so a constructor dependency would be a cycle.
    private final ObjectProvider<WorkoutService> workouts;

    PlanAdjustmentInputFunction(ObjectProvider<WorkoutService> workouts) {
        this.workouts = workouts;
    }

    @Override
    public String name() {
        return "plan_adjustment_input";
    }

    @Override
    public String description() {
        return "Takes {client_id, assessment} and gives {input (the Workout Optimizer's, changed by the adjustment), "
                + "adjustment, change, based_on}.";
    }

    @Override
    public JsonNode apply(JsonNode input, WorkflowContext context) {
        long clientId = FunctionInputs.requiredId(input, "client_id");
        JsonNode assessment = FunctionInputs.object(input, "assessment");
        String adjustment = assessment.path("adjustment").asText(AssessProgressFunction.NONE);
        String direction = assessment.path("direction").asText("");

        Optional<SavedPlan> current = workouts.getObject().savedPlans(String.valueOf(clientId)).stream().findFirst();
        String goal = current.map(SavedPlan::plan).map(WorkoutPlan::goal).orElse(null);
        String level = current.map(saved -> saved.plan().fitnessLevel())
                .orElse(WorkoutInputReader.DEFAULT_LEVEL.code());
        int days = current.map(saved -> saved.plan().daysPerWeek()).orElse(WorkoutInputReader.DEFAULT_DAYS);
        int minutes = current.map(saved -> saved.plan().minutesPerSession())
                .orElse(WorkoutInputReader.DEFAULT_MINUTES);
        int weeks = current.map(saved -> saved.plan().weeks().size()).orElse(WorkoutInputReader.DEFAULT_WEEKS);
        List<String> focus = new ArrayList<>(current.map(saved -> saved.plan().focusAreas()).orElse(List.of()));

        String change;
        switch (adjustment) {
            case AssessProgressFunction.DELOAD -> {
                int lighterDays = Math.max(Math.min(days, MIN_DAYS), days - 1);
                int lighterMinutes = Math.max(Math.min(minutes, MIN_MINUTES), roundToFive(minutes * 0.75));
                change = "A lighter week: " + lighterDays + " sessions of " + lighterMinutes + " minutes instead of "
                        + days + " of " + minutes + ", then back to the plan.";
                days = lighterDays;
                minutes = lighterMinutes;
                weeks = 1;
            }
            case AssessProgressFunction.REP_RANGE -> {
                if ("strength".equals(goal)) {
                    goal = "hypertrophy";
                    change = "A hypertrophy block (6–12 reps) instead of heavy strength work.";
                } else if (focus.remove("strength")) {
                    change = "Main lifts back to the goal's full rep range instead of its heavy end.";
                } else {
                    focus.add("strength");
                    change = "Main lifts at the heavy end of the goal's range: fewer reps, more load, longer rest.";
                }
            }
            case AssessProgressFunction.VOLUME -> {
                boolean down = "down".equals(direction);
                int newDays = days;
                int newMinutes = minutes;
                if (down) {
                    if (days > MIN_DAYS) {
                        newDays = days - 1;
                    } else {
                        newMinutes = Math.max(Math.min(minutes, MIN_MINUTES), minutes - 15);
                    }
                } else if (days < MAX_DAYS_UP) {
                    newDays = days + 1;
                } else {
                    newMinutes = Math.min(Math.max(minutes, MAX_MINUTES), minutes + 15);
                }
                change = newDays == days && newMinutes == minutes
                        ? "Volume stays: the plan is at its " + (down ? "least" : "most") + " already."
                        : (down ? "Less" : "More") + " volume: " + newDays + " sessions of " + newMinutes
                        + " minutes a week instead of " + days + " of " + minutes + ".";
                days = newDays;
                minutes = newMinutes;
            }
            default -> change = "No change: the plan is made again as it was.";
        }

        ObjectNode optimizer = FunctionInputs.objectNode();
        optimizer.put("client_id", clientId);
        if (goal != null) {
            optimizer.put("goal", goal);
        }
        optimizer.put("fitness_level", level);
        optimizer.put("days_per_week", days);
        optimizer.put("minutes_per_session", minutes);
        optimizer.put("weeks", weeks);
        if (!focus.isEmpty()) {
            optimizer.set("focus_areas", FunctionInputs.JSON.arrayNode().addAll(focus.stream()
                    .map(FunctionInputs.JSON::textNode).toList()));
        }
        ObjectNode output = FunctionInputs.objectNode();
        output.set("input", optimizer);
        output.put("adjustment", adjustment);
        output.put("change", change);
        output.put("based_on", current.map(saved -> "saved plan " + saved.id() + " (" + saved.name() + ")")
                .orElse("the optimizer's defaults and the CRM's client record"));
        return output;
    }

    private static int roundToFive(double minutes) {
        return (int) Math.round(minutes / 5) * 5;
    }
}
