package com.fitnesscrm.orchestrator.codeanalysis;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A row of {@code ai_code_suggestions}: the original service's columns ({@code file_path} … {@code resolved_at}) and
 * ours. One row per fingerprint, counted up each time a run finds it again.
 *
 * @param codeSnippet the offending line, secrets redacted
 * @param status      {@code pending | accepted | rejected | applied}; a row the original service wrote may hold a
 *                    word of its own
 * @param resolvedAt  when it left {@code pending}
 * @param reviewer    who last moved it
 * @param reopened    it had been applied and was found again
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CodeSuggestion(long id, String filePath, String issueType, String category, String severity,
                             Integer line, String description, String suggestion, String codeSnippet, String ruleId,
                             String fingerprint, String source, String status, long occurrences, Instant firstSeen,
                             Instant lastSeen, Instant createdAt, Instant resolvedAt, String reviewer, String note,
                             boolean reopened) {
}
