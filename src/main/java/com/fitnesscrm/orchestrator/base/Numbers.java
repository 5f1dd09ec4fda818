package com.fitnesscrm.orchestrator.base;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding for the output: numbers a trainer reads, not sixteen digits of noise. Public so that the rules engine
 * ({@code progress.engine}) and the root round alike.
 */
public final class Numbers {

    private Numbers() {
    }

    public static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** A number as a sentence shows it: no trailing zeros, no exponent. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
