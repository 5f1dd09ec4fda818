package com.fitnesscrm.orchestrator.metrics;

import com.fitnesscrm.orchestrator.base.Coded;

/**
 * One roll-up's {@code metric_type}, as the original service's table names it. Counts are of runs requested in the
 * period ({@code started_at}); rates are 0–1 and absent (no row) when nothing was there to count; times are in
 * seconds, as the original {@code execution_time}.
 */
public enum MetricType implements Coded {
    /** Runs that finished (succeeded, failed or timed out); a caller's invalid input ({@code rejected}) is not one. */
    RUNS,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    /** A caller's invalid input: counted apart, never a failure of the agent. */
    REJECTED,
    /** {@code succeeded / runs}. */
    SUCCESS_RATE,
    AVG_TIME,
    P50_TIME,
    P95_TIME,
    P99_TIME,
    TOKENS_IN,
    TOKENS_OUT,
    /** US dollars of the priced runs. */
    COST,
    /** Runs that used a model without a known price: their cost is not in {@link #COST}. */
    UNPRICED_RUNS,
    /** Runs answered by the LLM (first answer or repaired). */
    LLM_RUNS,
    /** Share of the runs that fell back to the rules after the LLM failed (a {@code fallback} step), of all runs. */
    FALLBACK_RATE,
    /** Share of the runs answered from the response cache. */
    CACHE_HIT_RATE,
    /** Votes given on the period's runs. */
    VOTES,
    /** Share of the votes that say {@code helpful}. */
    HELPFUL_RATE,
    /** Votes that say {@code helpful}: with {@link #VOTES}, what a longer range's helpfulness is summed from. */
    HELPFUL_VOTES
}
