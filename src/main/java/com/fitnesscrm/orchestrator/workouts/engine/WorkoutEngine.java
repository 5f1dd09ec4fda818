package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Workout Optimizer's rules engine: plain Java, no Spring, no network, the same plan for the same request. The one
 * way into {@code workouts.engine}: {@link #plan} writes a plan, {@link #check} lists the rules a plan (the engine's or
 * an LLM's) breaks; everything else in the package is its own business.
 *
 * <p>A week is built per block of six weeks (five loading weeks and a deload): each session of the split's
 * templates gets, slot by slot, the first allowed exercise of the slot's pattern (accessories rotate within their
 * substitution group from block to block, main lifts stay), dosed by goal ({@link WeekBuilder}); then each session is
 * fitted to its time (isolation first, then conditioning, then sets, then the remaining accessories from the end:
 * {@link TimeBudget}), and the week is capped at each muscle's MRV, balanced so that pulling sets are at least the
 * pushing sets, and topped up to MV where that applies ({@link VolumeBalance}); a muscle focus adds last
 * ({@link MuscleFocus}). {@link PlanWriter} turns the weeks into the plan, {@link RulesChecked} says what was kept, and
 * {@link WorkoutValidator} checks every rule on the result.
 */
public final class WorkoutEngine {

    /** Weeks in a block: five loading weeks, then a deload. */
    public static final int BLOCK_WEEKS = GoalRules.MAX_LOADING_WEEKS + 1;

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

    public WorkoutPlan plan(WorkoutRequest request) {
        Split split = Split.forDays(request.daysPerWeek());
        List<Exercise> allowed = catalogue.all().stream().filter(exercise -> exercise.allowedFor(
                request.equipment(), request.contraindications(), request.fitnessLevel())).toList();
        int blocks = (request.weeks() - 1) / BLOCK_WEEKS + 1;
        List<List<List<Item>>> blockWeeks = new ArrayList<>();
        List<String> focusNotes = new ArrayList<>();
        int rotation = 0;
        for (int block = 0; block < blocks; block++) {
            List<List<Item>> week = WeekBuilder.buildWeek(request, split, allowed, block,
                    block == 0 ? focusNotes : null);
            if (block > 0 && !WeekBuilder.asGood(request, blockWeeks.get(block - 1), week)) {
                // Rotating accessories would raise a muscle's volume too fast: keep the last block's exercises.
                week = WeekBuilder.buildWeek(request, split, allowed, rotation, null);
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
            Map<Item, Integer> sets = deload ? PlanWriter.deloadSets(week) : PlanWriter.loadingSets(week);
            for (int day = 0; day < week.size(); day++) {
                sessions.add(PlanWriter.session(request, split.sessions.get(day).name(), day + 1, week.get(day), sets,
                        deload, block == 0 ? history : Map.of()));
            }
            weeks.add(new WorkoutPlan.Week(number, deload, sessions));
            volumes.add(new WorkoutPlan.WeekVolume(number, WorkoutValidator.volumeOf(sessions)));
        }
        List<String> rules = RulesChecked.rulesChecked(request);
        // The focus comes before what the CRM added, which stays the last sentence.
        rules.addAll(request.fromCrm() == null ? rules.size() : rules.size() - 1,
                RulesChecked.focusRules(request, focusNotes, weeks.get(0)));
        return new WorkoutPlan(request.clientId(), request.goal().code(), request.fitnessLevel().code(), split.code(),
                request.daysPerWeek(), request.minutesPerSession(), weeks, volumes,
                RulesChecked.cardio(request, weeks.get(0)), rules, "rules", null, request.fromCrm(),
                PlanWriter.codes(request.focusAreas()), request.unknownFocusAreas());
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
}
