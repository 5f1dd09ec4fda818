package com.fitnesscrm.orchestrator.codeanalysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One finding, in the shape the main backend's CI script reads. A secret never appears in it whole: the engine
 * redacts it in {@code description} and {@code snippet} before the issue exists.
 *
 * @param issueType   e.g. {@code sql_injection} (see {@code IssueType} in the engine for the vocabulary)
 * @param category    {@code security | bug | performance | style}
 * @param severity    {@code low | medium | high | critical}
 * @param line        1-based line of the code the issue points at
 * @param ruleId      the rule that found it, e.g. {@code py.sql.string-built} or {@code pmd.EmptyCatchBlock}
 * @param fingerprint stable across line moves: file, rule and the offending line's text, hashed
 * @param snippet     the offending line, redacted
 * @param source      {@code rules}, or {@code llm} for a finding the LLM layer added on its own
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeIssue(String issueType, String category, String severity, int line, String description,
                        String suggestion, String ruleId, String fingerprint, String snippet, String source) {

    public static final String RULES = "rules";
    public static final String LLM = "llm";
}
