package com.fitnesscrm.orchestrator.metrics;

import com.fitnesscrm.orchestrator.base.Coded;
import java.time.Duration;

/** The length of a roll-up's period, as {@code ai_agent_metrics.period} stores it: {@code hour} or {@code day} (UTC). */
public enum MetricPeriod implements Coded {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration length;

    MetricPeriod(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }
}
