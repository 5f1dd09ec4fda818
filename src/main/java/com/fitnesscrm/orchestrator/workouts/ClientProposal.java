package com.fitnesscrm.orchestrator.workouts;

import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import java.util.List;

/**
 * What the CRM suggests for a client's plan, for the Workout planner to show as "proposed, confirm": the goal read
 * from {@code clients.goals} and the contraindications found in {@code clients.medical_conditions}.
 *
 * @param goal              the goal the free text means, or {@code null} when it names none
 * @param goalText          {@code clients.goals} as the CRM has it, or {@code null}
 * @param medicalConditions {@code clients.medical_conditions} as the CRM has it, or {@code null}
 */
public record ClientProposal(long clientId, String clientName, Goal goal, String goalText, String medicalConditions,
                             List<ProposedContraindication> contraindications) {

    public ClientProposal {
        contraindications = List.copyOf(contraindications);
    }

    /**
     * @param foundIn the words of the medical conditions that named it, e.g. "left knee replacement 2019"
     */
    @com.fasterxml.jackson.databind.annotation.JsonNaming(
            com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProposedContraindication(Contraindication contraindication, String foundIn) {
    }
}
