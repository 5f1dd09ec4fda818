package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One config field that differs between two versions. The values keep their JSON type (a temperature stays the number
 * 0.3, not the text "0.3"); {@link NullNode} when unset.
 */
public record AgentConfigChange(String field, JsonNode before, JsonNode after) {

    /** The earlier value as people read it: text without quotes, numbers as written, empty when unset. */
    public String beforeText() {
        return text(before);
    }

    /** The later value as people read it. */
    public String afterText() {
        return text(after);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
