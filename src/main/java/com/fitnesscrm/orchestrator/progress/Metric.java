package com.fitnesscrm.orchestrator.progress;

import com.fitnesscrm.orchestrator.base.Numbers;
import com.fitnesscrm.orchestrator.base.Coded;
import java.util.Arrays;
import java.util.Optional;

/**
 * A body measurement the Progress Monitor analyses, in the unit its output uses. The safe rates are what the engine
 * assumes when no trend can be measured (one reading and a goal); docs/decisions/0009-progress-monitor.md says where
 * each comes from.
 *
 * @param code          the output's key and the input field, e.g. {@code weight_kg}
 * @param safeLossSlow  the slow end of a safe weekly decrease, in units (or in % of the value when {@code relative})
 * @param safeLossFast  the fast end of a safe weekly decrease
 * @param safeGainSlow  the slow end of a safe weekly increase
 * @param safeGainFast  the fast end of a safe weekly increase
 * @param anomalyFloor  the smallest robust spread the anomaly test assumes, so a day-to-day swing that is normal
 *                      (about a kilo of water for body weight) is never called an anomaly in a very smooth series
 */
public enum Metric implements Coded {
    WEIGHT_KG("weight_kg", "kg", "weight", true, 0.5, 1.0, 0.25, 0.5, 0.45),
    BODY_FAT_PCT("body_fat_pct", "%", "body fat", false, 0.2, 0.5, 0.1, 0.25, 0.3),
    MUSCLE_MASS_KG("muscle_mass_kg", "kg", "muscle mass", false, 0.05, 0.2, 0.05, 0.2, 0.3),
    WAIST_CM("waist_cm", "cm", "waist", false, 0.25, 0.75, 0.1, 0.25, 0.4),
    HIPS_CM("hips_cm", "cm", "hips", false, 0.2, 0.5, 0.1, 0.25, 0.4),
    CHEST_CM("chest_cm", "cm", "chest", false, 0.1, 0.4, 0.05, 0.2, 0.4),
    ARM_CM("arm_cm", "cm", "arm", false, 0.05, 0.2, 0.03, 0.1, 0.2),
    THIGH_CM("thigh_cm", "cm", "thigh", false, 0.1, 0.4, 0.05, 0.15, 0.3),
    RESTING_HR("resting_hr", "bpm", "resting heart rate", false, 0.25, 1.0, 0.25, 1.0, 1.5);

    private final String code;
    private final String unit;
    private final String label;
    private final boolean relative;
    private final double safeLossSlow;
    private final double safeLossFast;
    private final double safeGainSlow;
    private final double safeGainFast;
    private final double anomalyFloor;

    Metric(String code, String unit, String label, boolean relative, double safeLossSlow, double safeLossFast,
           double safeGainSlow, double safeGainFast, double anomalyFloor) {
        this.code = code;
        this.unit = unit;
        this.label = label;
        this.relative = relative;
        this.safeLossSlow = safeLossSlow;
        this.safeLossFast = safeLossFast;
        this.safeGainSlow = safeGainSlow;
        this.safeGainFast = safeGainFast;
        this.anomalyFloor = anomalyFloor;
    }

    @Override
    public String code() {
        return code;
    }

    public String unit() {
        return unit;
    }

    /** The plain-language name, e.g. "body fat". */
    public String label() {
        return label;
    }

    /**
     * The safe weekly change in units, slow end first, for a client at {@code current} moving {@code direction}
     * (−1 down, +1 up).
     */
    public double[] safeWeeklyRate(double current, int direction) {
        double slow = direction < 0 ? safeLossSlow : safeGainSlow;
        double fast = direction < 0 ? safeLossFast : safeGainFast;
        return relative ? new double[] {slow / 100 * current, fast / 100 * current} : new double[] {slow, fast};
    }

    /** The safe-rate range as words, for the note that says the dates are assumptions. */
    public String safeRateText(int direction) {
        double slow = direction < 0 ? safeLossSlow : safeGainSlow;
        double fast = direction < 0 ? safeLossFast : safeGainFast;
        String range = Numbers.plain(slow) + "–" + Numbers.plain(fast);
        return relative ? range + "% of body " + label + " a week" : range + " " + unit + " a week";
    }

    /** The smallest jump from the trend counted as an anomaly at this level (the engine flags anomalies with it). */
    public double anomalyFloor(double level) {
        // Relative for body weight: a 45 kg and a 140 kg client do not swing by the same kilos of water.
        return relative ? anomalyFloor / 80 * level : anomalyFloor;
    }

    /** The metric an output key or an input field names, e.g. {@code weight_kg}, {@code weight}, {@code body_fat}. */
    public static Optional<Metric> byName(String name) {
        String key = name == null ? "" : name.strip().toLowerCase();
        return Arrays.stream(values()).filter(metric -> metric.code.equals(key)
                || metric.code.substring(0, metric.code.lastIndexOf('_')).equals(key)
                || metric.label.replace(' ', '_').equals(key)).findFirst();
    }
}
