package com.fitnesscrm.orchestrator.crm;

/**
 * A client found by {@link CrmDirectory#searchClients}: {@code assignedToTrainer} is true when the client has an active
 * assignment to the trainer the search put first.
 */
public record CrmClientMatch(CrmClient client, boolean assignedToTrainer) {
}
