package com.fitnesscrm.orchestrator.health;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Self-healing's settings as they hold now: {@code SELF_HEALING}, the hourly limit per kind and the rules-only
 * cool-down, read from {@link HealthSettings} at startup. Held here rather than read from the settings at each
 * check so that a test can change them for a while without a Spring context of its own.
 */
@Component
public class SelfHealingPolicy {

    private volatile SelfHealingMode mode;
    private volatile int maxPerHour;
    private volatile Duration coolDown;

    SelfHealingPolicy(HealthSettings settings) {
        this.mode = settings.selfHealingMode();
        this.maxPerHour = settings.selfHealingMaxPerHour();
        this.coolDown = Duration.ofMinutes(settings.selfHealingCoolDownMinutes());
    }

    public SelfHealingMode mode() {
        return mode;
    }

    /** Remediations of one kind (done or, in a dry run, logged) in any hour, at most. */
    public int maxPerHour() {
        return maxPerHour;
    }

    /** How long an agent whose LLM layer keeps failing answers from its rules before a probe. */
    public Duration coolDown() {
        return coolDown;
    }

    /** For tests: the mode, limit and cool-down from now on. */
    void use(SelfHealingMode mode, int maxPerHour, Duration coolDown) {
        this.mode = mode;
        this.maxPerHour = maxPerHour;
        this.coolDown = coolDown;
    }
}
