package com.fitnesscrm.orchestrator.scheduling.engine;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Request;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput.Assignment;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput.Conflict;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput.Move;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput.Unassigned;
import com.fitnesscrm.orchestrator.scheduling.engine.WeekModel.Placement;
import com.fitnesscrm.orchestrator.scheduling.engine.WeekModel.Start;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out a trainer's week with Timefold: the requests' sessions, and the existing sessions that may move (not
 * confirmed, not done, not begun; the others are pinned by being part of the fixed calendar). Every start a
 * placement may take already breaks no rule against the fixed calendar ({@link Calendar#breaks}); the solver keeps
 * placements apart from each other, under the daily cap and one client's sessions apart, then maximises the slot
 * scores and the balance. A placement still clashing after the time limit is left unplaced, so an answer never
 * breaks a hard rule.
 */
final class WeekOptimiser {

    private final PreferenceParser parser = new PreferenceParser();

    /** What a solve gave: the week's model solved, the conflicts found first and the fixed calendar. */
    record Solved(WeekModel.Week week, List<Conflict> conflicts, Calendar calendar, Map<Integer, Request> requests,
                  Map<Integer, SlotScorer> scorers, SchedulingInput weekInput) {
    }

    SchedulingOutput.WeekPlan optimise(SchedulingInput input, ShowRates clientRates, ShowRates gymRates) {
        Solved solved = solve(input, clientRates, gymRates);
        return plan(input, solved);
    }

    Solved solve(SchedulingInput input, ShowRates clientRates, ShowRates gymRates) {
        LocalDate monday = input.week();
        // The week as a horizon; only its sessions that may not move stay on the fixed calendar.
        List<Booking> fixed = new ArrayList<>();
        List<Booking> movable = new ArrayList<>();
        for (Booking b : input.existingSessions()) {
            LocalDate date = b.start().atZone(input.zone()).toLocalDate();
            boolean inWeek = !date.isBefore(monday) && !date.isAfter(monday.plusDays(6));
            if (inWeek && b.blocks() && !b.pinned(input.now())) {
                movable.add(b);
            } else {
                fixed.add(b);
            }
        }
        SchedulingInput weekInput = new SchedulingInput(null, input.trainerId(), input.zone(), input.now(), monday,
                monday.plusDays(6), input.sessionMinutes(), input.count(), input.bufferMinutes(),
                input.maxSessionsPerDay(), null, input.availability(), fixed, input.trainerHistory(),
                List.of(), input.gymHistory(), List.of(), List.of(), input.fromCrm(), input.sources());
        Calendar calendar = new Calendar(weekInput, WorkingHours.of(input.availability().isEmpty()
                ? withHistory(weekInput, input) : weekInput));
        List<Placement> placements = new ArrayList<>();
        Map<Integer, Request> byPlacement = new HashMap<>();
        Map<Integer, SlotScorer> scorers = new HashMap<>();
        int id = 0;
        for (Request request : input.requests()) {
            List<Preference> preferences = preferences(request);
            ShowRates rates = input.clientId() != null && input.clientId() == request.clientId() ? clientRates
                    : gymRates;
            SlotScorer scorer = new SlotScorer(calendar, preferences, rates);
            int minutes = request.sessionMinutes() != null ? request.sessionMinutes() : input.sessionMinutes();
            List<Start> starts = starts(calendar, scorer, minutes, clientFixed(fixed, request.clientId()),
                    request.minHoursBetween());
            for (int k = 0; k < request.sessionsPerWeek(); k++) {
                placements.add(new Placement(id, request.clientId(), request.minHoursBetween(), null, starts));
                byPlacement.put(id, request);
                scorers.put(id, scorer);
                id++;
            }
        }
        SlotScorer existingScorer = new SlotScorer(calendar, List.of(), gymRates);
        for (Booking b : movable) {
            int minutes = (int) Duration.between(b.start(), b.end()).toMinutes();
            long client = b.clientId() == null ? -1 - id : b.clientId();
            List<Start> starts = starts(calendar, existingScorer, minutes, clientFixed(fixed, client), null);
            Placement p = new Placement(id, client, null, b.start(), starts);
            // Start from where it is when that is a free start, so "improve" begins from the week as given.
            p.start = starts.stream().filter(s -> s.start.equals(b.start())).findFirst().orElse(null);
            placements.add(p);
            scorers.put(id, existingScorer);
            id++;
        }
        Map<LocalDate, Integer> fixedPerDay = new HashMap<>();
        for (Booking b : fixed) {
            if (b.blocks()) {
                fixedPerDay.merge(b.start().atZone(input.zone()).toLocalDate(), 1, Integer::sum);
            }
        }
        Set<LocalDate> workingDays = new HashSet<>();
        for (LocalDate d = monday; !d.isAfter(monday.plusDays(6)); d = d.plusDays(1)) {
            if (!calendar.hours().on(d).isEmpty()) {
                workingDays.add(d);
            }
        }
        WeekModel.Week problem = new WeekModel.Week(placements,
                new WeekModel.Facts(input.bufferMinutes(), input.maxSessionsPerDay(), fixedPerDay, workingDays));
        WeekModel.Week best = placements.isEmpty() ? problem : solver(input.timeLimit()).solve(problem);
        repair(best);
        return new Solved(best, conflicts(input, movable, fixed, best), calendar, byPlacement, scorers, weekInput);
    }

    private static SchedulingInput withHistory(SchedulingInput week, SchedulingInput input) {
        return new SchedulingInput(null, week.trainerId(), week.zone(), week.now(), week.from(), week.to(),
                week.sessionMinutes(), week.count(), week.bufferMinutes(), week.maxSessionsPerDay(), null,
                List.of(), input.existingSessions(), input.trainerHistory(), List.of(), List.of(), List.of(),
                List.of(), List.of(), week.sources());
    }

    private static Solver<WeekModel.Week> solver(Duration limit) {
        Duration unimproved = Duration.ofMillis(Math.min(limit.toMillis(), Math.max(1000, limit.toMillis() / 3)));
        SolverConfig config = new SolverConfig()
                .withSolutionClass(WeekModel.Week.class)
                .withEntityClasses(Placement.class)
                .withEasyScoreCalculatorClass(WeekModel.Score.class)
                .withRandomSeed(14L)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit)
                        .withUnimprovedSpentLimit(unimproved))
                // Tabu search takes the best move that is not tabu even when it is worse, which it must: placing one
                // more session often first needs another moved to a slightly worse hour (late acceptance stalls).
                .withPhases(new ConstructionHeuristicPhaseConfig(),
                        new LocalSearchPhaseConfig().withLocalSearchType(LocalSearchType.TABU_SEARCH));
        return SolverFactory.<WeekModel.Week>create(config).buildSolver();
    }

    /** Unplaces, lowest value first, whatever still clashes: the answer never breaks a hard rule. */
    static void repair(WeekModel.Week week) {
        while (WeekModel.parts(week.placements, week.facts).hard() > 0) {
            Placement worst = null;
            int worstHard = WeekModel.parts(week.placements, week.facts).hard();
            for (Placement p : week.placements) {
                if (p.start == null) {
                    continue;
                }
                Start kept = p.start;
                p.start = null;
                int without = WeekModel.parts(week.placements, week.facts).hard();
                p.start = kept;
                if (without < worstHard || (worst != null && without == worstHard && kept.value < worst.start.value)) {
                    worst = p;
                    worstHard = without;
                }
            }
            if (worst == null) {
                break;
            }
            worst.start = null;
        }
    }

    private static List<Booking> clientFixed(List<Booking> fixed, long clientId) {
        return fixed.stream().filter(b -> b.blocks() && b.clientId() != null && b.clientId() == clientId).toList();
    }

    private static List<Start> starts(Calendar calendar, SlotScorer scorer, int minutes, List<Booking> clientFixed,
                                      Integer minHours) {
        List<Start> starts = new ArrayList<>();
        // Without min_hours_between, not on a day the client already has a session.
        Set<LocalDate> clientDays = new HashSet<>();
        clientFixed.forEach(b -> clientDays.add(calendar.date(b.start())));
        for (ZonedDateTime start : calendar.gridStarts(minutes)) {
            ZonedDateTime end = start.plusMinutes(minutes);
            if (minHours == null && clientDays.contains(start.toLocalDate())) {
                continue;
            }
            if (calendar.breaks(start.toInstant(), end.toInstant(), List.of(), clientFixed, minHours) == null) {
                long value = Math.round(WeekModel.SCALE * (scorer.score(start, end, List.of()).score()
                        - HOLE_PENALTY * holes(calendar, start, end, minutes)));
                starts.add(new Start(start.toInstant(), end.toInstant(), start.toLocalDate(), value));
            }
        }
        return starts;
    }

    /** What a gap too short for another session costs a placement, in slot-score points. */
    static final double HOLE_PENALTY = 0.2;

    /**
     * The idle gaps a slot leaves before and after it, up to the working block's edges or the nearest fixed
     * sessions (after the buffer), that are too short for a session of this length: 0, 1 or 2.
     */
    private static int holes(Calendar calendar, ZonedDateTime start, ZonedDateTime end, int minutes) {
        var block = calendar.blockOf(start, end).orElseThrow();
        LocalDate date = start.toLocalDate();
        Instant from = date.atTime(block.start()).atZone(start.getZone()).toInstant();
        Instant to = block.end().equals(java.time.LocalTime.MAX) ? date.plusDays(1).atStartOfDay(start.getZone())
                .toInstant() : date.atTime(block.end()).atZone(start.getZone()).toInstant();
        Duration buffer = Duration.ofMinutes(calendar.input().bufferMinutes());
        for (Booking b : calendar.busyOn(date)) {
            Instant freeFrom = b.end().plus(buffer);
            Instant freeTo = b.start().minus(buffer);
            if (!freeFrom.isAfter(start.toInstant()) && freeFrom.isAfter(from)) {
                from = freeFrom;
            }
            if (!freeTo.isBefore(end.toInstant()) && freeTo.isBefore(to)) {
                to = freeTo;
            }
        }
        long before = Duration.between(from, start.toInstant()).toMinutes();
        long after = Duration.between(end.toInstant(), to).toMinutes();
        return (before > 0 && before < minutes ? 1 : 0) + (after > 0 && after < minutes ? 1 : 0);
    }

    private List<Preference> preferences(Request request) {
        List<Preference> preferences = new ArrayList<>();
        for (var window : request.preferredWindows()) {
            preferences.add(new Preference("window", window.weekday() == null ? Set.of()
                    : Set.of(window.weekday()), window.start(), window.end(), null, false, "windows"));
        }
        for (String phrase : request.preferredTimes()) {
            preferences.addAll(parser.parse(phrase).preferences());
        }
        return preferences;
    }

    /** What is wrong with the week as given: overlaps, buffers, days over the cap; with the solver's moves. */
    private static List<Conflict> conflicts(SchedulingInput input, List<Booking> movable, List<Booking> fixed,
                                            WeekModel.Week solved) {
        LocalDate monday = input.week();
        List<Booking> week = new ArrayList<>();
        for (Booking b : input.existingSessions()) {
            LocalDate date = b.start().atZone(input.zone()).toLocalDate();
            if (b.blocks() && !date.isBefore(monday) && !date.isAfter(monday.plusDays(6))) {
                week.add(b);
            }
        }
        week.sort(Comparator.comparing(Booking::start));
        Map<Booking, Placement> placementOf = new HashMap<>();
        for (Placement p : solved.placements) {
            if (p.original != null) {
                movable.stream().filter(b -> b.start().equals(p.original) && !placementOf.containsKey(b)
                        && (b.clientId() == null ? p.clientId < 0 : b.clientId() == p.clientId))
                        .findFirst().ifPresent(b -> placementOf.put(b, p));
            }
        }
        List<Conflict> conflicts = new ArrayList<>();
        Duration buffer = Duration.ofMinutes(input.bufferMinutes());
        for (int i = 0; i < week.size(); i++) {
            for (int j = i + 1; j < week.size(); j++) {
                Booking a = week.get(i);
                Booking b = week.get(j);
                boolean overlap = a.start().isBefore(b.end()) && b.start().isBefore(a.end());
                boolean tooClose = a.start().isBefore(b.end().plus(buffer)) && b.start().isBefore(a.end().plus(buffer));
                if (overlap || tooClose) {
                    conflicts.add(new Conflict(overlap ? "overlap" : "buffer", (overlap ? "Two sessions overlap"
                            : "Two sessions are closer than the " + input.bufferMinutes() + "-minute buffer") + ".",
                            List.of(iso(a.start(), input), iso(b.start(), input)),
                            moves(List.of(a, b), placementOf, input)));
                }
            }
        }
        if (input.maxSessionsPerDay() != null) {
            Map<LocalDate, List<Booking>> perDay = new HashMap<>();
            week.forEach(b -> perDay.computeIfAbsent(b.start().atZone(input.zone()).toLocalDate(),
                    d -> new ArrayList<>()).add(b));
            perDay.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(day -> {
                if (day.getValue().size() > input.maxSessionsPerDay()) {
                    conflicts.add(new Conflict("daily_cap", day.getKey() + " has " + day.getValue().size()
                            + " sessions; the cap is " + input.maxSessionsPerDay() + ".",
                            day.getValue().stream().map(b -> iso(b.start(), input)).toList(),
                            moves(day.getValue(), placementOf, input)));
                }
            });
        }
        return conflicts;
    }

    private static List<Move> moves(List<Booking> involved, Map<Booking, Placement> placementOf,
                                    SchedulingInput input) {
        List<Move> moves = new ArrayList<>();
        for (Booking b : involved) {
            Placement p = placementOf.get(b);
            if (p != null && (p.start == null || !p.start.start.equals(b.start()))) {
                moves.add(new Move(b.clientId(), iso(b.start(), input), p.start == null ? null
                        : iso(p.start.start, input)));
            }
        }
        return moves;
    }

    static String iso(Instant instant, SchedulingInput input) {
        return instant.atZone(input.zone()).toOffsetDateTime().toString();
    }

    /** The answer: assignments by start with their reasons, what stayed unplaced and why, the objective. */
    private static SchedulingOutput.WeekPlan plan(SchedulingInput input, Solved solved) {
        List<Assignment> assignments = new ArrayList<>();
        List<Unassigned> unassigned = new ArrayList<>();
        List<Placement> sorted = new ArrayList<>(solved.week().placements);
        sorted.sort(Comparator.comparing((Placement p) -> p.start == null ? Instant.MAX : p.start.start)
                .thenComparingInt(p -> p.id));
        for (Placement p : sorted) {
            if (p.start == null) {
                unassigned.add(new Unassigned(p.clientId, p.starts.isEmpty()
                        ? "No free slot this week fits its length and the trainer's hours, bookings and rules."
                        : p.original != null ? "Could not stay or move without a clash (was " + iso(p.original, input)
                        + "); left to the trainer."
                        : "The week is full: every free slot left would clash with another session or the cap."));
                continue;
            }
            SlotScorer scorer = solved.scorers().get(p.id);
            ZonedDateTime start = p.start.start.atZone(input.zone());
            ZonedDateTime end = p.start.end.atZone(input.zone());
            List<String> reasons = scorer.reasons(scorer.score(start, end, List.of()),
                    solved.calendar().hours().source());
            assignments.add(new Assignment(p.clientId, start.toOffsetDateTime().toString(),
                    end.toOffsetDateTime().toString(), SchedulingEngine.round(p.start.value / (double) WeekModel.SCALE),
                    reasons, p.moved() ? iso(p.original, input) : null));
        }
        WeekModel.Parts parts = WeekModel.parts(solved.week().placements, solved.week().facts);
        double slotScore = SchedulingEngine.round(parts.slotValue() / (double) WeekModel.SCALE);
        double balance = SchedulingEngine.round(parts.balance());
        SchedulingOutput.Objective objective = new SchedulingOutput.Objective(parts.hard(), parts.unassigned(),
                slotScore, balance, parts.moved(), SchedulingEngine.round(slotScore
                - WeekModel.BALANCE_WEIGHT * parts.balance() - WeekModel.MOVE_WEIGHT * parts.moved()));
        return new SchedulingOutput.WeekPlan(input.week().toString(), assignments, unassigned, solved.conflicts(),
                objective);
    }
}
