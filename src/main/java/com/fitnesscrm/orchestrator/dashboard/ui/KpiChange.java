package com.fitnesscrm.orchestrator.dashboard.ui;

import java.util.Locale;

/**
 * A key figure's change against the previous range of the same length: rates in percentage points ("▲ 4 pts"),
 * everything else in per cent ("▼ 12 %"), and whether that is good, bad or neither for the gym.
 */
record KpiChange(String text, Verdict verdict) {

    enum Verdict { GOOD, BAD, NEUTRAL }

    /** Which way is better: up (runs, success, helpfulness), down (time, cost) or neither (LLM share). */
    enum Better { UP, DOWN, EITHER }

    static final KpiChange NONE = new KpiChange("", Verdict.NEUTRAL);

    /** A rate (0–1) now and before; no change shown when either is unknown. */
    static KpiChange ofRate(Double now, Double before, Better better) {
        if (now == null || before == null) {
            return NONE;
        }
        long points = Math.round((now - before) * 100);
        if (points == 0) {
            return new KpiChange("= 0 pts", Verdict.NEUTRAL);
        }
        return new KpiChange(arrow(points) + " " + Math.abs(points) + " pts", verdict(points, better));
    }

    /** An amount now and before; "new" when there was nothing before to compare with. */
    static KpiChange ofAmount(Double now, Double before, Better better) {
        if (now == null || before == null) {
            return NONE;
        }
        if (before == 0) {
            return now == 0 ? new KpiChange("= 0 %", Verdict.NEUTRAL) : new KpiChange("new", Verdict.NEUTRAL);
        }
        long percent = Math.round((now - before) / before * 100);
        if (percent == 0) {
            return new KpiChange("= 0 %", Verdict.NEUTRAL);
        }
        return new KpiChange(arrow(percent) + " " + String.format(Locale.ROOT, "%,d", Math.abs(percent)) + " %",
                verdict(percent, better));
    }

    private static String arrow(long change) {
        return change > 0 ? "▲" : "▼";
    }

    private static Verdict verdict(long change, Better better) {
        return switch (better) {
            case UP -> change > 0 ? Verdict.GOOD : Verdict.BAD;
            case DOWN -> change < 0 ? Verdict.GOOD : Verdict.BAD;
            case EITHER -> Verdict.NEUTRAL;
        };
    }
}
