package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Role;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The time budget of a session: what it takes (warm-up, sets × (reps × 4 s + rest), timed work) and, where that passes
 * the client's minutes, what goes first to make it fit.
 */
final class TimeBudget {

    private TimeBudget() {
    }

    /**
     * Drops isolation work, then shortens timed work (conditioning, mobility) to its minimum and drops the fat-loss
     * bout, then cuts sets, then drops the timed work a focus asked for, then drops accessories from the end.
     */
    static void fitTime(WorkoutRequest request, List<Item> items) {
        int limit = request.minutesPerSession() * 60;
        while (seconds(request, items) > limit) {
            Optional<Item> isolation = Item.last(items, item -> item.exercise.pattern() == Pattern.ISOLATION);
            if (isolation.isPresent()) {
                items.remove(isolation.get());
                continue;
            }
            Optional<Item> longer = Item.last(items, item -> item.minutes != null && item.minutes > item.minMinutes);
            if (longer.isPresent()) {
                Item bout = longer.get();
                int over = (seconds(request, items) - limit + 59) / 60;
                bout.minutes = Math.max(bout.minMinutes, bout.minutes - over);
                continue;
            }
            Optional<Item> cardio = Item.last(items, item -> item.minutes != null && !item.requested);
            if (cardio.isPresent()) {
                items.remove(cardio.get());
                continue;
            }
            Optional<Item> accessory = items.stream().filter(item -> item.role == Role.ACCESSORY
                    && item.sets > GoalRules.fewestSets(request.goal(), item.role))
                    .max(Comparator.comparingInt((Item item) -> item.sets).thenComparingInt(item -> item.priority));
            if (accessory.isPresent()) {
                accessory.get().sets--;
                continue;
            }
            Optional<Item> main = Item.last(items, item -> item.role == Role.MAIN
                    && item.sets > GoalRules.fewestSets(request.goal(), item.role));
            if (main.isPresent()) {
                main.get().sets--;
                continue;
            }
            // What a focus asked for goes before the accessories that cover the week's patterns.
            Optional<Item> requested = Item.last(items, item -> item.minutes != null);
            if (requested.isPresent()) {
                items.remove(requested.get());
                continue;
            }
            Optional<Item> drop = Item.last(items, item -> item.role == Role.ACCESSORY);
            if (drop.isEmpty()) {
                return; // one main lift at its fewest sets always fits 15 minutes; the validator would say if not
            }
            items.remove(drop.get());
        }
    }

    static int seconds(WorkoutRequest request, List<Item> items) {
        int seconds = items.stream().anyMatch(item -> item.minutes == null)
                ? GoalRules.warmUpMinutes(request.minutesPerSession()) * 60 : 0;
        for (Item item : items) {
            seconds += item.minutes != null ? item.minutes * 60
                    : item.sets * (item.dose.repsMax() * GoalRules.SECONDS_PER_REP + item.dose.restMin());
        }
        return seconds;
    }
}
