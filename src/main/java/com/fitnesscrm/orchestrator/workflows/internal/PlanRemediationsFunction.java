package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.health.SelfHealingMode;
import com.fitnesscrm.orchestrator.health.SelfHealingPolicy;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import org.springframework.stereotype.Component;

/**
 * {@code plan_remediations}: the safe remediations for what the Health Checker found, as the health feature decides
 * them. Its check self-heals by its own policy (the kinds of {@code RemediationKind}, their signals and hourly limit)
 * and lists the result in the report's {@code remediations}, so this invents no list of its own:
 * <ul>
 *   <li>{@code SELF_HEALING=on}: the check has done them already; no approval is needed
 *       ({@code already_applied});</li>
 *   <li>{@code dry_run}: the check logged what it would do; those entries are the plan, each needing an admin's
 *       approval before {@code apply_remediations} does them;</li>
 *   <li>{@code off}: the health feature neither heals nor logs, so nothing is planned; the report's recommendations
 *       are for a person.</li>
 * </ul>
 */
@Component
class PlanRemediationsFunction implements WorkflowFunction {

    private final SelfHealingPolicy policy;

    PlanRemediationsFunction(SelfHealingPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "plan_remediations";
    }

    @Override
    public String description() {
        return "Takes {report} (the Health Checker's) and gives {mode, remediations, needs_approval, "
                + "already_applied, recommendations, message} by the health feature's SELF_HEALING policy.";
    }

    @Override
    public JsonNode apply(JsonNode input, WorkflowContext context) {
        JsonNode report = FunctionInputs.requiredObject(input, "report");
        SelfHealingMode mode = policy.mode();
        ObjectNode output = FunctionInputs.objectNode();
        output.put("mode", mode.code());
        ArrayNode remediations = output.putArray("remediations");
        for (JsonNode entry : report.path("remediations")) {
            // In dry_run only the check's dry-run entries are still to do; a switch that ended is done.
            if (mode == SelfHealingMode.DRY_RUN && !SelfHealingMode.DRY_RUN.code().equals(entry.path("mode")
                    .asText())) {
                continue;
            }
            ObjectNode planned = remediations.addObject();
            planned.set("id", entry.path("id"));
            planned.put("kind", entry.path("kind").asText());
            planned.put("what", entry.path("what").asText(entry.path("kind").asText()));
            planned.put("reason", entry.path("reason").asText());
            planned.put("result", entry.path("result").asText());
            if (entry.hasNonNull("agent_id")) {
                planned.set("agent_id", entry.get("agent_id"));
            }
        }
        output.set("recommendations", report.path("recommendations").isArray()
                ? report.get("recommendations").deepCopy() : FunctionInputs.JSON.arrayNode());
        boolean applied = mode == SelfHealingMode.ON;
        output.put("already_applied", applied && !remediations.isEmpty());
        output.put("needs_approval", !applied && !remediations.isEmpty());
        output.put("message", switch (mode) {
            case ON -> remediations.isEmpty() ? "Self-healing is on and found nothing to heal."
                    : "Self-healing is on: the check did " + remediations.size() + " remediation(s) itself.";
            case DRY_RUN -> remediations.isEmpty() ? "Self-healing is a dry run and would heal nothing."
                    : remediations.size() + " remediation(s) the dry run would do wait for an admin's approval.";
            case OFF -> "Self-healing is off: nothing is healed or planned; the recommendations are for a person.";
        });
        return output;
    }
}
