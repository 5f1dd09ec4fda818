package com.fitnesscrm.orchestrator.crm;

/** A row of the main backend's {@code trainers}; {@code active} is {@code null} when the CRM does not say. */
public record CrmTrainer(long id, String name, String email, String specialization, Boolean active) {
}
