package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Role;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The muscle focus ({@code focus_areas} naming muscles or body regions), applied last: up to
 * {@link WorkoutEngine#FOCUS_EXTRA_SETS} more sets a week per focused muscle, from free time or, in full sessions,
 * traded from the goal's conditioning bout or from exercises for other muscles; and the sentence saying what it did.
 */
final class MuscleFocus {

    private MuscleFocus() {
    }

    /**
     * The muscle focus, after every other rule has shaped the week: each focused muscle, in the order asked, gets up
     * to {@link WorkoutEngine#FOCUS_EXTRA_SETS} more sets a week — first a set more on its exercises (with a pull
     * where a push would tip the balance), then an isolation or core exercise for it in a session with time left,
     * and when the sessions are full, a set traded from an exercise that trains no focused muscle (see
     * {@link #trade}) — never past any muscle's MRV, the goal's most sets per exercise or the session's minutes.
     */
    static void emphasise(WorkoutRequest request, List<Exercise> allowed, List<List<Item>> week,
                                  List<String> notes) {
        Set<Muscle> muscles = request.focusMuscles();
        if (muscles.isEmpty()) {
            return;
        }
        Map<Muscle, Double> before = VolumeBalance.volume(week);
        for (Muscle muscle : muscles) {
            double target = Math.min(GoalRules.MRV.get(muscle), before.get(muscle) + WorkoutEngine.FOCUS_EXTRA_SETS);
            for (int guard = 0; guard < 50 && VolumeBalance.volume(week).get(muscle) < target - 1e-9; guard++) {
                if (!VolumeBalance.addSet(request, week, muscle) && !addExercise(request, allowed, week, muscle)
                        && !trade(request, week, muscle, muscles)) {
                    break;
                }
            }
        }
        if (notes == null) {
            return;
        }
        Map<Muscle, Double> after = VolumeBalance.volume(week);
        for (FocusArea area : request.focusAreas()) {
            if (area.muscles().isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Muscle muscle : Muscle.values()) {
                if (area.muscles().contains(muscle)) {
                    parts.add(focusOutcome(request, allowed, muscle, before.get(muscle), after.get(muscle)));
                }
            }
            notes.add("Focus " + area.code().replace('_', ' ') + ": " + String.join("; ", parts));
        }
    }

    /**
     * Full sessions still follow the focus: a set moves from an exercise that trains none of the focused muscles to
     * one for this muscle. The giver keeps the goal's fewest sets, every muscle it trains keeps its MV, and pulling
     * keeps up with pushing; accessories give before main lifts, the ones with the most sets first.
     */
    private static boolean trade(WorkoutRequest request, List<List<Item>> week, Muscle muscle, Set<Muscle> focused) {
        if (shortenBout(request, week, muscle)) {
            return true;
        }
        List<Item> givers = new ArrayList<>(week.stream().flatMap(List::stream)
                .filter(item -> item.minutes == null && item.sets > GoalRules.fewestSets(request.goal(), item.role)
                        && focused.stream().allMatch(other -> item.contribution(other) == 0))
                .toList());
        givers.sort(Comparator.comparing((Item item) -> item.role != Role.ACCESSORY)
                .thenComparing(Comparator.comparingInt((Item item) -> item.sets).reversed()));
        for (Item giver : givers) {
            giver.sets--;
            Map<Muscle, Double> volume = VolumeBalance.volume(week);
            boolean keepsMinimums = Arrays.stream(Muscle.values()).filter(m -> giver.contribution(m) > 0)
                    .allMatch(m -> volume.get(m) >= GoalRules.minimumVolume(request, m) - 1e-9);
            if (keepsMinimums && VolumeBalance.balanced(week) && VolumeBalance.addSet(request, week, muscle)) {
                return true;
            }
            giver.sets++;
        }
        return false;
    }

    /**
     * The goal's own conditioning bout (fat loss fills the session's last minutes with it) gives a few minutes to a
     * focused set, never below its shortest; the plan's cardio then asks for those minutes on other days.
     */
    private static boolean shortenBout(WorkoutRequest request, List<List<Item>> week, Muscle muscle) {
        for (List<Item> session : week) {
            for (Item bout : session.stream().filter(item -> item.minutes != null && !item.requested
                    && item.minutes > item.minMinutes).toList()) {
                int minutes = bout.minutes;
                while (bout.minutes > bout.minMinutes) {
                    bout.minutes--;
                    if (VolumeBalance.addSet(request, week, muscle)) {
                        return true;
                    }
                }
                bout.minutes = minutes;
            }
        }
        return false;
    }

    /** "chest +4 sets/week (8 → 12), within MRV 22", or what capped it. */
    private static String focusOutcome(WorkoutRequest request, List<Exercise> allowed, Muscle muscle, double before,
                                       double after) {
        int mrv = GoalRules.MRV.get(muscle);
        String text = muscle.code().replace('_', ' ') + " +" + number(after - before) + " sets/week (" + number(before)
                + " → " + number(after) + ")";
        if (after >= Math.min(mrv, before + WorkoutEngine.FOCUS_EXTRA_SETS) - 1e-9) {
            return text + (after >= mrv - 1e-9 ? ", capped at its MRV " + mrv : ", within MRV " + mrv);
        }
        if (allowed.stream().noneMatch(exercise -> !exercise.pattern().timed()
                && exercise.primaryMuscles().contains(muscle))) {
            return text + ": no exercise for it suits the client's equipment, conditions and level";
        }
        if (after + 1 > mrv) {
            return text + ", capped at its MRV " + mrv;
        }
        // No set more fits a session, and no exercise more: time (or another muscle's MRV, rarely) is the cap.
        return text + ", capped: no room left in the " + request.minutesPerSession() + "-minute sessions (MRV "
                + mrv + ")";
    }

    /**
     * An isolation (or, for abs, core) exercise for the muscle, not yet in the session, in the training session with
     * the most time left that holds it without passing a session's minutes or any muscle's MRV.
     */
    private static boolean addExercise(WorkoutRequest request, List<Exercise> allowed, List<List<Item>> week,
                                       Muscle muscle) {
        List<Exercise> candidates = allowed.stream().filter(exercise -> exercise.primaryMuscles().contains(muscle)
                && (exercise.pattern() == Pattern.ISOLATION || exercise.pattern() == Pattern.CORE)).toList();
        Set<String> inWeek = new HashSet<>();
        week.forEach(items -> items.forEach(item -> inWeek.add(item.exercise.id())));
        List<Exercise> preferred = new ArrayList<>(candidates.stream().filter(e -> !inWeek.contains(e.id())).toList());
        candidates.stream().filter(e -> inWeek.contains(e.id())).forEach(preferred::add);
        List<List<Item>> sessions = new ArrayList<>(week.stream().filter(items -> items.stream()
                .anyMatch(item -> item.minutes == null)).toList());
        sessions.sort(Comparator.comparingInt((List<Item> items) -> TimeBudget.seconds(request, items)));
        for (List<Item> session : sessions) {
            for (Exercise exercise : preferred) {
                if (session.stream().anyMatch(item -> item.exercise.id().equals(exercise.id()))) {
                    continue;
                }
                Item item = new Item(exercise, Role.ACCESSORY, GoalRules.prescribed(request, Role.ACCESSORY),
                        100 + session.size());
                session.add(item);
                if (TimeBudget.seconds(request, session) <= request.minutesPerSession() * 60
                        && VolumeBalance.volume(week).entrySet().stream()
                        .allMatch(entry -> entry.getValue() <= GoalRules.MRV.get(entry.getKey()))) {
                    return true;
                }
                session.remove(item);
            }
        }
        return false;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
