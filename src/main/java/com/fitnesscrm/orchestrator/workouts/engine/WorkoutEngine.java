package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.workouts.Codes;
import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.FocusArea;
import com.fitnesscrm.orchestrator.workouts.Goal;
import com.fitnesscrm.orchestrator.workouts.Mechanics;
import com.fitnesscrm.orchestrator.workouts.Muscle;
import com.fitnesscrm.orchestrator.workouts.Pattern;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.PlannedExercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Dose;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Role;
import com.fitnesscrm.orchestrator.workouts.engine.Split.Slot;
import com.fitnesscrm.orchestrator.workouts.engine.Split.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Workout Optimizer's rules engine: plain Java, no Spring, no network, the same plan for the same request.
 *
 * <p>A week is built per block of six weeks (five loading weeks and a deload): each session of the split's
 * templates gets, slot by slot, the first allowed exercise of the slot's pattern (accessories rotate within their
 * substitution group from block to block, main lifts stay), dosed by goal; then each session is fitted to its time
 * (isolation first, then conditioning, then sets, then the remaining accessories from the end), and the week is
 * capped at each muscle's MRV, balanced so that pulling sets are at least the pushing sets, and topped up to MV where
 * that applies. {@link WorkoutValidator} checks every rule on the result.
 */
public final class WorkoutEngine {

    /** Weeks in a block: five loading weeks, then a deload. */
    public static final int BLOCK_WEEKS = GoalRules.MAX_LOADING_WEEKS + 1;

    /** The active-recovery day's exercise where it is allowed: anyone can walk. */
    private static final String EASY_CARDIO = "brisk_walk";
    /** A focused muscle gets up to this many more hard sets a week, never past its MRV. */
    public static final double FOCUS_EXTRA_SETS = 4;
    /** A cardio focus: a conditioning bout closing each session (at least 10 min, or none), or a longer fat-loss one. */
    static final int CARDIO_FOCUS_MINUTES = 15;
    static final int CARDIO_FOCUS_EXTRA_MINUTES = 10;
    /** A flexibility focus: mobility work closing each session, at least 5 min or none. */
    static final int MOBILITY_MINUTES = 8;
    static final int MOBILITY_MIN_MINUTES = 5;

    private final ExerciseCatalogue catalogue;
    private final WorkoutValidator validator;

    public WorkoutEngine(ExerciseCatalogue catalogue) {
        this.catalogue = catalogue;
        this.validator = new WorkoutValidator(catalogue, this);
    }

    /** Every rule the plan breaks for this request, in words; empty when it keeps them all. */
    public List<String> check(WorkoutRequest request, WorkoutPlan plan) {
        return validator.check(request, plan);
    }

    /** The muscle's MRV in weekly hard sets (Renaissance Periodization), which no plan passes. */
    public static int maximumVolume(Muscle muscle) {
        return GoalRules.MRV.get(muscle);
    }

    /** The muscle's MV in weekly hard sets for this request, or 0 where the MV rule does not apply to it. */
    public static double minimumVolume(WorkoutRequest request, Muscle muscle) {
        return GoalRules.minimumVolume(request, muscle);
    }

    public WorkoutPlan plan(WorkoutRequest request) {
        Split split = Split.forDays(request.daysPerWeek());
        List<Exercise> allowed = catalogue.all().stream().filter(exercise -> exercise.allowedFor(
                request.equipment(), request.contraindications(), request.fitnessLevel())).toList();
        int blocks = (request.weeks() - 1) / BLOCK_WEEKS + 1;
        List<List<List<Item>>> blockWeeks = new ArrayList<>();
        List<String> focusNotes = new ArrayList<>();
        int rotation = 0;
        for (int block = 0; block < blocks; block++) {
            List<List<Item>> week = buildWeek(request, split, allowed, block, block == 0 ? focusNotes : null);
            if (block > 0 && !asGood(request, blockWeeks.get(block - 1), week)) {
                // Rotating accessories would raise a muscle's volume too fast: keep the last block's exercises.
                week = buildWeek(request, split, allowed, rotation, null);
            } else {
                rotation = block;
            }
            blockWeeks.add(week);
        }
        Map<String, WorkoutRequest.HistoryEntry> history = new LinkedHashMap<>();
        request.history().forEach(entry -> history.put(entry.exerciseId(), entry));
        List<WorkoutPlan.Week> weeks = new ArrayList<>();
        List<WorkoutPlan.WeekVolume> volumes = new ArrayList<>();
        for (int number = 1; number <= request.weeks(); number++) {
            int block = (number - 1) / BLOCK_WEEKS;
            boolean deload = number % BLOCK_WEEKS == 0;
            List<WorkoutPlan.Session> sessions = new ArrayList<>();
            List<List<Item>> week = blockWeeks.get(block);
            Map<Item, Integer> sets = deload ? deloadSets(week) : loadingSets(week);
            for (int day = 0; day < week.size(); day++) {
                sessions.add(session(request, split.sessions.get(day).name(), day + 1, week.get(day), sets, deload,
                        block == 0 ? history : Map.of()));
            }
            weeks.add(new WorkoutPlan.Week(number, deload, sessions));
            volumes.add(new WorkoutPlan.WeekVolume(number, WorkoutValidator.volumeOf(sessions)));
        }
        List<String> rules = rulesChecked(request);
        // The focus comes before what the CRM added, which stays the last sentence.
        rules.addAll(request.fromCrm() == null ? rules.size() : rules.size() - 1,
                focusRules(request, focusNotes, weeks.get(0)));
        return new WorkoutPlan(request.clientId(), request.goal().code(), request.fitnessLevel().code(), split.code(),
                request.daysPerWeek(), request.minutesPerSession(), weeks, volumes, cardio(request, weeks.get(0)),
                rules, "rules", null, request.fromCrm(), codes(request.focusAreas()), request.unknownFocusAreas());
    }

