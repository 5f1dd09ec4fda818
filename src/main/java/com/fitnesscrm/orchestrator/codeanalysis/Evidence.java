package com.fitnesscrm.orchestrator.codeanalysis;

import java.time.Instant;

/**
 * What produced a suggestion: a run ({@code runId}), an error group ({@code errorGroupId}, its title and count), or
 * both.
 */
public record Evidence(Long runId, Long errorGroupId, String errorTitle, Long errorCount, Instant seenAt) {
}
