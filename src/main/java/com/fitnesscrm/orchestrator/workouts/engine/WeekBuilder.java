package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Role;
import com.fitnesscrm.orchestrator.workouts.engine.Split.Slot;
import com.fitnesscrm.orchestrator.workouts.engine.Split.Template;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Mechanics;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plan building: one week of a block, session by session. Main lifts first (the first allowed exercise of each
 * template's main slot, kept for the block), then each slot's exercise (accessories rotate within their substitution
 * group from block to block), dosed by goal, plus the timed work a goal or focus asks for; then {@link TimeBudget}
 * fits each session to its minutes, {@link VolumeBalance} shapes the week's volume and {@link MuscleFocus} adds what
 * a muscle focus asks for.
 */
final class WeekBuilder {

    private WeekBuilder() {
    }

    /** The active-recovery day's exercise where it is allowed: anyone can walk. */
    private static final String EASY_CARDIO = "brisk_walk";

    /** @param focusNotes where to say what the muscle focus added, or {@code null} */
    static List<List<Item>> buildWeek(WorkoutRequest request, Split split, List<Exercise> allowed, int rotation,
                                       List<String> focusNotes) {
        Set<String> usedInWeek = new HashSet<>();
        // Main lifts first, so that accessories rotating from block to block never change them.
        List<Optional<Exercise>> mains = new ArrayList<>();
        for (Template template : split.sessions) {
            Optional<Exercise> main = template.slots().stream().filter(Slot::main).findFirst()
                    .flatMap(slot -> pick(slot, allowed, Set.of(), usedInWeek, 0));
            main.ifPresent(exercise -> usedInWeek.add(exercise.id()));
            mains.add(main);
        }
        List<List<Item>> sessions = new ArrayList<>();
        Set<String> baseUsedInWeek = new HashSet<>(usedInWeek);
        for (int index = 0; index < split.sessions.size(); index++) {
            Template template = split.sessions.get(index);
            List<Item> items = new ArrayList<>();
            Set<String> baseInSession = new HashSet<>();
            if (template.activeRecovery()) {
                allowed.stream().filter(exercise -> exercise.pattern() == Pattern.CONDITIONING)
                        .min(Comparator.comparing(exercise -> !exercise.id().equals(EASY_CARDIO)))
                        .ifPresent(exercise -> items.add(Item.conditioning(exercise, 0,
                                Math.min(30, request.minutesPerSession()))));
                sessions.add(items);
                continue;
            }
            boolean mainPending = true;
            for (int priority = 0; priority < template.slots().size(); priority++) {
                Slot slot = template.slots().get(priority);
                Optional<Exercise> pick;
                if (slot.main()) {
                    pick = mains.get(index);
                } else {
                    // The first block's exercise for this slot, then its rotation within its substitution group.
                    Optional<Exercise> base = pick(slot, allowed, baseInSession, baseUsedInWeek, 0);
                    base.ifPresent(exercise -> baseInSession.add(exercise.id()));
                    pick = base.map(exercise -> rotate(exercise, slot, allowed, items, rotation));
                }
                if (pick.isEmpty()) {
                    continue;
                }
                // When no exercise fits the main slot, the session's first compound lift becomes its main lift.
                Role role = mainPending && pick.get().mechanics() == Mechanics.COMPOUND && !pick.get().closesSession()
                        ? Role.MAIN : Role.ACCESSORY;
                mainPending &= role != Role.MAIN;
                items.add(new Item(pick.get(), role, GoalRules.prescribed(request, role), priority));
            }
            boolean cardioFocus = request.focuses(FocusArea.CARDIO);
            if (request.goal() == Goal.FAT_LOSS) {
                int days = request.daysPerWeek() == 7 ? 6 : request.daysPerWeek();
                int minutes = Math.max(10, Math.min(30, (GoalRules.CARDIO_MIN_MINUTES + days - 1) / days));
                // A cardio focus lengthens the fat-loss bout, and keeps it until the sets are cut (see fitTime).
                conditioning(allowed, index + rotation).ifPresent(exercise -> items.add(cardioFocus
                        ? Item.timed(exercise, template.slots().size(), Math.min(30, minutes
                        + WorkoutEngine.CARDIO_FOCUS_EXTRA_MINUTES), 10, true)
                        : Item.conditioning(exercise, template.slots().size(), minutes)));
            } else if (cardioFocus) {
                conditioning(allowed, index + rotation).ifPresent(exercise -> items.add(Item.timed(exercise,
                        template.slots().size(), WorkoutEngine.CARDIO_FOCUS_MINUTES, 10, true)));
            }
            if (request.focuses(FocusArea.FLEXIBILITY)) {
                mobility(allowed, index + rotation).ifPresent(exercise -> items.add(Item.timed(exercise,
                        template.slots().size() + 1, WorkoutEngine.MOBILITY_MINUTES,
                        WorkoutEngine.MOBILITY_MIN_MINUTES, true)));
            }
            TimeBudget.fitTime(request, items);
            baseUsedInWeek.addAll(baseInSession);
            sessions.add(items);
        }
        VolumeBalance.capAtMaximumVolume(request, sessions);
        VolumeBalance.balancePullingAndPushing(request, allowed, sessions);
        VolumeBalance.topUpToMinimumVolume(request, sessions);
        MuscleFocus.emphasise(request, allowed, sessions, focusNotes);
        return sessions;
    }

    private static Optional<Exercise> pick(Slot slot, List<Exercise> allowed, Set<String> inSession,
                                           Set<String> usedInWeek, int rotation) {
        List<Exercise> candidates = allowed.stream().filter(slot::matches)
                .filter(exercise -> !inSession.contains(exercise.id())).toList();
        // A different exercise from the week's other sessions where one exists, for variety.
        return candidates.stream().filter(exercise -> !usedInWeek.contains(exercise.id())).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** The exercise {@code rotation} places after {@code base} in its substitution group, not yet in the session. */
    private static Exercise rotate(Exercise base, Slot slot, List<Exercise> allowed, List<Item> session,
                                   int rotation) {
        if (rotation == 0) {
            return base;
        }
        List<Exercise> group = allowed.stream().filter(slot::matches)
                .filter(exercise -> exercise.substitutionGroup().equals(base.substitutionGroup()))
                .filter(exercise -> exercise == base || session.stream()
                        .noneMatch(item -> item.exercise.id().equals(exercise.id()))).toList();
        return group.get((group.indexOf(base) + rotation) % group.size());
    }

    private static Optional<Exercise> conditioning(List<Exercise> allowed, int index) {
        List<Exercise> options = allowed.stream().filter(exercise -> exercise.pattern() == Pattern.CONDITIONING)
                .toList();
        return options.isEmpty() ? Optional.empty() : Optional.of(options.get(index % options.size()));
    }

    private static Optional<Exercise> mobility(List<Exercise> allowed, int index) {
        List<Exercise> options = allowed.stream().filter(exercise -> exercise.pattern() == Pattern.MOBILITY).toList();
        return options.isEmpty() ? Optional.empty() : Optional.of(options.get(index % options.size()));
    }

    /**
     * Whether a block's week may follow the last block's: no muscle up by more than 2 sets, none falling below MV
     * that was at it, and pulling still at least pushing. Otherwise the block keeps the last block's exercises.
     */
    static boolean asGood(WorkoutRequest request, List<List<Item>> before, List<List<Item>> after) {
        Map<Muscle, Double> was = VolumeBalance.volume(before);
        Map<Muscle, Double> is = VolumeBalance.volume(after);
        for (Muscle muscle : Muscle.values()) {
            double minimum = Math.min(GoalRules.minimumVolume(request, muscle), was.get(muscle));
            if (is.get(muscle) - was.get(muscle) > GoalRules.MAX_WEEKLY_SET_INCREASE || is.get(muscle) < minimum) {
                return false;
            }
        }
        return VolumeBalance.balanced(after);
    }
}
