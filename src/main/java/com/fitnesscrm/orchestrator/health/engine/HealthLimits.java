package com.fitnesscrm.orchestrator.health.engine;

import java.time.Duration;

/**
 * The thresholds that are the same for every deployment unless configured: where a number turns a component into a
 * warning or critical. {@link #DEFAULTS} are the and common practice's.
 *
 * @param diskWarningPercent  free space below which a disk is a warning (15)
 * @param diskCriticalPercent free space below which it is critical (5)
 */
public record HealthLimits(double diskWarningPercent, double diskCriticalPercent, Duration databaseSlow,
                           double poolSaturationWarning, double heapWarning, double heapCritical,
                           double gcShareWarning, double gcShareCritical, Duration backlogWarning,
                           Duration backlogCritical, double llmErrorRateWarning, double llmErrorRateCritical,
                           double llmRateLimitedWarning, int llmMinCalls, Duration llmSlow,
                           Duration mainBackendSlow, Duration mainBackendTimeout, Duration crmSlow) {

    public static final HealthLimits DEFAULTS = new HealthLimits(15, 5, Duration.ofMillis(500), 0.8, 0.85, 0.95,
            0.10, 0.25, Duration.ofMinutes(5), Duration.ofMinutes(15), 0.20, 0.50, 0.10, 5, Duration.ofSeconds(20),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1));

    public HealthLimits withDisk(double warningPercent, double criticalPercent) {
        return new HealthLimits(warningPercent, criticalPercent, databaseSlow, poolSaturationWarning, heapWarning,
                heapCritical, gcShareWarning, gcShareCritical, backlogWarning, backlogCritical, llmErrorRateWarning,
                llmErrorRateCritical, llmRateLimitedWarning, llmMinCalls, llmSlow, mainBackendSlow,
                mainBackendTimeout, crmSlow);
    }
}
