package com.fitnesscrm.orchestrator.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often the runs are rolled up.
 *
 * @param rollupIntervalSeconds {@code METRICS_ROLLUP_INTERVAL_SECONDS}: between two roll-ups (300)
 */
@ConfigurationProperties("orchestrator.metrics")
public record MetricsSettings(Integer rollupIntervalSeconds) {

    public MetricsSettings {
        rollupIntervalSeconds = rollupIntervalSeconds == null || rollupIntervalSeconds < 1 ? 300
                : rollupIntervalSeconds;
    }
}
