package com.fitnesscrm.orchestrator.progress.engine;

import com.fitnesscrm.orchestrator.base.Numbers;
import com.fitnesscrm.orchestrator.progress.ProgressInput.LiftSet;
import com.fitnesscrm.orchestrator.progress.ProgressReport.LiftTrend;
import com.fitnesscrm.orchestrator.progress.ProgressReport.SessionBest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Estimated one-rep maxes: Epley with reps in reserve added to the reps done (a set of 5 with 2 in reserve is a
 * 7-rep max), sets of at most 10 reps only (Epley overestimates beyond), best set per exercise per session.
 */
final class LiftAnalysis {

    static final int MAX_REPS = 10;
    /** No new best for this long, with sessions in it, is a stall. */
    static final int STALL_DAYS = 21;
    /** A new best must beat the old one by more than this share: 0.5% is inside a day's form. */
    static final double STALL_TOLERANCE = 0.005;

    static double e1rm(double load, int reps, Integer rir) {
        return load * (1 + (reps + (rir == null ? 0 : rir)) / 30.0);
    }

    List<LiftTrend> analyse(List<LiftSet> sets) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, TreeMap<LocalDate, Double>> best = new LinkedHashMap<>();
        for (LiftSet set : sets) {
            if (set.reps() < 1 || set.reps() > MAX_REPS) {
                continue;
            }
            String key = set.exercise().strip().toLowerCase();
            names.putIfAbsent(key, set.exercise().strip());
            best.computeIfAbsent(key, k -> new TreeMap<>())
                    .merge(set.date(), e1rm(set.loadKg(), set.reps(), set.rir()), Math::max);
        }
        List<LiftTrend> trends = new ArrayList<>();
        best.forEach((key, byDate) -> trends.add(trend(names.get(key), byDate)));
        return trends;
    }

    private static LiftTrend trend(String exercise, TreeMap<LocalDate, Double> byDate) {
        List<SessionBest> sessions = new ArrayList<>();
        byDate.forEach((date, e1rm) -> sessions.add(new SessionBest(date, Numbers.round(e1rm, 1))));
        LocalDate first = byDate.firstKey();
        LocalDate last = byDate.lastKey();
        double[] t = new double[byDate.size()];
        double[] y = new double[byDate.size()];
        int i = 0;
        for (var entry : byDate.entrySet()) {
            t[i] = ChronoUnit.DAYS.between(first, entry.getKey());
            y[i++] = entry.getValue();
        }
        // The trend over the last 12 weeks, as for body metrics: a year-old rate says little about today's.
        int from = 0;
        while (t[t.length - 1] - t[from] > ProgressEngine.MAX_WINDOW_DAYS) {
            from++;
        }
        Double rate = null;
        if (t.length - from >= 3 && t[t.length - 1] - t[from] >= 14) {
            rate = Numbers.round(RobustStats.theilSen(t, y, from, t.length).slope() * 7, 2);
        }
        LocalDate cutoff = last.minusDays(STALL_DAYS);
        double bestBefore = byDate.headMap(cutoff, true).values().stream().mapToDouble(Double::doubleValue).max()
                .orElse(Double.NaN);
        double bestSince = byDate.tailMap(cutoff, false).values().stream().mapToDouble(Double::doubleValue).max()
                .orElse(Double.NaN);
        boolean stalled = !first.isAfter(cutoff) && !Double.isNaN(bestSince)
                && bestSince <= bestBefore * (1 + STALL_TOLERANCE);
        double bestE1rm = byDate.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        String suggestion = stalled ? "No new best e1RM in " + STALL_DAYS / 7 + " weeks: take a deload week "
                + "(about half the sets at the same load), then resume progression." : null;
        return new LiftTrend(exercise, sessions, Numbers.round(bestE1rm, 1), Numbers.round(byDate.lastEntry()
                .getValue(), 1), rate, stalled, suggestion);
    }
}
