package com.fitnesscrm.orchestrator.progress;

import java.util.Map;

/** A trainer's analysis: the recorded run's report (narrative from the LLM when configured) and the chart series. */
public record TrainerAnalysis(long runId, String engine, ProgressReport report,
                             Map<Metric, ProgressAnalysis.Series> series) {
}
