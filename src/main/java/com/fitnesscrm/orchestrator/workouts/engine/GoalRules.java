package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import java.util.EnumMap;
import java.util.Map;

/**
 * The evidence the engine builds from and the validator checks against.
 *
 * <ul>
 *   <li>NSCA's reps, sets, rest and intensity by goal (Essentials of Strength Training and Conditioning, 4th ed.,
 *       table 17.8): {@link #allowed} is the range a plan may use, {@link #prescribed} what the engine gives.</li>
 *   <li>Renaissance Periodization's weekly volume landmarks: maximum recoverable volume ({@link #MRV}) and minimum
 *       volume ({@link #MV}) per muscle.</li>
 * </ul>
 */
final class GoalRules {

    /** Seconds one repetition takes in the time estimate. */
    static final int SECONDS_PER_REP = 4;
    /** A week-to-week increase in hard sets per muscle larger than this is too fast. */
    static final double MAX_WEEKLY_SET_INCREASE = 2;
    /** Loading weeks in a row before a deload is due. */
    static final int MAX_LOADING_WEEKS = 5;
    /** Volume in a deload week, as a share of the week before: −30 to −50 %. */
    static final double DELOAD_VOLUME_MIN = 0.5;
    static final double DELOAD_VOLUME_MAX = 0.7;
    /** Load in a deload week: −10 %. */
    static final double DELOAD_LOAD = 0.9;
    /** ACSM: +2–10 % load once the client beats the target reps by 1–2. */
    static final double PROGRESSION_MIN = 0.02;
    static final double PROGRESSION_MAX = 0.10;
    /** Below this session length the coverage and frequency rules are waived: there is no room for them. */
    static final int FULL_RULES_MINUTES = 45;
    /** With a single day a week, coverage of every pattern needs at least this long a session. */
    static final int SINGLE_DAY_COVERAGE_MINUTES = 75;
    /** ACSM's weekly moderate cardio for weight loss. */
    static final int CARDIO_MIN_MINUTES = 150;
    static final int CARDIO_MAX_MINUTES = 300;

    static final Map<Muscle, Integer> MRV = new EnumMap<>(Map.ofEntries(
            Map.entry(Muscle.CHEST, 22), Map.entry(Muscle.BACK, 25), Map.entry(Muscle.QUADS, 20),
            Map.entry(Muscle.HAMSTRINGS, 20), Map.entry(Muscle.GLUTES, 16), Map.entry(Muscle.SIDE_DELTS, 26),
            Map.entry(Muscle.REAR_DELTS, 26), Map.entry(Muscle.FRONT_DELTS, 12), Map.entry(Muscle.BICEPS, 26),
            Map.entry(Muscle.TRICEPS, 18), Map.entry(Muscle.CALVES, 20), Map.entry(Muscle.ABS, 25)));

    /** Minimum volume for strength and hypertrophy with ≥ 3 days of ≥ 60 minutes; ×0.7 for beginners. */
    static final Map<Muscle, Integer> MV = new EnumMap<>(Map.of(Muscle.CHEST, 8, Muscle.BACK, 8,
            Muscle.QUADS, 6));

    private GoalRules() {
    }

    /**
     * A range of reps, sets, rest and intensity.
     *
     * @param percentMin lowest % of 1RM ({@code 0}: no lower bound)
     * @param rir        reps in reserve for exercises given by effort rather than % of 1RM
     */
    record Dose(int repsMin, int repsMax, int setsMin, int setsMax, int restMin, int restMax, int percentMin,
                       int percentMax, int rir) {
    }

    /** Whether an exercise is the session's main lift (its first) or an accessory. */
    enum Role { MAIN, ACCESSORY }

    /** What a plan for this goal may use. */
    static Dose allowed(Goal goal, Role role) {
        return switch (goal) {
            case STRENGTH -> role == Role.MAIN ? new Dose(1, 6, 2, 6, 120, 300, 85, 100, 1)
                    // accessories of a strength plan may use 6–12 reps in the hypertrophy zone
                    : new Dose(1, 12, 2, 6, 30, 300, 67, 100, 2);
            case HYPERTROPHY -> new Dose(6, 12, 3, 6, 30, 90, 67, 85, 2);
            case ENDURANCE -> new Dose(12, 25, 2, 3, 0, 30, 0, 67, 3);
            case GENERAL_FITNESS -> new Dose(8, 15, 1, 3, 30, 90, 50, 80, 3);
            // resistance work in the hypertrophy or general fitness ranges
            case FAT_LOSS -> new Dose(6, 15, 1, 6, 30, 90, 50, 85, 2);
        };
    }

