package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code check_in_summary}: the weekly check-in in plain words for the trainer — how the client is doing, the plan
 * change and what became of it, and the sessions proposed for next week. Every part is optional: a branch that was
 * not taken (no change needed, no trainer to schedule with) is said as such.
 */
@Component
class CheckInSummaryFunction implements WorkflowFunction {

    /** The sessions the summary lists; the scheduler's other suggestions stay in its run. */
    static final int MAX_SESSIONS = 7;

    @Override
    public String name() {
        return "check_in_summary";
    }

    @Override
    public String description() {
        return "Takes {assessment, plan_change?, approval?, saved?, schedule?} and gives {summary, progress, "
                + "plan_change, sessions}.";
    }

    @Override
    public JsonNode apply(JsonNode input, WorkflowContext context) {
        JsonNode assessment = FunctionInputs.object(input, "assessment");
        JsonNode change = FunctionInputs.object(input, "plan_change");
        JsonNode approval = FunctionInputs.object(input, "approval");
        JsonNode saved = FunctionInputs.object(input, "saved");
        JsonNode schedule = FunctionInputs.object(input, "schedule");

        String progress = assessment.path("progress").asText("No progress report.");
        String plan;
        if (!assessment.path("adjust").asBoolean(false)) {
            plan = "No plan change: " + lowerFirst(assessment.path("reason").asText("none was needed."));
        } else {
            String what = change.path("change").asText(assessment.path("adjustment").asText() + " change");
            String decision = FunctionInputs.decision(approval);
            String outcome = saved.path("saved").asBoolean(false) ? "approved" + FunctionInputs.byAndNote(approval)
                    + " and saved"
                    : decision.equals("rejected") ? "rejected" + FunctionInputs.byAndNote(approval) + ", not saved"
                    : decision.equals("none") ? "not decided yet" : "not saved";
            plan = "Plan change (" + assessment.path("adjustment").asText() + "): " + what + " Why: "
                    + assessment.path("reason").asText("") + " It was " + outcome + ".";
        }

        ArrayNode sessions = FunctionInputs.JSON.arrayNode();
        List<String> times = new ArrayList<>();
        for (JsonNode suggestion : schedule.path("suggestions")) {
            if (sessions.size() == MAX_SESSIONS) {
                break;
            }
            ObjectNode session = sessions.addObject();
            session.put("start", suggestion.path("start").asText());
            session.put("end", suggestion.path("end").asText());
            session.set("show_probability", suggestion.path("show_probability"));
            times.add(suggestion.path("start").asText().replace('T', ' '));
        }
        String proposed = schedule.isEmpty() ? "No sessions proposed: no trainer was found for the client."
                : times.isEmpty() ? "No free slot was found next week."
                : "Proposed for next week: " + String.join(", ", times) + ".";

        ObjectNode output = FunctionInputs.objectNode();
        output.put("summary", progress + "\n" + plan + "\n" + proposed);
        output.put("progress", progress);
        output.put("plan_change", plan);
        output.set("sessions", sessions);
        output.put("sessions_text", proposed);
        return output;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
