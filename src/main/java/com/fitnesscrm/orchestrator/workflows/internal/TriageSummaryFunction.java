package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code triage_summary}: the incident in plain words for the admin on call — what is unhealthy, which errors were
 * seen and what the Code Analyzer makes of the most frequent, and what was healed (or waits, or was refused).
 */
@Component
class TriageSummaryFunction implements WorkflowFunction {

    @Override
    public String name() {
        return "triage_summary";
    }

    @Override
    public String description() {
        return "Takes {health, errors, analysis?, plan?, applied?} and gives {summary, overall, unhealthy, "
                + "error_groups, suggestion_ids, remediations}.";
    }

    @Override
    public JsonNode apply(JsonNode input, WorkflowContext context) {
        JsonNode health = FunctionInputs.object(input, "health");
        JsonNode errors = FunctionInputs.object(input, "errors");
        JsonNode analysis = FunctionInputs.object(input, "analysis");
        JsonNode plan = FunctionInputs.object(input, "plan");
        JsonNode applied = FunctionInputs.object(input, "applied");

        String overall = health.path("overall").asText("unknown");
        List<String> unhealthy = new ArrayList<>();
        for (JsonNode component : health.path("components")) {
            if (!"healthy".equals(component.path("status").asText())) {
                unhealthy.add(component.path("component").asText() + " (" + component.path("status").asText()
                        + "): " + component.path("message").asText().replaceFirst("\\.$", ""));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Health: " + overall + (unhealthy.isEmpty() ? ", every component healthy."
                : "; " + String.join("; ", unhealthy) + "."));
        lines.add(errors.path("message").asText("The error groups were not read."));
        JsonNode group = analysis.path("error_group");
        if (group.isObject()) {
            lines.add("Code Analyzer on '" + group.path("title").asText() + "': "
                    + analysis.path("likely_cause").asText(group.path("likely_cause").asText("no cause found"))
                    + " Fix: " + analysis.path("suggested_fix").asText(group.path("suggested_fix").asText("none"))
                    + " (suggestions " + analysis.path("suggestion_ids") + ").");
        }
        if (!applied.isEmpty()) {
            lines.add("Remediations: " + applied.path("message").asText());
        } else if (!plan.isEmpty()) {
            lines.add("Remediations: " + plan.path("message").asText());
        }

        ObjectNode output = FunctionInputs.objectNode();
        output.put("summary", String.join("\n", lines));
        output.put("overall", overall);
        output.set("unhealthy", FunctionInputs.JSON.arrayNode().addAll(unhealthy.stream()
                .map(FunctionInputs.JSON::textNode).toList()));
        output.put("error_groups", errors.path("count").asInt(0));
        output.set("suggestion_ids", analysis.path("suggestion_ids").isArray()
                ? analysis.get("suggestion_ids").deepCopy() : FunctionInputs.JSON.arrayNode());
        output.put("remediations", applied.path("applied_count").asInt(0));
        return output;
    }
}
