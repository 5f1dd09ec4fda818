package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.PlannedExercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Dose;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Role;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.ArrayList;
import java.util.List;

/** The plan's {@code rules_checked} sentences and its cardio summary: what a reader of the plan is told was kept. */
final class RulesChecked {

    private RulesChecked() {
    }

    static WorkoutPlan.Cardio cardio(WorkoutRequest request, WorkoutPlan.Week firstWeek) {
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
     * What the focus did, one sentence per area: the muscle focus from {@link MuscleFocus#emphasise}, the timed work
     * and the strength lean from the first week, and each unknown area with why it was ignored.
     */
    static List<String> focusRules(WorkoutRequest request, List<String> muscleNotes,
                                           WorkoutPlan.Week firstWeek) {
        List<String> rules = new ArrayList<>();
        List<WorkoutPlan.Session> training = firstWeek.sessions().stream().filter(session -> session.exercises()
                .stream().anyMatch(exercise -> exercise.minutes() == null)).toList();
        int muscleNote = 0;
        for (FocusArea area : request.focusAreas()) {
            switch (area) {
                case CARDIO -> rules.add(timedRule("Focus cardio", "conditioning", training, "conditioning",
                        request.goal() == Goal.FAT_LOSS ? 30 : WorkoutEngine.CARDIO_FOCUS_MINUTES, 10, request));
                case FLEXIBILITY -> rules.add(timedRule("Focus flexibility", "mobility work", training, "mobility",
                        WorkoutEngine.MOBILITY_MINUTES, WorkoutEngine.MOBILITY_MIN_MINUTES, request));
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
                    + "training the planner knows (" + Coded.codes(FocusArea.class)
                    + "); listed in unknown_focus_areas");
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

    static List<String> rulesChecked(WorkoutRequest request) {
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
}
