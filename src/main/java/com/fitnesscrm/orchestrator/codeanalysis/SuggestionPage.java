package com.fitnesscrm.orchestrator.codeanalysis;

import java.util.List;

/** One page of suggestions, newest first, with how many match the filter. */
public record SuggestionPage(List<CodeSuggestion> suggestions, long total, int page, int perPage) {
}
