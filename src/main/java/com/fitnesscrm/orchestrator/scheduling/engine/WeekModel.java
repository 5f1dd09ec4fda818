package com.fitnesscrm.orchestrator.scheduling.engine;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.EasyScoreCalculator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The week optimiser's model for Timefold: a {@link Placement} is one session to place (a request's, or an existing
 * session that may move), its planning value a {@link Start} among the free starts that break no rule against the
 * fixed calendar; unassigned is allowed. {@link Score} judges a whole week: hard = overlaps (with the buffer), days
 * over the cap and one client's sessions too close; medium = sessions left unplaced; soft = slot scores (×1000) less
 * the day-balance and moving penalties. The same function scores the brute force in the tests.
 */
final class WeekModel {

    /** Soft units per slot-score point. */
    static final long SCALE = 1000;
    /** What a squared deviation from the day's mean costs, in slot-score points. */
    static final double BALANCE_WEIGHT = 0.1;
    /**
     * What moving an existing session costs, in slot-score points: more than any slot can gain (a score is at most
     * 1), so a session moves only to fix a conflict or make room, never for a slightly nicer hour.
     */
    static final double MOVE_WEIGHT = 1.0;

    private WeekModel() {
    }

    /** A free start for one placement, with its slot score (show-up × quality) in soft units. */
    static final class Start {
        final Instant start;
        final Instant end;
        final LocalDate date;
        final long value;

        Start(Instant start, Instant end, LocalDate date, long value) {
            this.start = start;
            this.end = end;
            this.date = date;
            this.value = value;
        }

        @Override
        public String toString() {
            return start.toString();
        }
    }

    @PlanningEntity
    static final class Placement {
        int id;
        long clientId;
        /** Hours between the starts of two sessions of the client; {@code null}: not two on one day. */
        Integer minHours;
        /** The start as given, for an existing session that may move; {@code null} for a request's. */
        Instant original;
        List<Start> starts = new ArrayList<>();

        @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "starts")
        Start start;

        Placement() {
        }

        Placement(int id, long clientId, Integer minHours, Instant original, List<Start> starts) {
            this.id = id;
            this.clientId = clientId;
            this.minHours = minHours;
            this.original = original;
            this.starts = starts;
        }

        @ValueRangeProvider(id = "starts")
        List<Start> starts() {
            return starts;
        }

        boolean moved() {
            return original != null && start != null && !start.start.equals(original);
        }
    }

    /** What the score needs besides the placements; shared, never changed while solving. */
    record Facts(int bufferMinutes, Integer cap, Map<LocalDate, Integer> fixedPerDay, Set<LocalDate> workingDays) {
    }

    @PlanningSolution
    static final class Week {
        @PlanningEntityCollectionProperty
        List<Placement> placements = new ArrayList<>();
        @PlanningScore
        HardMediumSoftLongScore score;
        Facts facts;

        Week() {
        }

        Week(List<Placement> placements, Facts facts) {
            this.placements = placements;
            this.facts = facts;
        }
    }

    /** The parts of a week's score. */
    record Parts(int hard, int unassigned, long slotValue, double balance, int moved) {

        HardMediumSoftLongScore score() {
            return HardMediumSoftLongScore.of(-hard, -unassigned,
                    slotValue - Math.round(SCALE * (BALANCE_WEIGHT * balance + MOVE_WEIGHT * moved)));
        }
    }

    static Parts parts(List<Placement> placements, Facts facts) {
        int hard = 0;
        int unassigned = 0;
        long value = 0;
        int moved = 0;
        Duration buffer = Duration.ofMinutes(facts.bufferMinutes());
        Map<LocalDate, Integer> perDay = new HashMap<>(facts.fixedPerDay());
        List<Placement> placed = new ArrayList<>();
        for (Placement p : placements) {
            if (p.start == null) {
                unassigned++;
                continue;
            }
            placed.add(p);
            value += p.start.value;
            moved += p.moved() ? 1 : 0;
            perDay.merge(p.start.date, 1, Integer::sum);
        }
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                if (clash(placed.get(i), placed.get(j), buffer)) {
                    hard++;
                }
            }
        }
        if (facts.cap() != null) {
            for (var entry : perDay.entrySet()) {
                if (entry.getValue() > facts.cap()) {
                    // Only what the placements add over the cap: a day the CRM already overfilled is a conflict.
                    int fixed = facts.fixedPerDay().getOrDefault(entry.getKey(), 0);
                    hard += entry.getValue() - Math.max(facts.cap(), fixed);
                }
            }
        }
        double mean = perDay.values().stream().mapToInt(Integer::intValue).sum()
                / (double) Math.max(1, facts.workingDays().size());
        double balance = 0;
        for (LocalDate day : facts.workingDays()) {
            double d = perDay.getOrDefault(day, 0) - mean;
            balance += d * d;
        }
        return new Parts(hard, unassigned, value, balance, moved);
    }

    /** Two placed sessions overlap (buffer included), or one client's are too close. */
    static boolean clash(Placement a, Placement b, Duration buffer) {
        if (a.start.start.isBefore(b.start.end.plus(buffer)) && b.start.start.isBefore(a.start.end.plus(buffer))) {
            return true;
        }
        if (a.clientId != b.clientId) {
            return false;
        }
        Integer hours = a.minHours != null ? a.minHours : b.minHours;
        if (hours == null) {
            return a.start.date.equals(b.start.date);
        }
        return Duration.between(a.start.start, b.start.start).abs().compareTo(Duration.ofHours(hours)) < 0;
    }

    /** Timefold's score: the whole week each time (weeks are small: at most a few hundred placements). */
    public static final class Score implements EasyScoreCalculator<Week, HardMediumSoftLongScore> {
        @Override
        public HardMediumSoftLongScore calculateScore(Week week) {
            return parts(week.placements, week.facts).score();
        }
    }
}
