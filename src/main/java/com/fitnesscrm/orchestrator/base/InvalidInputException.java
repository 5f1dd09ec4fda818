package com.fitnesscrm.orchestrator.base;

/**
 * Input that breaks a rule: a config value out of range, an unknown task type, a field the agent cannot read. The
 * REST facade answers 422 naming {@link #field()}; views show the message at that field.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input the message is about, as a JSON path such as {@code config.temperature} or {@code input.goal}. */
    public String field() {
        return field;
    }

    /** Extra members for the problem+json answer, e.g. the id of the run that was recorded as refused. */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }

    /** The same fault, its field placed under {@code parent} (e.g. {@code temperature} → {@code config.temperature}). */
    public InvalidInputException under(String parent) {
        return new InvalidInputException(field == null || field.isEmpty() ? parent : parent + "." + field,
                getMessage());
    }
}
