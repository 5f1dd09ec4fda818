package com.fitnesscrm.orchestrator.health;

import java.time.Instant;

/**
 * What every signed-in user may know of the system's state: whether it works, its version and whether an LLM
 * provider is configured. Hosts, ports, error texts and instance ids stay in {@link SystemStatus}, for admins.
 */
public record SystemSummary(boolean databaseReachable, boolean schedulerRunning, String version,
                            SystemStatus.Llm llm, Instant checkedAt) {

    public boolean healthy() {
        return databaseReachable && schedulerRunning;
    }
}
