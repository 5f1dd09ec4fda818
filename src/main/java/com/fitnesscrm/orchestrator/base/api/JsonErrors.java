package com.fitnesscrm.orchestrator.base.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in the caller's words: where the JSON broke and why, without the parser's own vocabulary
 * ({@code JsonReadFeature.ALLOW_…}, {@code StreamReadConstraints.getMaxNestingDepth()}, "[Source: REDACTED …]"),
 * which means nothing to a caller and names our internals.
 */
final class JsonErrors {

    static final String MALFORMED = "Malformed JSON";

    /** "(start marker at [Source: REDACTED (…); line: 1, column: 1])" → "(opened at line 1, column 1)". */
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source:.*?line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern ENABLE_HINT = Pattern.compile("[:;,]?\\s*(?:enable|consider enabling)\\s+`[^`]*`.*$");
    private static final Pattern FEATURE_HINT = Pattern.compile("\\s*\\((?:not recognized as one since )?Feature[^)]*"
            + "\\)\\)?");
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final Pattern INTERNAL = Pattern.compile("(?i)\\b[\\w.]*(?:Feature|Constraints|Source|REDACTED)"
            + "\\b[^,;:)]*");

    private JsonErrors() {
    }

    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() <= 0 ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr();
        return MALFORMED + where + " (the body is not valid JSON): " + reason(e.getOriginalMessage());
    }

    static String reason(String message) {
        if (message == null || message.isBlank()) {
            return "the body cannot be read as JSON.";
        }
        String text = message.lines().findFirst().orElse("").strip();
        text = START_MARKER.matcher(text).replaceAll(" (opened at line $1, column $2)");
        text = ENABLE_HINT.matcher(text).replaceAll("");
        text = FEATURE_HINT.matcher(text).replaceAll("");
        text = BACKTICKED.matcher(text).replaceAll("");
        text = INTERNAL.matcher(text).replaceAll("");
        text = text.replaceAll("\\s+", " ").strip();
        if (text.endsWith(":")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            return "the body cannot be read as JSON.";
        }
        return text.endsWith(".") ? text : text + ".";
    }

    /** The parser's limit behind {@code e}, if a limit (depth, number length) is what stopped it. */
    static StreamConstraintsException limit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }
}
