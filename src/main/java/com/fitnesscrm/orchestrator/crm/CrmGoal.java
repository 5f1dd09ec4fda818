package com.fitnesscrm.orchestrator.crm;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A row of the main backend's {@code goals}, as the CRM stores it.
 *
 * @param category   {@code weight_loss}, {@code muscle_gain}, {@code strength}, {@code endurance}, {@code flexibility}
 *                   or {@code other} in the main backend; any text here
 * @param targetUnit {@code kg}, {@code lbs}, {@code %} or any text; {@link #targetInCanonicalUnit()} converts
 * @param targetDate a date in the gym's time zone, or {@code null}
 * @param status     e.g. {@code active}, {@code completed}, {@code abandoned}
 */
public record CrmGoal(long id, long clientId, String title, String description, String category, Double targetValue,
                      String targetUnit, Double currentValue, LocalDate startDate, LocalDate targetDate,
                      LocalDate completedDate, String status, String priority) {

    /** Whether the goal is still pursued: no status, or one that is not completed, cancelled or abandoned. */
    public boolean isOpen() {
        if (status == null || status.isBlank()) {
            return completedDate == null;
        }
        String s = status.strip().toLowerCase(Locale.ROOT);
        return !(s.equals("completed") || s.equals("achieved") || s.equals("cancelled") || s.equals("canceled")
                || s.equals("abandoned") || s.equals("archived"));
    }

    /**
     * The target in kg when the unit is a mass ({@code lbs}/{@code lb} converted), as it is for {@code %} and
     * {@code cm}, inches converted to cm; empty without a target value.
     */
    public java.util.OptionalDouble targetInCanonicalUnit() {
        if (targetValue == null) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(CrmUnits.toCanonical(targetValue, targetUnit));
    }
}
