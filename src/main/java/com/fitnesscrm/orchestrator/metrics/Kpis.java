package com.fitnesscrm.orchestrator.metrics;

import java.math.BigDecimal;

/**
 * The dashboard's key figures over a range, combined from its roll-ups (percentiles from the periods' duration
 * histograms, not averaged). A rate or time is null when there was nothing to measure.
 *
 * @param llmShare    share of the runs answered by the LLM (the rest by the rules or the cache)
 * @param helpfulRate share of the votes that say helpful; {@code votes} how many there were
 */
public record Kpis(long runs, long succeeded, long failed, long timedOut, long rejected, Double successRate,
                   Double p50Seconds, Double p95Seconds, BigDecimal cost, long unpricedRuns, Double costPerRun,
                   long tokensIn, long tokensOut, Double llmShare, Double helpfulRate, long votes) {
}