    // --- Building one week -----------------------------------------------------------------------------------------

    /** @param focusNotes where to say what the muscle focus added, or {@code null} */
    private List<List<Item>> buildWeek(WorkoutRequest request, Split split, List<Exercise> allowed, int rotation,
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
                        + CARDIO_FOCUS_EXTRA_MINUTES), 10, true)
                        : Item.conditioning(exercise, template.slots().size(), minutes)));
            } else if (cardioFocus) {
                conditioning(allowed, index + rotation).ifPresent(exercise -> items.add(Item.timed(exercise,
                        template.slots().size(), CARDIO_FOCUS_MINUTES, 10, true)));
            }
            if (request.focuses(FocusArea.FLEXIBILITY)) {
                mobility(allowed, index + rotation).ifPresent(exercise -> items.add(Item.timed(exercise,
                        template.slots().size() + 1, MOBILITY_MINUTES, MOBILITY_MIN_MINUTES, true)));
            }
            fitTime(request, items);
            baseUsedInWeek.addAll(baseInSession);
            sessions.add(items);
        }
        capAtMaximumVolume(request, sessions);
        balancePullingAndPushing(request, allowed, sessions);
        topUpToMinimumVolume(request, sessions);
        emphasise(request, allowed, sessions, focusNotes);
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
     * Drops isolation work, then shortens timed work (conditioning, mobility) to its minimum and drops the fat-loss
     * bout, then cuts sets, then drops the timed work a focus asked for, then drops accessories from the end.
     */
    private static void fitTime(WorkoutRequest request, List<Item> items) {
        int limit = request.minutesPerSession() * 60;
        while (seconds(request, items) > limit) {
            Optional<Item> isolation = last(items, item -> item.exercise.pattern() == Pattern.ISOLATION);
            if (isolation.isPresent()) {
                items.remove(isolation.get());
                continue;
            }
            Optional<Item> longer = last(items, item -> item.minutes != null && item.minutes > item.minMinutes);
            if (longer.isPresent()) {
                Item bout = longer.get();
                int over = (seconds(request, items) - limit + 59) / 60;
                bout.minutes = Math.max(bout.minMinutes, bout.minutes - over);
                continue;
            }
            Optional<Item> cardio = last(items, item -> item.minutes != null && !item.requested);
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
            Optional<Item> main = last(items, item -> item.role == Role.MAIN
                    && item.sets > GoalRules.fewestSets(request.goal(), item.role));
            if (main.isPresent()) {
                main.get().sets--;
                continue;
            }
            // What a focus asked for goes before the accessories that cover the week's patterns.
            Optional<Item> requested = last(items, item -> item.minutes != null);
            if (requested.isPresent()) {
                items.remove(requested.get());
                continue;
            }
            Optional<Item> drop = last(items, item -> item.role == Role.ACCESSORY);
            if (drop.isEmpty()) {
                return; // one main lift at its fewest sets always fits 15 minutes; the validator would say if not
            }
            items.remove(drop.get());
        }
    }

    /**
     * The muscle focus, after every other rule has shaped the week: each focused muscle, in the order asked, gets up
     * to {@link #FOCUS_EXTRA_SETS} more sets a week — first a set more on its exercises (with a pull where a push
     * would tip the balance), then an isolation or core exercise for it in a session with time left — never past any
     * muscle's MRV, the goal's most sets per exercise or the session's minutes. Only adds, so every rule that held
     * still holds.
     */
    private static void emphasise(WorkoutRequest request, List<Exercise> allowed, List<List<Item>> week,
                                  List<String> notes) {
        Set<Muscle> muscles = request.focusMuscles();
        if (muscles.isEmpty()) {
            return;
        }
        Map<Muscle, Double> before = volume(week);
        for (Muscle muscle : muscles) {
            double target = Math.min(GoalRules.MRV.get(muscle), before.get(muscle) + FOCUS_EXTRA_SETS);
            for (int guard = 0; guard < 50 && volume(week).get(muscle) < target - 1e-9; guard++) {
                if (!addSet(request, week, muscle) && !addExercise(request, allowed, week, muscle)) {
                    break;
                }
            }
        }
        if (notes == null) {
            return;
        }
        Map<Muscle, Double> after = volume(week);
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

    /** "chest +4 sets/week (8 → 12), within MRV 22", or what capped it. */
    private static String focusOutcome(WorkoutRequest request, List<Exercise> allowed, Muscle muscle, double before,
                                       double after) {
        int mrv = GoalRules.MRV.get(muscle);
        String text = muscle.code().replace('_', ' ') + " +" + number(after - before) + " sets/week (" + number(before)
                + " → " + number(after) + ")";
        if (after >= Math.min(mrv, before + FOCUS_EXTRA_SETS) - 1e-9) {
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
        sessions.sort(Comparator.comparingInt((List<Item> items) -> seconds(request, items)));
        for (List<Item> session : sessions) {
            for (Exercise exercise : preferred) {
                if (session.stream().anyMatch(item -> item.exercise.id().equals(exercise.id()))) {
                    continue;
                }
                Item item = new Item(exercise, Role.ACCESSORY, GoalRules.prescribed(request, Role.ACCESSORY),
                        100 + session.size());
                session.add(item);
                if (seconds(request, session) <= request.minutesPerSession() * 60 && volume(week).entrySet().stream()
                        .allMatch(entry -> entry.getValue() <= GoalRules.MRV.get(entry.getKey()))) {
                    return true;
                }
                session.remove(item);
            }
        }
        return false;
    }

    private static void capAtMaximumVolume(WorkoutRequest request, List<List<Item>> week) {
        for (Muscle muscle : Muscle.values()) {
            for (int guard = 0; guard < 500 && volume(week).get(muscle) > GoalRules.MRV.get(muscle); guard++) {
                if (!reduce(request, week, item -> item.contribution(muscle) > 0)) {
                    break;
                }
            }
        }
    }

    private static void balancePullingAndPushing(WorkoutRequest request, List<Exercise> allowed,
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
                Optional<Item> item = last(week.get(day), candidate -> candidate.role == role
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
            Optional<Item> item = last(session, candidate -> candidate.role == Role.ACCESSORY
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

    private static void topUpToMinimumVolume(WorkoutRequest request, List<List<Item>> week) {
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
    private static boolean addSet(WorkoutRequest request, List<List<Item>> week, Muscle muscle) {
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
            Optional<Item> isolation = last(session, item -> item.minutes == null
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
        boolean fits = seconds(request, session) <= request.minutesPerSession() * 60 && volume(week).entrySet()
                .stream().allMatch(entry -> entry.getValue() <= GoalRules.MRV.get(entry.getKey()));
        if (!fits) {
            item.sets--;
        }
        return fits;
    }

    private static boolean balanced(List<List<Item>> week) {
        return setsOf(week, Item::pushing) <= setsOf(week, Item::pulling);
    }

    // --- From a week's items to the plan ----------------------------------------------------------------------------

    private static Map<Item, Integer> loadingSets(List<List<Item>> week) {
        Map<Item, Integer> sets = new java.util.IdentityHashMap<>();
        week.forEach(items -> items.forEach(item -> sets.put(item, item.sets)));
        return sets;
    }

    /**
     * A deload halves each exercise's sets, rounding up (−33 to −50 %); where rounding up leaves more pushing than
     * pulling sets, odd-numbered pushing exercises round down instead, which keeps the week's cut within 30–50 %.
     */
    private static Map<Item, Integer> deloadSets(List<List<Item>> week) {
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

    private WorkoutPlan.Session session(WorkoutRequest request, String name, int day, List<Item> items,
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

    private static WorkoutPlan.Cardio cardio(WorkoutRequest request, WorkoutPlan.Week firstWeek) {
        if (!GoalRules.cardioCounted(request)) {
            return null;
        }
        int inSession = conditioningMinutes(firstWeek);
        int extra = Math.max(0, GoalRules.CARDIO_MIN_MINUTES - inSession);
        return new WorkoutPlan.Cardio(inSession, extra, GoalRules.CARDIO_MIN_MINUTES, GoalRules.CARDIO_MAX_MINUTES,
                extra == 0 ? "The sessions' conditioning reaches ACSM's 150 minutes a week."
                        : "Add " + extra + " minutes a week of moderate cardio (brisk walking, cycling, swimming) on "
                        + "other days to reach ACSM's 150–300 minutes.");
    }

    /** Conditioning minutes of a week (mobility is timed too but is no cardio). */
    static int conditioningMinutes(WorkoutPlan.Week week) {
        return week.sessions().stream().flatMap(session -> session.exercises().stream())
                .filter(exercise -> exercise.minutes() != null && "conditioning".equals(exercise.pattern()))
                .mapToInt(WorkoutPlan.PlannedExercise::minutes).sum();
    }

    /**
     * What the focus did, one sentence per area: the muscle focus from {@link #emphasise}, the timed work and the
     * strength lean from the first week, and each unknown area with why it was ignored.
     */
    private static List<String> focusRules(WorkoutRequest request, List<String> muscleNotes,
                                           WorkoutPlan.Week firstWeek) {
        List<String> rules = new ArrayList<>();
        List<WorkoutPlan.Session> training = firstWeek.sessions().stream().filter(session -> session.exercises()
                .stream().anyMatch(exercise -> exercise.minutes() == null)).toList();
        int muscleNote = 0;
        for (FocusArea area : request.focusAreas()) {
            switch (area) {
                case CARDIO -> rules.add(timedRule("Focus cardio", "conditioning", training, "conditioning",
                        request.goal() == Goal.FAT_LOSS ? 30 : CARDIO_FOCUS_MINUTES, 10, request));
                case FLEXIBILITY -> rules.add(timedRule("Focus flexibility", "mobility work", training, "mobility",
                        MOBILITY_MINUTES, MOBILITY_MIN_MINUTES, request));
                case STRENGTH -> {
                    if (request.goal() == Goal.STRENGTH) {
                        rules.add("Focus strength: the goal is strength, whose doses every main lift has already");
                    } else {
                        Dose dose = GoalRules.prescribed(request, Role.MAIN);
                        rules.add("Focus strength: main lifts at " + dose.repsMin() + "–" + dose.repsMax() + " reps, "
                                + dose.restMin() + " s rest, " + dose.percentMin() + "–" + dose.percentMax()
                                + " % of 1RM: the heavy end of " + request.goal().code().replace('_', ' ')
                                + "'s ranges (NSCA)");
                    }
                }
                case FULL_BODY -> rules.add("Focus full body: every split already trains the whole body each week; "
                        + "no muscle gets extra sets");
                default -> rules.add(muscleNote < muscleNotes.size() ? muscleNotes.get(muscleNote++)
                        : "Focus " + area.code().replace('_', ' '));
            }
        }
        for (String unknown : request.unknownFocusAreas()) {
            rules.add("Focus '" + unknown + "' ignored: not a muscle, body region, movement pattern or kind of "
                    + "training the planner knows (" + FocusArea.codes() + "); listed in unknown_focus_areas");
        }
        return rules;
    }

    /** How much of the timed work a focus asked for the sessions hold, and what cut it. */
    private static String timedRule(String focus, String what, List<WorkoutPlan.Session> training, String pattern,
                                    int asked, int fewest, WorkoutRequest request) {
        List<Integer> minutes = training.stream().map(session -> session.exercises().stream()
                .filter(exercise -> pattern.equals(exercise.pattern()) && exercise.minutes() != null)
                .mapToInt(WorkoutPlan.PlannedExercise::minutes).sum()).toList();
        int total = minutes.stream().mapToInt(Integer::intValue).sum();
        long holding = minutes.stream().filter(value -> value > 0).count();
        String text = focus + ": " + what + " closes " + holding + " of " + training.size() + " sessions, " + total
                + " min a week";
        if (minutes.stream().allMatch(value -> value >= asked)) {
            return text + " (" + asked + " min each)";
        }
        return text + " (" + asked + " min asked each, shortened to fit the " + request.minutesPerSession()
                + "-minute sessions" + (holding < training.size() ? "; " + (training.size() - holding) + " had no "
                + "room for even " + fewest + " min" : "") + ")";
    }

    private static List<String> rulesChecked(WorkoutRequest request) {
        List<String> rules = new ArrayList<>(List.of(
                "Reps, sets, rest and intensity in NSCA's ranges for " + request.goal().code() + "; the main lift "
                        + "in the goal's range",
                "Split by days a week: " + Split.forDays(request.daysPerWeek()).code(),
                "Weekly hard sets per muscle at most RP's MRV",
                "Week-to-week increase of at most 2 sets per muscle",
                "A deload (volume −30–50 %, load −10 %) after at most 5 loading weeks",
                "ACSM progression: +2–10 % load once the target reps are beaten by 1–2",
                "Pulling sets at least the pushing sets every week",
                "Compound lifts before isolation work in every session",
                "Only the client's equipment; no exercise contraindicated for the client",
                "Every session fits " + request.minutesPerSession() + " minutes (sets × (reps × 4 s + rest) + "
                        + GoalRules.warmUpMinutes(request.minutesPerSession()) + " min warm-up)",
                "Main lifts stay for a block; accessories rotate within substitution groups between blocks"));
        rules.add(GoalRules.minimumVolume(request, Muscle.CHEST) > 0
                ? "Chest, back and quads at least at MV (8/8/6" + (request.fitnessLevel() == FitnessLevel.BEGINNER
                ? " × 0.7 for beginners" : "") + ")"
                : "MV for chest, back and quads: applies to strength and hypertrophy with ≥ 3 days of ≥ 60 min only");
        rules.add(GoalRules.coverageRequired(request)
                ? "Each week covers squat, hinge, single-leg, horizontal and vertical push and pull, and core"
                : "Pattern coverage waived: sessions too short to hold every pattern");
        rules.add(GoalRules.frequencyRequired(request) ? "Chest, back and quads trained on at least two days a week"
                : "Twice-a-week frequency waived: one day a week or sessions under "
                + GoalRules.FULL_RULES_MINUTES + " min");
        if (request.goal() == Goal.FAT_LOSS) {
            rules.add("Conditioning toward ACSM's 150–300 minutes a week of moderate cardio");
        }
        if (request.fromCrm() != null) {
            rules.add(request.fromCrm().sentence());
        }
        return rules;
    }

    // --- Small helpers ---------------------------------------------------------------------------------------------

    private static int seconds(WorkoutRequest request, List<Item> items) {
        int seconds = items.stream().anyMatch(item -> item.minutes == null)
                ? GoalRules.warmUpMinutes(request.minutesPerSession()) * 60 : 0;
        for (Item item : items) {
            seconds += item.minutes != null ? item.minutes * 60
                    : item.sets * (item.dose.repsMax() * GoalRules.SECONDS_PER_REP + item.dose.restMin());
        }
        return seconds;
    }

    private static Map<Muscle, Double> volume(List<List<Item>> week) {
        Map<Muscle, Double> volume = new EnumMap<>(Muscle.class);
        for (Muscle muscle : Muscle.values()) {
            volume.put(muscle, week.stream().flatMap(List::stream)
                    .mapToDouble(item -> item.sets * item.contribution(muscle)).sum());
        }
        return volume;
    }

    /**
     * Whether a block's week may follow the last block's: no muscle up by more than 2 sets, none falling below MV
     * that was at it, and pulling still at least pushing. Otherwise the block keeps the last block's exercises.
     */
    private static boolean asGood(WorkoutRequest request, List<List<Item>> before, List<List<Item>> after) {
        Map<Muscle, Double> was = volume(before);
        Map<Muscle, Double> is = volume(after);
        for (Muscle muscle : Muscle.values()) {
            double minimum = Math.min(GoalRules.minimumVolume(request, muscle), was.get(muscle));
            if (is.get(muscle) - was.get(muscle) > GoalRules.MAX_WEEKLY_SET_INCREASE || is.get(muscle) < minimum) {
                return false;
            }
        }
        return balanced(after);
    }

    private static int setsOf(List<List<Item>> week, Predicate<Item> matching) {
        return week.stream().flatMap(List::stream).filter(matching).mapToInt(item -> item.sets).sum();
    }

    private static Optional<Item> last(List<Item> items, Predicate<Item> matching) {
        return items.stream().filter(matching).max(Comparator.comparingInt(item -> item.priority));
    }

    private static <E extends Enum<E>> List<String> codes(List<E> values) {
        return values.stream().map(Codes::code).toList();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String kg(double load) {
        return (load == Math.rint(load) ? String.valueOf((long) load) : String.valueOf(load)) + " kg";
    }

    /** An exercise of a session while it is built; sets and minutes change as the session is fitted. */
    private static final class Item {

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
    }
}
