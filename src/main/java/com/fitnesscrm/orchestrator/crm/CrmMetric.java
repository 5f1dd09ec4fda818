package com.fitnesscrm.orchestrator.crm;

import com.fitnesscrm.orchestrator.base.Coded;

/**
 * A body metric the CRM records, in the canonical unit its values are given in. The codes are the Progress
 * Monitor's metric codes, so {@code Metric.byName(code)} finds its counterpart ({@code calf_cm} has none yet).
 */
public enum CrmMetric implements Coded {
    WEIGHT_KG("weight_kg", "kg"),
    BODY_FAT_PCT("body_fat_pct", "%"),
    MUSCLE_MASS_KG("muscle_mass_kg", "kg"),
    CHEST_CM("chest_cm", "cm"),
    WAIST_CM("waist_cm", "cm"),
    HIPS_CM("hips_cm", "cm"),
    /** The mean of left and right where both are measured, else the one that is. */
    THIGH_CM("thigh_cm", "cm"),
    ARM_CM("arm_cm", "cm"),
    CALF_CM("calf_cm", "cm"),
    RESTING_HR("resting_hr", "bpm");

    private final String code;
    private final String unit;

    CrmMetric(String code, String unit) {
        this.code = code;
        this.unit = unit;
    }

    @Override
    public String code() {
        return code;
    }

    public String unit() {
        return unit;
    }
}
