package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Role;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Volume balancing over a week: each muscle's weekly hard sets capped at its MRV, pulling sets at least the pushing
 * sets, and chest, back and quads topped up to MV where that rule applies; never past a session's minutes.
 */
final class VolumeBalance {

    private VolumeBalance() {
    }

    static void capAtMaximumVolume(WorkoutRequest request, List<List<Item>> week) {
        for (Muscle muscle : Muscle.values()) {
            for (int guard = 0; guard < 500 && volume(week).get(muscle) > GoalRules.MRV.get(muscle); guard++) {
                if (!reduce(request, week, item -> item.contribution(muscle) > 0)) {
                    break;
                }
            }
        }
    }

    static void balancePullingAndPushing(WorkoutRequest request, List<Exercise> allowed,
                                                 List<List<Item>> week) {
        for (int guard = 0; guard < 500 && !balanced(week); guard++) {
            if (!reduce(request, week, Item::pushing) && !pullInsteadOfPush(allowed, week)) {
                break;
            }
        }
    }

    /**
     * Short sessions may hold only their main lift, and a push day's then outweighs a pull day's: the last session
     * whose main lift pushes gets a pulling main lift instead, with the same dose (so it takes the same time).
     */
    private static boolean pullInsteadOfPush(List<Exercise> allowed, List<List<Item>> week) {
        for (int day = week.size() - 1; day >= 0; day--) {
            List<Item> session = week.get(day);
            Optional<Item> push = session.stream().filter(item -> item.role == Role.MAIN && item.pushing()).findFirst();
            if (push.isEmpty()) {
                continue;
            }
            Set<String> inWeek = new HashSet<>();
            week.forEach(items -> items.forEach(item -> inWeek.add(item.exercise.id())));
            Optional<Exercise> pull = allowed.stream().filter(exercise -> (exercise.pattern() == Pattern.HORIZONTAL_PULL
                            || exercise.pattern() == Pattern.VERTICAL_PULL) && !inWeek.contains(exercise.id()))
                    .findFirst()
                    .or(() -> allowed.stream().filter(exercise -> exercise.pattern() == Pattern.HORIZONTAL_PULL
                            || exercise.pattern() == Pattern.VERTICAL_PULL).filter(exercise -> session.stream()
                            .noneMatch(item -> item.exercise.id().equals(exercise.id()))).findFirst());
            if (pull.isPresent()) {
                Item replaced = push.get();
                Item main = new Item(pull.get(), Role.MAIN, replaced.dose, replaced.priority);
                main.sets = replaced.sets;
                session.set(session.indexOf(replaced), main);
                return true;
            }
        }
        return false;
    }

    /**
     * Takes one set away from the matching exercises, or one of them away: accessories before main lifts, the last
     * session and slot first; an accessory is only dropped when its pattern is still trained elsewhere that week.
     */
    private static boolean reduce(WorkoutRequest request, List<List<Item>> week, Predicate<Item> matching) {
        for (Role role : List.of(Role.ACCESSORY, Role.MAIN)) {
            for (int day = week.size() - 1; day >= 0; day--) {
                Optional<Item> item = Item.last(week.get(day), candidate -> candidate.role == role
                        && candidate.minutes == null && matching.test(candidate)
                        && candidate.sets > GoalRules.fewestSets(request.goal(), role));
                if (item.isPresent()) {
                    item.get().sets--;
                    return true;
                }
            }
        }
        for (int day = week.size() - 1; day >= 0; day--) {
            List<Item> session = week.get(day);
            Optional<Item> item = Item.last(session, candidate -> candidate.role == Role.ACCESSORY
                    && candidate.minutes == null && matching.test(candidate)
                    && (candidate.exercise.pattern() == Pattern.ISOLATION
                    || week.stream().flatMap(List::stream).filter(other -> other != candidate)
                    .anyMatch(other -> other.exercise.pattern() == candidate.exercise.pattern()))
                    && keepsFrequency(week, session, candidate));
            if (item.isPresent()) {
                session.remove(item.get());
                return true;
            }
        }
        return false;
    }

    /** Whether chest, back and quads stay trained on as many days (up to two) without this exercise. */
    private static boolean keepsFrequency(List<List<Item>> week, List<Item> session, Item candidate) {
        for (Muscle muscle : List.of(Muscle.CHEST, Muscle.BACK, Muscle.QUADS)) {
            if (!candidate.exercise.primaryMuscles().contains(muscle)) {
                continue;
            }
            boolean elsewhereInSession = session.stream().anyMatch(other -> other != candidate
                    && other.minutes == null && other.exercise.primaryMuscles().contains(muscle));
            long days = week.stream().filter(items -> items.stream().anyMatch(item -> item.minutes == null
                    && item.exercise.primaryMuscles().contains(muscle))).count();
            if (!elsewhereInSession && days <= 2) {
                return false;
            }
        }
        return true;
    }

