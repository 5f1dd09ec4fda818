package com.fitnesscrm.orchestrator.health;

/**
 * {@link SelfHealingPolicy#use} for tests outside this package (the workflows' {@code incident_triage}), which flip
 * {@code SELF_HEALING} for a while as {@code SelfHealingIT} does rather than start a Spring context of their own.
 */
public final class SelfHealingPolicies {

    private SelfHealingPolicies() {
    }

    /** From now on {@code mode} and {@code maxPerHour}, with the cool-down as it is; call again to restore. */
    public static void use(SelfHealingPolicy policy, SelfHealingMode mode, int maxPerHour) {
        policy.use(mode, maxPerHour, policy.coolDown());
    }
}
