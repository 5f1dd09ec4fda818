package com.fitnesscrm.orchestrator.crm;

import java.time.LocalDate;

/**
 * A row of the main backend's {@code clients}. Any column the CRM lacks is {@code null}; {@code goals} and
 * {@code medicalConditions} are the free text trainers typed there.
 *
 * @param startDate the membership's start, as a date in the gym's time zone
 */
public record CrmClient(long id, String name, String email, String phone, Integer age, String goals,
                        String medicalConditions, String status, String membershipType, LocalDate startDate) {
}
