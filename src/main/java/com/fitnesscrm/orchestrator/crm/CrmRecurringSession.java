package com.fitnesscrm.orchestrator.crm;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A row of the main backend's {@code recurring_sessions}: a standing booking.
 *
 * @param recurrenceDaysJson {@code recurrence_days} as the CRM stores it (JSON text), or {@code null}
 */
public record CrmRecurringSession(long id, long trainerId, long clientId, LocalDate startDate, LocalDate endDate,
                                  LocalTime startTime, Integer durationMinutes, String sessionType, String location,
                                  String recurrencePattern, String recurrenceDaysJson, Boolean active) {
}
