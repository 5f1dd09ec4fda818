package com.fitnesscrm.orchestrator.health;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.JsonCoded;
import com.fitnesscrm.orchestrator.base.StartupConfigurationException;

/** {@code SELF_HEALING}: whether the Health Checker heals what is safe to heal (docs/decisions/0021). */
public enum SelfHealingMode implements JsonCoded {
    /** Heals, and logs each remediation. The default. */
    ON,
    /** Logs what it would do, and does nothing. */
    DRY_RUN,
    /** Neither heals nor logs; the report's recommendations still say what a person could do. */
    OFF;

    /** The mode {@code value} names; an unknown one stops the app with a message saying what is allowed. */
    public static SelfHealingMode fromSetting(String value) {
        if (value == null || value.isBlank()) {
            return ON;
        }
        return Coded.find(SelfHealingMode.class, value).orElseThrow(() -> new StartupConfigurationException(
                "SELF_HEALING is '" + value.strip() + "', which is not a self-healing mode.",
                "Set SELF_HEALING to one of " + Coded.codes(SelfHealingMode.class) + " (default on), or unset it."));
    }
}
