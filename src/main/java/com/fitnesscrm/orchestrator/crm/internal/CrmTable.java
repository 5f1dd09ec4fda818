package com.fitnesscrm.orchestrator.crm.internal;

import java.util.List;
import java.util.Map;

/**
 * A table of the main backend this feature reads: the columns it cannot do without, the ones it reads when they are
 * there, and what a missing one costs (said once in the log and on the dashboard). Column names are constants of this
 * class, never input, so they may be written into SQL.
 */
enum CrmTable {
    CLIENTS("clients", "the client picker and client lookups", List.of("id", "name"),
            List.of("email", "phone", "age", "goals", "medical_conditions", "status", "membership_type", "start_date"),
            Map.of("goals", "workout goals are not proposed from the CRM",
                    "medical_conditions", "contraindications are not proposed from the CRM",
                    "email", "clients cannot be found by e-mail")),
    TRAINERS("trainers", "linking users to CRM trainers", List.of("id", "name"),
            List.of("email", "specialization", "active"),
            Map.of("email", "users cannot be linked to trainers by e-mail")),
    ASSIGNMENTS("assignments", "a trainer's own clients first", List.of("trainer_id", "client_id"),
            List.of("status"), Map.of("status", "ended assignments count as current")),
    SESSIONS("sessions", "attendance from booked sessions", List.of("id", "trainer_id", "client_id", "session_date"),
            List.of("end_time", "duration", "session_type", "location", "status", "recurring_session_id"),
            Map.of("status", "sessions cannot tell attended from missed, so attendance is not read")),
    RECURRING_SESSIONS("recurring_sessions", "standing bookings",
            List.of("id", "trainer_id", "client_id", "start_date", "start_time"),
            List.of("end_date", "duration", "session_type", "location", "recurrence_pattern", "recurrence_days",
                    "active"), Map.of()),
    MEASUREMENTS("measurements", "body measurements history", List.of("client_id", "measurement_date"),
            List.of("weight", "weight_unit", "body_fat_percentage", "muscle_mass", "chest", "waist", "hips",
                    "thigh_left", "thigh_right", "arm_left", "arm_right", "calf_left", "calf_right",
                    "measurement_unit", "resting_heart_rate"),
            Map.of("weight_unit", "weights are taken as kg", "measurement_unit", "girths are taken as cm")),
    PROGRESS_RECORDS("progress_records", "progress records history", List.of("client_id", "record_date"),
            List.of("weight", "body_fat_percentage"), Map.of()),
    GOALS("goals", "goal units and dates from the CRM", List.of("id", "client_id"),
            List.of("title", "description", "category", "target_value", "target_unit", "current_value", "start_date",
                    "target_date", "completed_date", "status", "priority"),
            Map.of("target_unit", "goal targets are taken in kg, cm or %", "category",
                    "goals cannot be matched to the main backend's goal keys"));

    private final String table;
    private final String feature;
    private final List<String> required;
    private final List<String> optional;
    private final Map<String, String> costs;

    CrmTable(String table, String feature, List<String> required, List<String> optional, Map<String, String> costs) {
        this.table = table;
        this.feature = feature;
        this.required = required;
        this.optional = optional;
        this.costs = costs;
    }

    String table() {
        return table;
    }

    /** What works less well without the table, e.g. "body measurements history". */
    String feature() {
        return feature;
    }

    List<String> required() {
        return required;
    }

    List<String> optional() {
        return optional;
    }

    /** What a missing optional column costs, as the end of a sentence. */
    String cost(String column) {
        return costs.getOrDefault(column, "that value is left empty");
    }
}
