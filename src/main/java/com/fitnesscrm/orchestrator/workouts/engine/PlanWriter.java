package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.PlannedExercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Dose;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Role;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * From a week's items to the plan's sessions: the order within a session, each exercise's dose, intensity, suggested
 * load and progression, the deload's cut, and the reason a trainer reads.
 */
final class PlanWriter {

    private PlanWriter() {
    }

    static Map<Item, Integer> loadingSets(List<List<Item>> week) {
        Map<Item, Integer> sets = new java.util.IdentityHashMap<>();
        week.forEach(items -> items.forEach(item -> sets.put(item, item.sets)));
        return sets;
    }

    /**
     * A deload halves each exercise's sets, rounding up (−33 to −50 %); where rounding up leaves more pushing than
     * pulling sets, odd-numbered pushing exercises round down instead, which keeps the week's cut within 30–50 %.
     */
    static Map<Item, Integer> deloadSets(List<List<Item>> week) {
        Map<Item, Integer> sets = new java.util.IdentityHashMap<>();
        week.forEach(items -> items.forEach(item -> sets.put(item, (item.sets + 1) / 2)));
        List<Item> oddPushes = new ArrayList<>(week.stream().flatMap(List::stream)
                .filter(item -> item.pushing() && item.sets % 2 == 1).toList());
        java.util.Collections.reverse(oddPushes);
        for (Item push : oddPushes) {
            int pushing = week.stream().flatMap(List::stream).filter(Item::pushing).mapToInt(sets::get).sum();
            int pulling = week.stream().flatMap(List::stream).filter(Item::pulling).mapToInt(sets::get).sum();
            if (pushing <= pulling) {
                break;
            }
            sets.put(push, Math.max(1, push.sets / 2));
        }
        return sets;
    }

