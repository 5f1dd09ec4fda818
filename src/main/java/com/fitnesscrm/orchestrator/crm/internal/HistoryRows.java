package com.fitnesscrm.orchestrator.crm.internal;

import com.fitnesscrm.orchestrator.crm.CrmHistory.Reading;
import com.fitnesscrm.orchestrator.crm.CrmHistory.Source;
import com.fitnesscrm.orchestrator.crm.CrmMetric;
import com.fitnesscrm.orchestrator.crm.CrmUnits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of {@code measurements} and {@code progress_records} as readings in canonical units. {@code muscle_mass} is in
 * the row's {@code weight_unit} (the main backend's form has one unit field for both); left and right girths become
 * their mean. Zero, negative and impossible values (a body fat of 100 % or more) are what a form leaves behind, not
 * measurements, and are skipped.
 */
final class HistoryRows {

    private HistoryRows() {
    }

    /** A {@code measurements} row's values, by column name (null where not measured). */
    record Measurement(LocalDate date, Double weight, String weightUnit, Double bodyFat, Double muscleMass,
                       Double chest, Double waist, Double hips, Double thighLeft, Double thighRight, Double armLeft,
                       Double armRight, Double calfLeft, Double calfRight, String measurementUnit,
                       Double restingHeartRate) {
    }

    static List<Reading> readings(Measurement row) {
        List<Reading> readings = new ArrayList<>();
        Source source = Source.MEASUREMENTS;
        String massUnit = unitOr(row.weightUnit(), "kg");
        String lengthUnit = unitOr(row.measurementUnit(), "cm");
        if (valid(row.weight())) {
            add(readings, row.date(), CrmMetric.WEIGHT_KG, CrmUnits.weightKg(row.weight(), massUnit), source,
                    row.weight(), massUnit);
        }
        if (valid(row.bodyFat()) && row.bodyFat() < 100) {
            add(readings, row.date(), CrmMetric.BODY_FAT_PCT, row.bodyFat(), source, row.bodyFat(), "%");
        }
        if (valid(row.muscleMass())) {
            add(readings, row.date(), CrmMetric.MUSCLE_MASS_KG, CrmUnits.weightKg(row.muscleMass(), massUnit), source,
                    row.muscleMass(), massUnit);
        }
        length(readings, row.date(), CrmMetric.CHEST_CM, lengthUnit, row.chest());
        length(readings, row.date(), CrmMetric.WAIST_CM, lengthUnit, row.waist());
        length(readings, row.date(), CrmMetric.HIPS_CM, lengthUnit, row.hips());
        length(readings, row.date(), CrmMetric.THIGH_CM, lengthUnit, row.thighLeft(), row.thighRight());
        length(readings, row.date(), CrmMetric.ARM_CM, lengthUnit, row.armLeft(), row.armRight());
        length(readings, row.date(), CrmMetric.CALF_CM, lengthUnit, row.calfLeft(), row.calfRight());
        if (valid(row.restingHeartRate())) {
            add(readings, row.date(), CrmMetric.RESTING_HR, row.restingHeartRate(), source, row.restingHeartRate(),
                    "bpm");
        }
        return readings;
    }

    /** A {@code progress_records} row: no unit column, so kg (the main backend stores kg there). */
    static List<Reading> progressRecord(LocalDate date, Double weight, Double bodyFat) {
        List<Reading> readings = new ArrayList<>();
        if (valid(weight)) {
            add(readings, date, CrmMetric.WEIGHT_KG, weight, Source.PROGRESS_RECORDS, weight, "kg");
        }
        if (valid(bodyFat) && bodyFat < 100) {
            add(readings, date, CrmMetric.BODY_FAT_PCT, bodyFat, Source.PROGRESS_RECORDS, bodyFat, "%");
        }
        return readings;
    }

    private static void length(List<Reading> readings, LocalDate date, CrmMetric metric, String unit, Double... sides) {
        double sum = 0;
        int n = 0;
        for (Double side : sides) {
            if (valid(side)) {
                sum += side;
                n++;
            }
        }
        if (n > 0) {
            double recorded = sum / n;
            add(readings, date, metric, CrmUnits.lengthCm(recorded, unit), Source.MEASUREMENTS, recorded, unit);
        }
    }

    private static void add(List<Reading> readings, LocalDate date, CrmMetric metric, double value, Source source,
                            double recorded, String unit) {
        readings.add(new Reading(date, metric, Math.round(value * 1000) / 1000.0, source, recorded, unit));
    }

    private static boolean valid(Double value) {
        return value != null && Double.isFinite(value) && value > 0;
    }

    private static String unitOr(String unit, String fallback) {
        return unit == null || unit.isBlank() ? fallback : unit.strip();
    }
}
