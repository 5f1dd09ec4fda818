package com.fitnesscrm.orchestrator.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long runs keep their payloads.
 *
 * @param runDays         {@code RUN_RETENTION_DAYS}: a finished run older than this loses its input, output and steps
 *                        (90); its row, with status, timings, tokens and cost, stays, and so do the roll-ups
 * @param batchSize       runs trimmed per transaction (5,000), so the table is never locked for long
 * @param intervalSeconds between two trims (3,600); each trims at most {@code maxBatches} batches
 * @param maxBatches      batches per trim (20)
 */
@ConfigurationProperties("orchestrator.retention")
public record RetentionSettings(Integer runDays, Integer batchSize, Integer intervalSeconds, Integer maxBatches) {

    public RetentionSettings {
        runDays = runDays == null || runDays < 1 ? 90 : runDays;
        batchSize = batchSize == null || batchSize < 1 ? 5_000 : batchSize;
        intervalSeconds = intervalSeconds == null || intervalSeconds < 1 ? 3_600 : intervalSeconds;
        maxBatches = maxBatches == null || maxBatches < 1 ? 20 : maxBatches;
    }
}
