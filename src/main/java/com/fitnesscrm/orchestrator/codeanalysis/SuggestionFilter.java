package com.fitnesscrm.orchestrator.codeanalysis;

/**
 * Which suggestions to list; a {@code null} field does not filter. {@code filePath} matches a part of the path.
 */
public record SuggestionFilter(SuggestionStatus status, Severity severity, Category category, String filePath) {

    public static SuggestionFilter pending() {
        return new SuggestionFilter(SuggestionStatus.PENDING, null, null, null);
    }
}