    static void topUpToMinimumVolume(WorkoutRequest request, List<List<Item>> week) {
        for (Muscle muscle : List.of(Muscle.BACK, Muscle.QUADS, Muscle.CHEST)) {
            double minimum = GoalRules.minimumVolume(request, muscle);
            for (int guard = 0; guard < 100 && volume(week).get(muscle) < minimum; guard++) {
                if (!addSet(request, week, muscle) && !makeRoom(request, week, muscle)) {
                    break;
                }
            }
        }
    }

    /** Adds a set to an exercise training the muscle, and where that would tip the balance, one to a pull too. */
    static boolean addSet(WorkoutRequest request, List<List<Item>> week, Muscle muscle) {
        for (Item item : week.stream().flatMap(List::stream).toList()) {
            if (item.minutes != null || !item.exercise.primaryMuscles().contains(muscle) || !grow(request, week, item)) {
                continue;
            }
            if (balanced(week)) {
                return true;
            }
            for (Item pull : week.stream().flatMap(List::stream).filter(Item::pulling).toList()) {
                if (grow(request, week, pull)) {
                    if (balanced(week)) {
                        return true;
                    }
                    pull.sets--;
                }
            }
            item.sets--;
        }
        return false;
    }

    /**
     * When another muscle an exercise for {@code muscle} also trains is at its MRV (front delts on chest presses),
     * takes a set from an exercise that trains that other muscle but not this one.
     */
    private static boolean makeRoom(WorkoutRequest request, List<List<Item>> week, Muscle muscle) {
        Map<Muscle, Double> volume = volume(week);
        for (Item item : week.stream().flatMap(List::stream).toList()) {
            if (item.minutes != null || !item.exercise.primaryMuscles().contains(muscle)) {
                continue;
            }
            for (Muscle other : Muscle.values()) {
                if (other != muscle && item.contribution(other) > 0
                        && volume.get(other) + item.contribution(other) > GoalRules.MRV.get(other)
                        && reduce(request, week, candidate -> candidate.contribution(other) > 0
                        && candidate.contribution(muscle) == 0)) {
                    return true;
                }
            }
        }
        // Or time: isolation work for other muscles leaves a session that an exercise for this one (or a pull to
        // balance it) is in.
        for (List<Item> session : week) {
            boolean useful = session.stream().anyMatch(item -> item.minutes == null
                    && (item.exercise.primaryMuscles().contains(muscle) || item.pulling()));
            Optional<Item> isolation = Item.last(session, item -> item.minutes == null
                    && item.exercise.pattern() == Pattern.ISOLATION && item.contribution(muscle) == 0);
            if (useful && isolation.isPresent()) {
                session.remove(isolation.get());
                return true;
            }
        }
        return false;
    }

    /** One more set for the item if its session still fits, it stays in the goal's range and no muscle passes MRV. */
    private static boolean grow(WorkoutRequest request, List<List<Item>> week, Item item) {
        if (item.sets >= GoalRules.allowed(request.goal(), item.role).setsMax()) {
            return false;
        }
        item.sets++;
        List<Item> session = week.stream().filter(items -> items.contains(item)).findFirst().orElseThrow();
        boolean fits = TimeBudget.seconds(request, session) <= request.minutesPerSession() * 60
                && volume(week).entrySet().stream().allMatch(entry -> entry.getValue() <= GoalRules.MRV.get(entry.getKey()));
        if (!fits) {
            item.sets--;
        }
        return fits;
    }

    static boolean balanced(List<List<Item>> week) {
        return setsOf(week, Item::pushing) <= setsOf(week, Item::pulling);
    }

    static Map<Muscle, Double> volume(List<List<Item>> week) {
        Map<Muscle, Double> volume = new EnumMap<>(Muscle.class);
        for (Muscle muscle : Muscle.values()) {
            volume.put(muscle, week.stream().flatMap(List::stream)
                    .mapToDouble(item -> item.sets * item.contribution(muscle)).sum());
        }
        return volume;
    }

    private static int setsOf(List<List<Item>> week, Predicate<Item> matching) {
        return week.stream().flatMap(List::stream).filter(matching).mapToInt(item -> item.sets).sum();
    }
}
