package com.fitnesscrm.orchestrator.workflows.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.ui.JsonView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a trainer reads of a {@code client_check_in} run's output: the {@code summary} node's text, and the sessions it
 * lists. The output is the run's final state, each finished node's output under {@code nodes.<id>.output}; the
 * summary's own output ({@code {summary, sessions, ...}}) and outputs keyed by node id are read too, so that a
 * definition with an {@code output} template of its own still shows.
 */
final class CheckInOutput {

    static final String SUMMARY_NODE = "summary";

    private CheckInOutput() {
    }

    /** Where the summary's output may be, most specific first. */
    private static List<JsonNode> candidates(JsonNode output) {
        if (output == null || !output.isObject()) {
            return List.of();
        }
        return List.of(output.path("nodes").path(SUMMARY_NODE).path("output"), output.path(SUMMARY_NODE), output);
    }

    /** The summary's text, if the run has got that far. */
    static Optional<String> summaryText(JsonNode output) {
        for (JsonNode candidate : candidates(output)) {
            if (candidate.isTextual()) {
                return Optional.of(candidate.textValue());
            }
            if (candidate.path(SUMMARY_NODE).isTextual()) {
                return Optional.of(candidate.path(SUMMARY_NODE).textValue());
            }
        }
        return Optional.empty();
    }

    /** The summary's text when the node wrote one; else the output as indented JSON. */
    static String summary(JsonNode output) {
        if (output == null || output.isNull()) {
            return "No output yet.";
        }
        return summaryText(output).orElseGet(() -> JsonView.pretty(output));
    }

    /**
     * The proposed sessions: the summary's {@code sessions} ({@code check_in_summary} lists them as
     * {@code {start, end, show_probability}}); else the first node output holding Scheduling Intelligence's
     * {@code suggestions}.
     */
    static List<JsonNode> sessions(JsonNode output) {
        JsonNode listed = candidates(output).stream().map(candidate -> candidate.path("sessions"))
                .filter(JsonNode::isArray).findFirst().orElse(null);
        if (listed == null && output != null) {
            List<JsonNode> outputs = new ArrayList<>();
            output.path("nodes").forEach(node -> outputs.add(node.path("output")));
            output.forEach(outputs::add);
            listed = outputs.stream().map(node -> node.path("suggestions")).filter(JsonNode::isArray).findFirst()
                    .orElse(null);
        }
        List<JsonNode> sessions = new ArrayList<>();
        if (listed != null) {
            listed.forEach(sessions::add);
        }
        return sessions;
    }

    /** A session's time as a trainer reads it: {@code 2026-12-08T07:00} as {@code 2026-12-08 07:00}. */
    static String time(JsonNode session, String field) {
        return session.path(field).asText("").replace('T', ' ');
    }

    /** The chance the client shows up, as a percentage, or blank when the scheduler gave none. */
    static String showUp(JsonNode session) {
        JsonNode probability = session.path("show_probability");
        return probability.isNumber() ? Math.round(probability.doubleValue() * 100) + " %" : "";
    }
}
