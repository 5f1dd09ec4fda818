package com.fitnesscrm.orchestrator.codeanalysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * The Code Analyzer's answer, as the main backend's CI script and error handler read it under
 * {@code results.code_analysis}.
 *
 * @param issues        what was found in the code (none for an error or a log)
 * @param errorGroup    the error's group, for an error (for a log: its first error)
 * @param errorGroups   every error of a log, one group each, in the order they appear; absent otherwise
 * @param likelyCause   for an error, what the rules (or the LLM) say happened
 * @param suggestedFix  for an error, what to change
 * @param notes         what the reader should know about the analysis itself (an unknown language, PMD could not
 *                      parse)
 * @param language      the language the rules were chosen for
 * @param suggestionIds the rows of {@code ai_code_suggestions} this run wrote or counted up, one per finding
 * @param engine        {@code rules}, or {@code llm} when the LLM layer explained the findings
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeAnalysisOutput(List<CodeIssue> issues, ErrorGroup errorGroup, List<ErrorGroup> errorGroups,
                                 String likelyCause, String suggestedFix, List<String> notes, String language,
                                 List<Long> suggestionIds, String engine) {

    public static final String RULES = "rules";
    public static final String LLM = "llm";

    /**
     * One error group as the error handler reads it; {@code first_seen}, {@code last_seen} and {@code count} are
     * the stored group's, this occurrence counted.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorGroup(String fingerprint, String title, String exceptionType,
                             List<ErrorAnalysis.Frame> inAppFrames, Instant firstSeen, Instant lastSeen, long count,
                             String likelyCause, String suggestedFix, String causeRule) {
    }

    public CodeAnalysisOutput withEngine(String engine) {
        return new CodeAnalysisOutput(issues, errorGroup, errorGroups, likelyCause, suggestedFix, notes, language,
                suggestionIds, engine);
    }
}