    /** What the engine gives; always inside {@link #allowed}. */
    static Dose prescribed(Goal goal, Role role, FitnessLevel level) {
        int step = level.ordinal(); // 0 beginner, 1 intermediate, 2 advanced
        boolean main = role == Role.MAIN;
        return switch (goal) {
            case STRENGTH -> main ? new Dose(3, 5, 3 + step, 3 + step, 180, 180, 85, 90, 1)
                    : new Dose(6, 10, 3, 3, 90, 90, 70, 80, 2);
            case HYPERTROPHY -> main ? new Dose(6, 10, 3 + step / 2, 3 + step / 2, 90, 90, 75, 85, 2)
                    : new Dose(8, 12, 3 + step / 2, 3 + step / 2, 60, 60, 70, 80, 2);
            case ENDURANCE -> new Dose(15, 20, step == 0 ? 2 : 3, step == 0 ? 2 : 3, 30, 30, 50, 65, 3);
            case GENERAL_FITNESS -> main ? new Dose(8, 12, step == 0 ? 2 : 3, step == 0 ? 2 : 3, 60, 60, 65, 75, 3)
                    : new Dose(10, 15, step == 0 ? 2 : 3, step == 0 ? 2 : 3, 60, 60, 60, 70, 3);
            case FAT_LOSS -> main ? new Dose(8, 12, step == 0 ? 2 : 3, step == 0 ? 2 : 3, 45, 45, 65, 75, 2)
                    : new Dose(10, 15, step == 0 ? 2 : 3, step == 0 ? 2 : 3, 45, 45, 60, 70, 2);
        };
    }

    /**
     * What the engine gives a request: {@link #prescribed}, except that a {@link FocusArea#STRENGTH} focus moves the
     * main lifts of a goal other than strength to the heavy end of that goal's own ranges ({@link #strengthLeaning}).
     */
    static Dose prescribed(WorkoutRequest request, Role role) {
        Dose dose = prescribed(request.goal(), role, request.fitnessLevel());
        return role == Role.MAIN && request.focuses(FocusArea.STRENGTH) && request.goal() != Goal.STRENGTH
                ? strengthLeaning(request.goal(), dose) : dose;
    }

    /**
     * A main lift's dose leaning toward strength inside the goal's {@link #allowed} range: fewer reps, the longest
     * rest and the heaviest loads the goal allows (NSCA: strength is trained with the heaviest loads, fewest reps and
     * longest rests). The sets stay as prescribed. The validator holds a focused plan's main lifts to it.
     */
    static Dose strengthLeaning(Goal goal, Dose prescribed) {
        Dose allowed = allowed(goal, Role.MAIN);
        int repsMax = Math.min(prescribed.repsMax(), allowed.repsMin() + (goal == Goal.ENDURANCE ? 3 : 2));
        int percentMin = Math.max(prescribed.percentMin(), allowed.percentMax() - (goal == Goal.ENDURANCE ? 7 : 5));
        return new Dose(allowed.repsMin(), repsMax, prescribed.setsMin(), prescribed.setsMax(), allowed.restMax(),
                allowed.restMax(), percentMin, allowed.percentMax(), Math.max(1, prescribed.rir() - 1));
    }

    /** The fewest sets the engine trims an exercise to: the goal's minimum, and never one (a deload halves it). */
    static int fewestSets(Goal goal, Role role) {
        return Math.max(2, allowed(goal, role).setsMin());
    }

    /** Minimum weekly sets of a muscle for this request, or 0 when the MV rule does not apply to it. */
    static double minimumVolume(WorkoutRequest request, Muscle muscle) {
        boolean applies = (request.goal() == Goal.STRENGTH || request.goal() == Goal.HYPERTROPHY)
                && request.daysPerWeek() >= 3 && request.minutesPerSession() >= 60;
        if (!applies || !MV.containsKey(muscle)) {
            return 0;
        }
        return MV.get(muscle) * (request.fitnessLevel() == FitnessLevel.BEGINNER ? 0.7 : 1.0);
    }

    /** Whether every week must cover every pattern the client's exercises allow. */
    static boolean coverageRequired(WorkoutRequest request) {
        return request.daysPerWeek() == 1 ? request.minutesPerSession() >= SINGLE_DAY_COVERAGE_MINUTES
                : request.minutesPerSession() >= FULL_RULES_MINUTES;
    }

    /** Whether chest, back and quads must be trained on at least two days a week. */
    static boolean frequencyRequired(WorkoutRequest request) {
        return request.daysPerWeek() >= 2 && request.minutesPerSession() >= FULL_RULES_MINUTES;
    }

    /** Whether the plan counts its cardio toward ACSM's 150–300 minutes a week: for fat loss or a cardio focus. */
    static boolean cardioCounted(WorkoutRequest request) {
        return request.goal() == Goal.FAT_LOSS || request.focuses(FocusArea.CARDIO);
    }

    /** Warm-up minutes counted into every training session's time. */
    static int warmUpMinutes(int minutesPerSession) {
        return minutesPerSession <= 30 ? 5 : 10;
    }
}
