package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fitnesscrm.orchestrator.workouts.ClientProposal.ProposedContraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import java.util.List;

/**
 * What a plan took from the CRM's {@code clients} row because the request did not say (the plan's {@code from_crm}).
 *
 * @param goal              the goal read from {@code clients.goals}, or {@code null} when the request set it
 * @param goalText          that text, or {@code null}
 * @param contraindications those found in {@code clients.medical_conditions}, each with its phrase; applied
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CrmDefaults(Goal goal, String goalText, List<ProposedContraindication> contraindications) {

    public CrmDefaults {
        contraindications = contraindications == null ? List.of() : List.copyOf(contraindications);
    }

    /** The sentence the plan's {@code rules_checked} carries, so a reader of the plan sees where it came from. */
    public String sentence() {
        List<String> parts = new java.util.ArrayList<>();
        if (goal != null) {
            parts.add("goal " + goal.code() + " from the client's goals ('" + goalText + "')");
        }
        if (!contraindications.isEmpty()) {
            parts.add("contraindications " + String.join(", ", contraindications.stream()
                    .map(c -> c.contraindication().code() + " ('" + c.foundIn() + "')").toList())
                    + " from the client's medical conditions");
        }
        return "From the CRM: " + String.join("; ", parts);
    }
}
