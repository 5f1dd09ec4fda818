package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.health.HealthChecker;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code apply_remediations}: does what {@code plan_remediations} planned once an admin approved it, through the
 * health feature ({@link HealthChecker#applyApprovedRemediations}), which logs each in its remediation log as done,
 * naming the approver. With {@code SELF_HEALING=on} the approval is skipped and the check has done them already: it
 * reports them. Rejected: nothing is done.
 */
@Component
class ApplyRemediationsFunction implements WorkflowFunction {

    /** Looked up when called: the health check reads the agents' registry, which holds the workflows' program. */
    private final ObjectProvider<HealthChecker> health;
    private final ObjectMapper objectMapper;

    ApplyRemediationsFunction(ObjectProvider<HealthChecker> health, ObjectMapper objectMapper) {
        this.health = health;
        this.objectMapper = objectMapper;
    }

    @Override
    public String name() {
        return "apply_remediations";
    }

    @Override
    public String description() {
        return "Takes {plan (plan_remediations' output), approval} and gives {applied_count, applied, done_by, "
                + "message}: the planned remediations done once approved.";
    }

    @Override
    public JsonNode apply(JsonNode input, WorkflowContext context) {
        JsonNode plan = FunctionInputs.requiredObject(input, "plan");
        JsonNode approval = FunctionInputs.object(input, "approval");
        ObjectNode output = FunctionInputs.objectNode();
        JsonNode planned = plan.path("remediations");
        if (plan.path("already_applied").asBoolean(false)) {
            output.put("applied_count", planned.size());
            output.set("applied", planned.deepCopy());
            output.put("done_by", "self_healing");
            output.put("message", "Self-healing is on: the health check did these itself; they are in the "
                    + "remediation log.");
            return output;
        }
        if (planned.isEmpty()) {
            return nothing(output, "Nothing to apply: " + plan.path("message").asText("no remediation was planned."));
        }
        String decision = FunctionInputs.decision(approval);
        if (!decision.equals("approved")) {
            return nothing(output, decision.equals("rejected")
                    ? "Rejected" + FunctionInputs.byAndNote(approval) + ": no remediation was done."
                    : "Not approved: no remediation was done.");
        }
        List<Long> ids = new ArrayList<>();
        planned.forEach(entry -> ids.add(entry.path("id").asLong()));
        String by = approval.path("by").asText("");
        List<Map<String, Object>> done = health.getObject().applyApprovedRemediations(ids,
                by.isBlank() ? context.requestedBy() : by);
        long applied = done.stream().filter(entry -> Boolean.TRUE.equals(entry.get("applied"))).count();
        output.put("applied_count", applied);
        output.set("applied", objectMapper.valueToTree(done));
        output.put("done_by", "approval");
        output.put("message", "Approved" + FunctionInputs.byAndNote(approval) + ": " + applied + " of " + ids.size()
                + " remediation(s) done" + (applied < ids.size() ? "; the others had nothing left to do." : "."));
        return output;
    }

    private static ObjectNode nothing(ObjectNode output, String message) {
        output.put("applied_count", 0);
        output.putArray("applied");
        output.put("done_by", "nobody");
        output.put("message", message);
        return output;
    }
}
