package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import java.util.Locale;

/**
 * Reading a function node's input. A field whose node did not run (a branch not taken) reads as absent: functions
 * say what that means instead of failing the run.
 */
final class FunctionInputs {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FunctionInputs() {
    }

    /** Whether the field is there and not {@code null}. */
    static boolean present(JsonNode input, String field) {
        return input != null && input.hasNonNull(field);
    }

    /** The field as an object; absent, {@code null} or not an object reads as an empty object. */
    static JsonNode object(JsonNode input, String field) {
        JsonNode node = input == null ? null : input.get(field);
        return node != null && node.isObject() ? node : JSON.objectNode();
    }

    /** The field as an object, refused (naming it) when it is absent or not an object. */
    static JsonNode requiredObject(JsonNode input, String field) {
        JsonNode node = input == null ? null : input.get(field);
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(field, "'" + field + "' must be an object.");
        }
        return node;
    }

    /** A client's id of the CRM: a positive whole number, as a number or a text. */
    static long requiredId(JsonNode input, String field) {
        Long id = optionalId(input, field);
        if (id == null) {
            throw new InvalidInputException(field, "'" + field + "' is required: the CRM's id, a whole number.");
        }
        return id;
    }

    static Long optionalId(JsonNode input, String field) {
        if (!present(input, field)) {
            return null;
        }
        JsonNode node = input.get(field);
        String text = node.asText().strip();
        if ((node.isIntegralNumber() || node.isTextual()) && text.matches("\\d{1,18}") && Long.parseLong(text) > 0) {
            return Long.parseLong(text);
        }
        throw new InvalidInputException(field, "'" + field + "' must be a positive whole number.");
    }

    /** An approval node's decision: {@code approved}, {@code rejected}, {@code skipped}, or {@code none}. */
    static String decision(JsonNode approval) {
        String decision = approval.path("decision").asText("");
        return decision.isBlank() ? "none" : decision.strip().toLowerCase(Locale.ROOT);
    }

    /** "by alice" and ": note", as far as the approval says them. */
    static String byAndNote(JsonNode approval) {
        String by = approval.path("by").asText("");
        String note = approval.path("note").asText("");
        return (by.isBlank() ? "" : " by " + by) + (note.isBlank() ? "" : " (" + note.strip() + ")");
    }

    static ObjectNode objectNode() {
        return JSON.objectNode();
    }

    /** A number as people write it: 82.4, 3, −0.5. */
    static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        String text = rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
        return text.replace('-', '−');
    }
}
