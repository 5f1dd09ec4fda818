package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Dose;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Role;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Mechanics;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** An exercise of a session while it is built; sets and minutes change as the session is fitted. */
final class Item {

    final Exercise exercise;
    final Role role;
    final Dose dose;
    final int priority;
    int sets;
    Integer minutes;
    /** Timed work is shortened down to this before it is dropped. */
    int minMinutes = 10;
    /** Timed work a focus asked for: kept until the sets are cut. */
    boolean requested;

    Item(Exercise exercise, Role role, Dose dose, int priority) {
        this.exercise = exercise;
        this.role = role;
        this.dose = dose;
        this.priority = priority;
        this.sets = dose.setsMin();
    }

    static Item conditioning(Exercise exercise, int priority, int minutes) {
        Item item = new Item(exercise, Role.ACCESSORY, new Dose(1, 1, 1, 1, 0, 0, 0, 0, 0), priority);
        item.minutes = minutes;
        return item;
    }

    static Item timed(Exercise exercise, int priority, int minutes, int minMinutes, boolean requested) {
        Item item = conditioning(exercise, priority, minutes);
        item.minMinutes = minMinutes;
        item.requested = requested;
        return item;
    }

    double contribution(Muscle muscle) {
        if (minutes != null) {
            return 0;
        }
        return exercise.primaryMuscles().contains(muscle) ? 1 : exercise.secondaryMuscles().contains(muscle)
                ? 0.5 : 0;
    }

    boolean pushing() {
        return minutes == null && (exercise.pattern() == Pattern.HORIZONTAL_PUSH
                || exercise.pattern() == Pattern.VERTICAL_PUSH);
    }

    boolean pulling() {
        return minutes == null && (exercise.pattern() == Pattern.HORIZONTAL_PULL
                || exercise.pattern() == Pattern.VERTICAL_PULL);
    }

    /** Main lift, compound lifts, isolation, then what may close a session (core, carries, conditioning). */
    int rank() {
        if (role == Role.MAIN) {
            return 0;
        }
        if (minutes != null) {
            return 4;
        }
        return exercise.closesSession() ? 3 : exercise.mechanics() == Mechanics.ISOLATION ? 2 : 1;
    }

    /** The matching item of the highest priority (the last slot), if any. */
    static Optional<Item> last(List<Item> items, Predicate<Item> matching) {
        return items.stream().filter(matching).max(Comparator.comparingInt(item -> item.priority));
    }
}
