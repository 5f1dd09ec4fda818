package com.fitnesscrm.orchestrator.scheduling.engine;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Attendance;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Status;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Show-up probability per client × weekday × part of day, by empirical Bayes: each rate is a Beta posterior whose
 * prior is worth {@value #PRIOR_SESSIONS} sessions. The gym's rate per cell is smoothed toward the gym's overall rate;
 * the client's overall rate toward the gym's; and the client's cell toward the gym's cell shifted by how far the
 * client sits from the gym overall. So one missed Monday morning costs a little, ten cost a lot, and a new client
 * gets exactly the gym's rates. A session counts when it is past and completed (kept), a no-show or cancelled (not
 * kept); scheduled sessions count for nothing.
 */
final class ShowRates {

    /** What a prior is worth, in sessions. */
    static final double PRIOR_SESSIONS = 10;
    /** The gym's rate when the CRM has no past sessions at all: about one session in seven is missed. */
    static final double DEFAULT_GYM_RATE = 0.85;

    enum Part {
        MORNING("morning"), AFTERNOON("afternoon"), EVENING("evening");

        final String word;

        Part(String word) {
            this.word = word;
        }

        static Part of(LocalTime start) {
            return start.isBefore(PreferenceParser.NOON) ? MORNING
                    : start.isBefore(PreferenceParser.EVENING_FROM) ? AFTERNOON : EVENING;
        }
    }

    record Cell(DayOfWeek day, Part part) {
    }

    /** The client's kept and counted sessions in one cell, and the smoothed rate. */
    record Rate(double probability, int kept, int counted) {
    }

    private final double gymRate;
    private final double clientRate;
    private final int clientCounted;
    private final int gymCounted;
    private final Map<Cell, int[]> clientCells;
    private final Map<Cell, Double> gymCells = new HashMap<>();

    ShowRates(List<Attendance> client, List<Attendance> gym, ZoneId zone, Instant now) {
        Map<Cell, int[]> gymCounts = counts(gym, zone, now);
        clientCells = counts(client, zone, now);
        int[] gymTotal = total(gymCounts);
        gymCounted = gymTotal[1];
        gymRate = gymTotal[1] == 0 ? DEFAULT_GYM_RATE
                : (gymTotal[0] + PRIOR_SESSIONS * DEFAULT_GYM_RATE) / (gymTotal[1] + PRIOR_SESSIONS);
        gymCounts.forEach((cell, c) -> gymCells.put(cell, posterior(c[0], c[1], gymRate)));
        int[] clientTotal = total(clientCells);
        clientCounted = clientTotal[1];
        clientRate = posterior(clientTotal[0], clientTotal[1], gymRate);
    }

    double gymRate() {
        return gymRate;
    }

    double clientRate() {
        return clientRate;
    }

    int clientCounted() {
        return clientCounted;
    }

    int gymCounted() {
        return gymCounted;
    }

    double gymRate(Cell cell) {
        return gymCells.getOrDefault(cell, gymRate);
    }

    Rate rate(ZonedDateTime start) {
        Cell cell = new Cell(start.getDayOfWeek(), Part.of(start.toLocalTime()));
        double prior = clamp(gymRate(cell) + (clientRate - gymRate));
        int[] c = clientCells.getOrDefault(cell, new int[2]);
        return new Rate(posterior(c[0], c[1], prior), c[0], c[1]);
    }

    private static double posterior(int kept, int counted, double priorMean) {
        return (kept + PRIOR_SESSIONS * priorMean) / (counted + PRIOR_SESSIONS);
    }

    private static double clamp(double p) {
        return Math.max(0.01, Math.min(0.99, p));
    }

    private static Map<Cell, int[]> counts(List<Attendance> sessions, ZoneId zone, Instant now) {
        Map<Cell, int[]> counts = new HashMap<>();
        for (Attendance session : sessions) {
            if (session.status() == null || session.status() == Status.SCHEDULED
                    || session.status() == Status.CONFIRMED || session.start().isAfter(now)) {
                continue;
            }
            ZonedDateTime local = session.start().atZone(zone);
            int[] c = counts.computeIfAbsent(new Cell(local.getDayOfWeek(), Part.of(local.toLocalTime())),
                    k -> new int[2]);
            c[0] += session.status() == Status.COMPLETED ? 1 : 0;
            c[1]++;
        }
        return counts;
    }

    private static int[] total(Map<Cell, int[]> counts) {
        int[] total = new int[2];
        counts.values().forEach(c -> {
            total[0] += c[0];
            total[1] += c[1];
        });
        return total;
    }
}
