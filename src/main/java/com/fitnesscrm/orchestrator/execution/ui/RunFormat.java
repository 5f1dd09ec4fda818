package com.fitnesscrm.orchestrator.execution.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How runs read everywhere in the UI: costs, durations, times, statuses and payloads. */
final class RunFormat {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a run's input or output shows at most in the detail view. */
    static final int MAX_SHOWN_CHARS = 100_000;

    private RunFormat() {
    }

    /** "unpriced" when the model has no price (never "$0"), "—" when there is no cost yet, else dollars. */
    static String cost(BigDecimal costUsd, boolean unpriced) {
        if (unpriced) {
            return "unpriced";
        }
        return costUsd == null ? "—" : "$" + costUsd.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    static String seconds(Double seconds) {
        return seconds == null ? "—" : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    static String millis(double millis) {
        return millis < 1000 ? String.format(Locale.ROOT, "%.1f ms", millis)
                : String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }

    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    static String tokens(int in, int out) {
        return in + " in / " + out + " out";
    }

    static String orDash(Object value) {
        return value == null || value.toString().isBlank() ? "—" : value.toString();
    }

    /** A status as a coloured badge; its text is the status code, as the REST API and the database name it. */
    static Span statusBadge(RunStatus status) {
        Span badge = new Span(status.code());
        // Lumo's badge styles would need theme.json and an npm build (shared/STACK.md); styles.css has these.
        badge.addClassNames("status-badge", "status-badge-" + switch (status) {
            case SUCCEEDED -> "success";
            case FAILED, TIMED_OUT, BUDGET_EXCEEDED -> "error";
            case QUEUED, RUNNING -> "primary";
            case CANCELLED -> "neutral";
            case REJECTED, WAITING -> "warning";
        });
        return badge;
    }

    /** JSON indented for reading, in a {@code <pre>} whose text the browser shows as text, never as HTML. */
    static Pre json(JsonNode node) {
        Pre pre = new Pre(pretty(node));
        pre.addClassName("run-json");
        return pre;
    }

    static String pretty(JsonNode node) {
        if (node == null || node.isNull()) {
            return "—";
        }
        String text;
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            text = node.toString();
        }
        // A megabyte of input would be several of indented text in the browser: show the start, say the rest.
        if (text.length() > MAX_SHOWN_CHARS) {
            return text.substring(0, MAX_SHOWN_CHARS) + "\n… " + (text.length() - MAX_SHOWN_CHARS)
                    + " more characters, not shown here; GET /api/executions/{id} has the whole JSON.";
        }
        return text;
    }
}
