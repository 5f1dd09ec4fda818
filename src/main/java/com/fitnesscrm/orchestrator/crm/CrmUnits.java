package com.fitnesscrm.orchestrator.crm;

import java.util.Locale;

/**
 * The CRM's units to canonical ones: {@code weight_unit} kg or lbs → kg, {@code measurement_unit} cm or inches → cm.
 * A missing unit is taken as the canonical one (the main backend's forms default to kg and cm); an unknown one too,
 * and {@link #isKnown} lets the caller say so.
 */
public final class CrmUnits {

    public static final double KG_PER_LB = 0.45359237;
    public static final double CM_PER_IN = 2.54;

    private CrmUnits() {
    }

    /** A mass in kilograms: {@code lbs}, {@code lb}, {@code pounds} are converted, anything else is kg. */
    public static double weightKg(double value, String unit) {
        return isPounds(unit) ? value * KG_PER_LB : value;
    }

    /** A length in centimetres: {@code in}, {@code inch}, {@code inches} are converted, anything else is cm. */
    public static double lengthCm(double value, String unit) {
        return isInches(unit) ? value * CM_PER_IN : value;
    }

    /** Any goal target: pounds to kg, inches to cm, everything else (kg, %, cm, reps, minutes) as it is. */
    public static double toCanonical(double value, String unit) {
        if (isPounds(unit)) {
            return value * KG_PER_LB;
        }
        return isInches(unit) ? value * CM_PER_IN : value;
    }

    /** Whether the unit is one this class knows (or none at all). */
    public static boolean isKnown(String unit) {
        String u = normal(unit);
        return u.isEmpty() || isPounds(unit) || isInches(unit) || u.equals("kg") || u.equals("kgs")
                || u.equals("kilograms") || u.equals("cm") || u.equals("centimeters") || u.equals("centimetres")
                || u.equals("%") || u.equals("percent");
    }

    static boolean isPounds(String unit) {
        String u = normal(unit);
        return u.equals("lbs") || u.equals("lb") || u.equals("pounds") || u.equals("pound");
    }

    static boolean isInches(String unit) {
        String u = normal(unit);
        return u.equals("in") || u.equals("inch") || u.equals("inches") || u.equals("\"");
    }

    private static String normal(String unit) {
        return unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT).replace(".", "");
    }
}
