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
 * @param selfHealing         {@code SELF_HEALING}: {@code on} (default), {@code dry_run} or {@code off}; any other
 *                            value stops the app at startup with a message saying what is allowed
 * @param selfHealingMaxPerHour {@code SELF_HEALING_MAX_PER_HOUR}: remediations of one kind in any hour, at most (3)
 * @param selfHealingCoolDownMinutes {@code SELF_HEALING_COOL_DOWN_MINUTES}: how long an agent whose LLM layer keeps
 *                            failing answers from its rules before a probe may switch it back (10)
 */
@ConfigurationProperties("orchestrator.health")
public record HealthSettings(Integer intervalSeconds, Integer retentionDays, String mainAppHealthUrl,
                             List<String> diskPaths, Double diskWarningPercent, Double diskCriticalPercent,
                             String selfHealing, Integer selfHealingMaxPerHour, Integer selfHealingCoolDownMinutes) {

    public HealthSettings {
        intervalSeconds = intervalSeconds == null || intervalSeconds < 1 ? 300 : intervalSeconds;
        retentionDays = retentionDays == null || retentionDays < 1 ? 30 : retentionDays;
        mainAppHealthUrl = mainAppHealthUrl == null || mainAppHealthUrl.isBlank() ? null : mainAppHealthUrl.strip();
        diskPaths = diskPaths == null ? List.of() : diskPaths.stream().filter(p -> !p.isBlank()).toList();
        diskWarningPercent = diskWarningPercent == null ? 15.0 : diskWarningPercent;
        diskCriticalPercent = diskCriticalPercent == null ? 5.0 : diskCriticalPercent;
        SelfHealingMode.fromSetting(selfHealing); // refused here, at startup, rather than at the first check
        selfHealingMaxPerHour = selfHealingMaxPerHour == null || selfHealingMaxPerHour < 0 ? 3
                : selfHealingMaxPerHour;
        selfHealingCoolDownMinutes = selfHealingCoolDownMinutes == null || selfHealingCoolDownMinutes < 1 ? 10
                : selfHealingCoolDownMinutes;
    }

    public SelfHealingMode selfHealingMode() {
        return SelfHealingMode.fromSetting(selfHealing);
    }

    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }
}
