package com.fitnesscrm.orchestrator.progress;

import com.fitnesscrm.orchestrator.base.Numbers;
import java.util.Map;

/**
 * The values a measurement can plausibly take, in the metric's unit: wider than any client a gym will see (the
 * heaviest people on record are near 600 kg, but a scale in a gym stops at 300–400 kg), narrow enough that a typo
 * (a weight in grams, a goal of 9223372036854775807) is refused with the range instead of sending the engine's
 * arithmetic past what a date can hold. docs/decisions/0011-hostile-input.md lists them.
 */
record PlausibleRange(double min, double max) {

    private static final Map<Metric, PlausibleRange> RANGES = Map.of(
            Metric.WEIGHT_KG, new PlausibleRange(20, 400),
            Metric.BODY_FAT_PCT, new PlausibleRange(2, 75),
            Metric.MUSCLE_MASS_KG, new PlausibleRange(5, 200),
            Metric.WAIST_CM, new PlausibleRange(30, 250),
            Metric.HIPS_CM, new PlausibleRange(40, 250),
            Metric.CHEST_CM, new PlausibleRange(40, 250),
            Metric.ARM_CM, new PlausibleRange(10, 100),
            Metric.THIGH_CM, new PlausibleRange(20, 150),
            Metric.RESTING_HR, new PlausibleRange(20, 220));

    /** A lift's load: 0 (body weight only) to beyond the deadlift world record. */
    static final PlausibleRange LOAD_KG = new PlausibleRange(0, 700);
    /** Repetitions in one set. */
    static final int MAX_REPS = 100;

    static PlausibleRange of(Metric metric) {
        return RANGES.get(metric);
    }

    boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** "20–400 kg", and the same range in the caller's unit when the field was in pounds or inches. */
    String text(String unit, double factor, String fieldUnit) {
        String range = Numbers.plain(min) + "–" + Numbers.plain(max) + " " + unit;
        if (factor == 1) {
            return range;
        }
        return range + " (" + Numbers.plain(Numbers.round(min / factor, 1)) + "–"
                + Numbers.plain(Numbers.round(max / factor, 1)) + " " + fieldUnit + ")";
    }
}
