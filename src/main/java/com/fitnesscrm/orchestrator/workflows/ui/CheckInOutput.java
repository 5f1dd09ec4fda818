package com.fitnesscrm.orchestrator.workflows.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.ui.JsonView;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What a trainer reads of a {@code client_check_in} run's output, which holds each finished node's output under the
 * node's id: the {@code summary} node's text, and the sessions the scheduling node proposed.
 */
final class CheckInOutput {

    static final String SUMMARY_NODE = "summary";

    private CheckInOutput() {
    }

    /**
     * The summary's text when the node wrote one ({@code "summary": "..."} or {@code "summary": {"summary": "..."}});
     * else its output, or while there is none the whole output, as indented JSON.
     */
    static String summary(JsonNode output) {
        if (output == null || output.isNull()) {
            return "No output yet.";
        }
        JsonNode summary = output.get(SUMMARY_NODE);
        if (summary != null && summary.isTextual()) {
            return summary.textValue();
        }
        if (summary != null && summary.path(SUMMARY_NODE).isTextual()) {
            return summary.path(SUMMARY_NODE).textValue();
        }
        return JsonView.pretty(summary != null ? summary : output);
    }

    /**
     * The proposed sessions: the first node output holding a {@code week} plan or {@code suggestions} (Scheduling
     * Intelligence's answer), that part of it.
     */
    static Optional<JsonNode> sessions(JsonNode output) {
        if (output == null || !output.isObject()) {
            return Optional.empty();
        }
        for (String field : new String[] {"week", "suggestions"}) {
            for (Iterator<Map.Entry<String, JsonNode>> it = output.fields(); it.hasNext(); ) {
                JsonNode found = it.next().getValue().get(field);
                if (found != null && !found.isNull() && !found.isEmpty()) {
                    return Optional.of(found);
                }
            }
        }
        return Optional.empty();
    }
}
