package com.fitnesscrm.orchestrator.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads a {@code health_check} run's input. Lenient where the main backend is concerned: its {@code timestamp} may be
 * any text or number, and fields it may add later are ignored. Strict where a mistake would mislead: an unknown
 * component name is refused rather than silently reported as nothing.
 */
final class HealthCheckInputReader {

    private HealthCheckInputReader() {
    }

    static HealthCheckInput read(JsonNode input) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return new HealthCheckInput(null, Set.of());
        }
        if (!input.isObject()) {
            throw new InvalidInputException("", "The input must be a JSON object, e.g. {\"timestamp\": \"…\"}.");
        }
        String timestamp = null;
        JsonNode time = input.get("timestamp");
        if (time != null && !time.isNull()) {
            if (!time.isTextual() && !time.isNumber()) {
                throw new InvalidInputException("timestamp", "'timestamp' must be a date-time text or a number.");
            }
            timestamp = time.asText();
            if (timestamp.length() > 100) {
                throw new InvalidInputException("timestamp", "'timestamp' may be at most 100 characters.");
            }
        }
        Set<String> components = new LinkedHashSet<>();
        JsonNode scope = input.get("components");
        if (scope != null && !scope.isNull()) {
            if (!scope.isArray()) {
                throw new InvalidInputException("components", "'components' must be a list of component names: "
                        + String.join(", ", HealthCheckInput.COMPONENTS) + ".");
            }
            for (JsonNode name : scope) {
                if (!name.isTextual() || !HealthCheckInput.COMPONENTS.contains(name.asText())) {
                    throw new InvalidInputException("components", "Unknown component " + name + "; the components "
                            + "are " + String.join(", ", HealthCheckInput.COMPONENTS) + ".");
                }
                components.add(name.asText());
            }
        }
        return new HealthCheckInput(timestamp, components);
    }
}