    static WorkoutPlan.Session session(WorkoutRequest request, String name, int day, List<Item> items,
                                        Map<Item, Integer> sets, boolean deload,
                                        Map<String, WorkoutRequest.HistoryEntry> history) {
        List<Item> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparingInt(Item::rank).thenComparingInt(item -> item.priority));
        List<PlannedExercise> exercises = new ArrayList<>();
        for (Item item : ordered) {
            exercises.add(item.minutes != null ? item.exercise.pattern() == Pattern.MOBILITY
                    ? mobilityExercise(item, deload) : conditioningExercise(item, name, deload)
                    : resistanceExercise(request, item, sets.get(item), name, deload,
                    history.get(item.exercise.id())));
        }
        int seconds = WorkoutValidator.sessionSeconds(exercises, request.minutesPerSession());
        return new WorkoutPlan.Session(day, name, (seconds + 59) / 60, exercises);
    }

    private static PlannedExercise resistanceExercise(WorkoutRequest request, Item item, int sets, String session,
                                                      boolean deload, WorkoutRequest.HistoryEntry last) {
        Exercise exercise = item.exercise;
        Dose dose = item.dose;
        WorkoutPlan.Intensity intensity;
        if (exercise.loadable()) {
            int min = deload ? (int) Math.floor(dose.percentMin() * GoalRules.DELOAD_LOAD) : dose.percentMin();
            int max = deload ? (int) Math.floor(dose.percentMax() * GoalRules.DELOAD_LOAD) : dose.percentMax();
            intensity = new WorkoutPlan.Intensity(min, max, null, min + "–" + max + "% of 1RM"
                    + (deload ? " (−10 % for the deload)" : ""));
        } else {
            int rir = deload ? dose.rir() + 2 : dose.rir();
            intensity = new WorkoutPlan.Intensity(null, null, rir, "Stop " + rir + " reps short of failure (RIR "
                    + rir + ")");
        }
        Double load = null;
        String progression;
        if (last != null) {
            boolean beaten = last.reps() >= dose.repsMax() + 1;
            double step = beaten ? progressionStep(exercise) : 0;
            double start = Math.round(last.load() * (1 + step) * 100) / 100.0;
            load = deload ? Math.floor(start * GoalRules.DELOAD_LOAD * 100) / 100.0 : start;
            progression = beaten
                    ? "Last time " + last.reps() + " reps at " + kg(last.load()) + " beat the " + dose.repsMin() + "–"
                    + dose.repsMax() + " target: start at " + kg(start) + " (+" + Math.round(step * 1000) / 10.0
                    + " %), then add 2–10 % whenever every set beats " + dose.repsMax() + " reps by 1–2."
                    : "Stay at " + kg(last.load()) + " until every set reaches " + (dose.repsMax() + 1)
                    + " reps, then add 2–10 % (ACSM).";
        } else {
            progression = "Double progression: start with a load that leaves " + dose.rir() + " reps in reserve at "
                    + dose.repsMax() + " reps; when every set beats " + dose.repsMax()
                    + " reps by 1–2, add 2–10 % load (ACSM).";
        }
        if (deload) {
            progression = "Deload: " + sets + " sets at −10 % load, technique crisp, no grinding reps.";
        }
        return new PlannedExercise(exercise.id(), exercise.name(), exercise.pattern().code(),
                exercise.mechanics().code(), codes(exercise.primaryMuscles()), codes(exercise.secondaryMuscles()),
                codes(exercise.equipment()), codes(exercise.contraindications()), sets,
                new WorkoutPlan.Reps(dose.repsMin(), dose.repsMax()), dose.restMin(), intensity, progression, load,
                null, reason(request, item, session), exercise.level().code());
    }

    private static PlannedExercise conditioningExercise(Item item, String session, boolean deload) {
        Exercise exercise = item.exercise;
        boolean recovery = item.priority == 0;
        int minutes = deload ? Math.max(5, (int) Math.round(item.minutes * 0.6)) : item.minutes;
        String pace = recovery ? "Easy pace, RPE 3–4" : "Moderate pace, RPE 5–6 (you can talk, not sing)";
        return new PlannedExercise(exercise.id(), exercise.name(), exercise.pattern().code(),
                exercise.mechanics().code(), codes(exercise.primaryMuscles()), codes(exercise.secondaryMuscles()),
                codes(exercise.equipment()), codes(exercise.contraindications()), 1, new WorkoutPlan.Reps(1, 1), 0,
                new WorkoutPlan.Intensity(null, null, null, pace),
                deload ? "Deload: shorter and easier." : "Keep the minutes; raise the pace a little once it feels easy.",
                null, minutes, recovery ? "Active recovery: light movement helps you recover for the next week."
                        : item.requested ? "Conditioning for the cardio focus, toward ACSM's 150–300 minutes a week "
                        + "of moderate cardio."
                        : "Conditioning toward ACSM's 150–300 minutes a week of moderate cardio for fat loss.",
                exercise.level().code());
    }

    /** Mobility work for a flexibility focus: easy, timed, the same in a deload (it costs no recovery). */
    private static PlannedExercise mobilityExercise(Item item, boolean deload) {
        Exercise exercise = item.exercise;
        return new PlannedExercise(exercise.id(), exercise.name(), exercise.pattern().code(),
                exercise.mechanics().code(), codes(exercise.primaryMuscles()), codes(exercise.secondaryMuscles()),
                codes(exercise.equipment()), codes(exercise.contraindications()), 1, new WorkoutPlan.Reps(1, 1), 0,
                new WorkoutPlan.Intensity(null, null, null, "Slow and easy: 30–45 s a position or 8–10 slow reps a "
                        + "side, breathing calmly, never into pain"),
                deload ? "Deload: the same, mobility costs no recovery." : "Go a little further into the range "
                        + "as it loosens, week by week.",
                null, item.minutes, "Mobility work for the flexibility focus, after training while warm "
                        + "(ACSM: flexibility work 2–3 days a week).", exercise.level().code());
    }

    private static String reason(WorkoutRequest request, Item item, String session) {
        Exercise exercise = item.exercise;
        String muscles = String.join(", ", codes(exercise.primaryMuscles())).replace('_', ' ');
        String reason;
        if (item.role == Role.MAIN) {
            reason = "Main lift of " + session + ": " + exercise.pattern().code().replace('_', ' ') + " for "
                    + muscles + ", kept for the whole block so the load can climb week to week";
        } else if (exercise.pattern() == Pattern.ISOLATION) {
            reason = "Isolation work for " + muscles + " after the compound lifts";
        } else if (exercise.pattern() == Pattern.CORE) {
            reason = "Core work for " + muscles + " to close the session";
        } else {
            reason = "Covers the " + exercise.pattern().code().replace('_', ' ') + " pattern for " + muscles;
        }
        reason += "; " + request.goal().code().replace('_', ' ') + " dose";
        if (!request.contraindications().isEmpty()) {
            reason += "; not contraindicated for " + String.join(", ", codes(List.copyOf(
                    request.contraindications()))).replace('_', ' ');
        }
        return reason + ".";
    }

    private static double progressionStep(Exercise exercise) {
        boolean lowerBody = exercise.pattern() == Pattern.SQUAT || exercise.pattern() == Pattern.HINGE
                || exercise.pattern() == Pattern.LUNGE;
        return lowerBody ? 0.05 : 0.025;
    }

    private static String kg(double load) {
        return (load == Math.rint(load) ? String.valueOf((long) load) : String.valueOf(load)) + " kg";
    }

    static <E extends Enum<E> & Coded> List<String> codes(List<E> values) {
        return values.stream().map(Coded::code).toList();
    }
}
