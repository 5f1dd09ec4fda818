package com.fitnesscrm.orchestrator.codeanalysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSource.AnalysisType;
import java.util.Locale;

/**
 * Reads the Code Analyzer's three inputs: code {@code {code, file_path, language?, analysis_type?}}, an error
 * {@code {error, stack_trace, context?, type?, language?}}, or a log {@code {log}}. A fault names its field.
 */
public final class CodeAnalysisInputReader {

    /**
     * The most one text field may hold (characters). Over HTTP a body over 1 MB is refused with 413 before it is
     * read ({@code RequestSizeLimitFilter}); this limit holds for the views and for runs read back.
     */
    public static final int MAX_TEXT = 1024 * 1024;
    private static final int MAX_SHORT = 500;
    /** Set by {@code POST /api/errors} on the run it starts: the occurrence is counted already. */
    public static final String COUNTED = "error_group_counted";

    private CodeAnalysisInputReader() {
    }

    public static CodeAnalysisInput read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("input", "The input is an object: {code, file_path}, {error, "
                    + "stack_trace} or {log}.");
        }
        if (json.hasNonNull("code")) {
            return CodeAnalysisInput.of(code(json));
        }
        if (json.hasNonNull("error") || json.hasNonNull("stack_trace")) {
            return CodeAnalysisInput.of(error(json), context(json.get("context")),
                    json.path(COUNTED).asBoolean(false));
        }
        if (json.hasNonNull("log")) {
            return CodeAnalysisInput.ofLog(text(json, "log", MAX_TEXT, true));
        }
        throw new InvalidInputException("code", "Send code to review ({code, file_path, language?, "
                + "analysis_type?}), an error ({error, stack_trace, context?, type?, language?}) or a log ({log}).");
    }

    private static CodeSource code(JsonNode json) {
        String code = text(json, "code", MAX_TEXT, false);
        String path = text(json, "file_path", MAX_SHORT, true);
        String languageName = text(json, "language", 50, false);
        Language language = languageName == null || languageName.isBlank() ? Language.fromPath(path)
                : Language.find(languageName).orElse(Language.UNKNOWN);
        String type = text(json, "analysis_type", 50, false);
        AnalysisType analysisType = AnalysisType.COMPREHENSIVE;
        if (type != null && !type.isBlank()) {
            analysisType = Coded.find(AnalysisType.class, type.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new InvalidInputException("analysis_type", "'" + type + "' is not an "
                            + "analysis type (" + Coded.codes(AnalysisType.class) + ")."));
        }
        return new CodeSource(code, path.strip(), language, analysisType);
    }

    private static ErrorSource error(JsonNode json) {
        String error = text(json, "error", MAX_TEXT, true);
        if (!json.has("stack_trace")) {
            throw new InvalidInputException("stack_trace", "'stack_trace' is required: the traceback as printed "
                    + "(it may be empty when there is none).");
        }
        String trace = text(json, "stack_trace", MAX_TEXT, false);
        String type = text(json, "type", MAX_SHORT, false);
        String languageName = text(json, "language", 50, false);
        Language language = languageName == null || languageName.isBlank() ? null
                : Language.find(languageName).orElse(null);
        return new ErrorSource(error, trace == null ? "" : trace, type == null || type.isBlank() ? null : type.strip(),
                language);
    }

    private static String context(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isTextual() ? node.asText() : node.toString();
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("context", "'context' may hold at most " + MAX_TEXT + " characters.");
        }
        return text;
    }

    private static String text(JsonNode json, String field, int max, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidInputException(field, "'" + field + "' is required.");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "'" + field + "' must be a text.");
        }
        String text = node.asText();
        if (required && text.isBlank()) {
            throw new InvalidInputException(field, "'" + field + "' must not be empty.");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field, "'" + field + "' may hold at most " + max + " characters; it has "
                    + text.length() + ".");
        }
        return text;
    }
}
