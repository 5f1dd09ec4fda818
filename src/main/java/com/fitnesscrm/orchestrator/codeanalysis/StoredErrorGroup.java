package com.fitnesscrm.orchestrator.codeanalysis;

import java.time.Instant;
import java.util.List;

/**
 * An error group as stored, for the Errors view: its identity, counts, the rules' explanation and its first trace
 * (at most 16 KB, secrets redacted).
 *
 * @param lastRunId the analysis run last started for it, {@code null} before one
 */
public record StoredErrorGroup(long id, String fingerprint, String title, String exceptionType,
                               List<ErrorAnalysis.Frame> inAppFrames, long count, Instant firstSeen, Instant lastSeen,
                               String likelyCause, String suggestedFix, String sampleTrace, Long lastRunId) {
}
