package com.fitnesscrm.orchestrator.health.engine;

import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component's judgement being built: each finding raises the status to at least its own and adds its sentence; the
 * message is the findings of the worst status (a critical finding is not drowned by warnings), or the healthy text.
 */
final class Verdict {

    private final String component;
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    private record Finding(HealthStatus status, String sentence) {
    }

    Verdict(String component) {
        this.component = component;
    }

    Verdict metric(String name, Object value) {
        metrics.put(name, value);
        return this;
    }

    void warning(String sentence) {
        findings.add(new Finding(HealthStatus.WARNING, sentence));
    }

    void critical(String sentence) {
        findings.add(new Finding(HealthStatus.CRITICAL, sentence));
    }

    void add(HealthStatus status, String sentence) {
        if (status != HealthStatus.HEALTHY) {
            findings.add(new Finding(status, sentence));
        }
    }

    HealthStatus status() {
        return HealthStatus.worst(findings.stream().map(Finding::status).toList());
    }

    ComponentHealth done(String healthyMessage) {
        HealthStatus status = status();
        String message = status == HealthStatus.HEALTHY ? healthyMessage
                : String.join(" ", findings.stream().filter(f -> f.status() == status).map(Finding::sentence)
                .toList());
        return new ComponentHealth(component, status, message, metrics);
    }

    static Double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    static Long millis(java.time.Duration duration) {
        return duration == null ? null : duration.toMillis();
    }

    static String percent(double share) {
        return (Math.round(share * 1000) / 10.0) + " %";
    }
}
