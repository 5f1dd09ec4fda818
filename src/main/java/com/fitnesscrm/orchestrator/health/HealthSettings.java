package com.fitnesscrm.orchestrator.health;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the Health Checker is configured.
 *
 * @param intervalSeconds     {@code HEALTH_CHECK_INTERVAL_SECONDS}: between two scheduled checks (300)
 * @param retentionDays       {@code HEALTH_RETENTION_DAYS}: how long rows of {@code ai_system_health} are kept (30)
 * @param mainAppHealthUrl    {@code MAIN_APP_HEALTH_URL}: the main backend's health URL; empty: not checked
 * @param diskPaths           {@code HEALTH_DISK_PATHS}: folders whose disk is watched; empty: the embedded
 *                            database's folder ({@code ORCHESTRATOR_DATA_DIR}) and the logs' folder
 * @param diskWarningPercent  {@code HEALTH_DISK_WARNING_PERCENT}: free space below which a disk is a warning (15)
 * @param diskCriticalPercent {@code HEALTH_DISK_CRITICAL_PERCENT}: free space below which it is critical (5)
 */
@ConfigurationProperties("orchestrator.health")
public record HealthSettings(Integer intervalSeconds, Integer retentionDays, String mainAppHealthUrl,
                             List<String> diskPaths, Double diskWarningPercent, Double diskCriticalPercent) {

    public HealthSettings {
        intervalSeconds = intervalSeconds == null || intervalSeconds < 1 ? 300 : intervalSeconds;
        retentionDays = retentionDays == null || retentionDays < 1 ? 30 : retentionDays;
        mainAppHealthUrl = mainAppHealthUrl == null || mainAppHealthUrl.isBlank() ? null : mainAppHealthUrl.strip();
        diskPaths = diskPaths == null ? List.of() : diskPaths.stream().filter(p -> !p.isBlank()).toList();
        diskWarningPercent = diskWarningPercent == null ? 15.0 : diskWarningPercent;
        diskCriticalPercent = diskCriticalPercent == null ? 5.0 : diskCriticalPercent;
    }

    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }
}
