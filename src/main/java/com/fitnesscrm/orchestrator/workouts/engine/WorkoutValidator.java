package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.PlannedExercise;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.Session;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan.Week;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Dose;
import com.fitnesscrm.orchestrator.workouts.engine.GoalRules.Role;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Mechanics;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule of the Workout Optimizer, checked on a finished plan whoever wrote it (the rules engine or the LLM):
 * each broken rule is one sentence saying where and what is allowed. The plan's own figures (estimated minutes,
 * weekly sets) are recomputed, never trusted.
 */
final class WorkoutValidator {

    private static final List<Pattern> MAIN_PATTERNS = List.of(Pattern.SQUAT, Pattern.HINGE, Pattern.LUNGE,
            Pattern.HORIZONTAL_PUSH, Pattern.VERTICAL_PUSH, Pattern.HORIZONTAL_PULL, Pattern.VERTICAL_PULL,
            Pattern.CORE);
    private static final List<Muscle> TWICE_A_WEEK = List.of(Muscle.CHEST, Muscle.BACK, Muscle.QUADS);
    private static final double EPSILON = 0.011;

    /** A focused muscle may lose this many of the engine's week-1 sets to a swapped accessory, no more. */
    private static final double FOCUS_SLACK = 1;

    private final ExerciseCatalogue catalogue;
    /** The rules engine's plan is the measure of what a focus gives: see {@link #checkFocus}. */
    private final WorkoutEngine engine;

    WorkoutValidator(ExerciseCatalogue catalogue) {
        this(catalogue, new WorkoutEngine(catalogue));
    }

    /** The engine's own validator, measuring a focus by that engine's plans (no second engine, no recursion). */
    WorkoutValidator(ExerciseCatalogue catalogue, WorkoutEngine engine) {
        this.catalogue = catalogue;
        this.engine = engine;
    }

    List<String> check(WorkoutRequest request, WorkoutPlan plan) {
        List<String> violations = new ArrayList<>();
        if (plan == null || plan.weeks() == null || plan.weeks().size() != request.weeks()) {
            violations.add("The plan must have exactly " + request.weeks() + " weeks.");
            return violations;
        }
        // The plan is for this client and this request: an LLM answer may not retarget it.
        checkSame(violations, "client_id", request.clientId(), plan.clientId());
        checkSame(violations, "goal", request.goal().code(), plan.goal());
        checkSame(violations, "fitness_level", request.fitnessLevel().code(), plan.fitnessLevel());
        checkSame(violations, "days_per_week", request.daysPerWeek(), plan.daysPerWeek());
        checkSame(violations, "minutes_per_session", request.minutesPerSession(), plan.minutesPerSession());
        checkSame(violations, "from_crm", request.fromCrm(), plan.fromCrm());
        checkSame(violations, "focus_areas", codes(request.focusAreas()), plan.focusAreas());
        checkSame(violations, "unknown_focus_areas", request.unknownFocusAreas(), plan.unknownFocusAreas());
        String split = Split.forDays(request.daysPerWeek()).code();
        if (!split.equals(plan.split())) {
            violations.add("split must be '" + split + "' for " + request.daysPerWeek() + " days a week, not '"
                    + plan.split() + "'.");
        }
        if (!"rules".equals(plan.engine()) && !"llm".equals(plan.engine())) {
            violations.add("engine must be 'rules' or 'llm'.");
        }
        List<Exercise> allowed = catalogue.all().stream().filter(exercise -> exercise.allowedFor(
                request.equipment(), request.contraindications(), request.fitnessLevel())).toList();
        for (int index = 0; index < plan.weeks().size(); index++) {
            checkWeek(request, plan, index, allowed, violations);
        }
        if (!violations.isEmpty()) {
            return violations; // the rules across weeks need well-formed weeks
        }
        checkAcrossWeeks(request, plan, violations);
        checkCardio(request, plan, violations);
        checkFocus(request, plan, violations);
        return violations;
    }

    private static void checkSame(List<String> violations, String field, Object requested, Object planned) {
        if (!Objects.equals(requested, planned)) {
            violations.add(field + " must be " + (requested == null ? "null" : "'" + requested + "'")
                    + " as asked, not " + (planned == null ? "null" : "'" + planned + "'") + ".");
        }
    }

    // --- One week --------------------------------------------------------------------------------------------------

    private void checkWeek(WorkoutRequest request, WorkoutPlan plan, int index, List<Exercise> allowed,
                           List<String> violations) {
        Week week = plan.weeks().get(index);
        if (week == null || week.week() != index + 1 || week.sessions() == null
                || week.sessions().size() != request.daysPerWeek()) {
            violations.add("Week " + (index + 1) + " must be numbered " + (index + 1) + " and have "
                    + request.daysPerWeek() + " sessions.");
            return;
        }
        for (int day = 0; day < week.sessions().size(); day++) {
            Session session = week.sessions().get(day);
            if (session == null || session.day() != day + 1 || session.exercises() == null
                    || session.exercises().isEmpty() || session.exercises().contains(null)) {
                violations.add("Week " + week.week() + ": session " + (day + 1) + " must be day " + (day + 1)
                        + " and have exercises.");
                return;
            }
            checkSession(request, week, session, violations);
        }
        Map<String, Double> volume = volumeOf(week.sessions());
        checkWeeklyVolume(request, plan, week, volume, violations);
        int pushing = sets(week, Pattern.HORIZONTAL_PUSH, Pattern.VERTICAL_PUSH);
        int pulling = sets(week, Pattern.HORIZONTAL_PULL, Pattern.VERTICAL_PULL);
        if (pulling < pushing) {
            violations.add("Week " + week.week() + ": " + pulling + " pulling sets but " + pushing
                    + " pushing sets; pulling sets must be at least the pushing sets.");
        }
        if (!week.deload()) {
            checkLoadingWeek(request, week, volume, allowed, violations);
        }
    }

    private void checkSession(WorkoutRequest request, Week week, Session session, List<String> violations) {
        String where = "Week " + week.week() + " day " + session.day() + " (" + session.name() + ")";
        int seconds = sessionSeconds(session.exercises(), request.minutesPerSession());
        int limit = request.minutesPerSession() * 60;
        if (seconds > limit) {
            violations.add(where + " takes " + (seconds + 59) / 60 + " minutes (sets × (reps × 4 s + rest) + warm-up"
                    + " + conditioning) but the client has " + request.minutesPerSession() + "; drop accessories.");
        }
        if (session.estimatedMinutes() < (seconds + 59) / 60 - 1 || session.estimatedMinutes()
                > request.minutesPerSession()) {
            violations.add(where + ": estimated_minutes is " + session.estimatedMinutes() + " but the exercises take "
                    + (seconds + 59) / 60 + ".");
        }
        boolean isolationSeen = false;
        for (int position = 0; position < session.exercises().size(); position++) {
            PlannedExercise planned = session.exercises().get(position);
            Optional<Exercise> known = catalogue.byId(planned.exerciseId());
            if (known.isEmpty()) {
                violations.add(where + ": exercise_id '" + planned.exerciseId() + "' is not in the catalogue.");
                continue;
            }
            Exercise exercise = known.get();
            String label = where + ": " + exercise.name();
            checkFacts(planned, exercise, label, violations);
            if (!exercise.allowedFor(request.equipment(), request.contraindications(), request.fitnessLevel())) {
                violations.add(label + " needs equipment the client lacks, is contraindicated for the client ("
                        + codes(request.contraindications()) + ") or is above the client's level.");
            }
            if (exercise.pattern().timed()) {
                if (planned.minutes() == null || planned.minutes() < 1) {
                    violations.add(label + ": " + exercise.pattern().code() + " needs its minutes.");
                }
            } else {
                Role role = position == 0 && exercise.mechanics() == Mechanics.COMPOUND && !exercise.closesSession()
                        ? Role.MAIN : Role.ACCESSORY;
                checkDose(request, week.deload(), planned, role, label, violations);
                checkStrengthLean(request, planned, role, label, violations);
            }
            if (!exercise.closesSession()) {
                if (exercise.mechanics() == Mechanics.ISOLATION) {
                    isolationSeen = true;
                } else if (isolationSeen) {
                    violations.add(label + " is a compound lift after isolation work; compound lifts come first.");
                }
            }
        }
    }

    private static void checkFacts(PlannedExercise planned, Exercise exercise, String label, List<String> violations) {
        boolean same = Objects.equals(planned.name(), exercise.name())
                && Objects.equals(planned.pattern(), exercise.pattern().code())
                && Objects.equals(planned.mechanics(), exercise.mechanics().code())
                && Objects.equals(planned.primaryMuscles(), codes(exercise.primaryMuscles()))
                && Objects.equals(planned.secondaryMuscles(), codes(exercise.secondaryMuscles()))
                && Objects.equals(planned.equipment(), codes(exercise.equipment()))
                && Objects.equals(planned.contraindications(), codes(exercise.contraindications()));
        if (!same) {
            violations.add(label + ": name, pattern, mechanics, muscles, equipment and contraindications must be the "
                    + "catalogue's for '" + exercise.id() + "'.");
        }
    }

    private static void checkDose(WorkoutRequest request, boolean deload, PlannedExercise planned, Role role,
                                  String label, List<String> violations) {
        Dose allowed = GoalRules.allowed(request.goal(), role);
        String what = (role == Role.MAIN ? "main lift" : "accessory") + " for " + request.goal().code();
        WorkoutPlan.Reps reps = planned.reps();
        if (reps == null || reps.min() > reps.max() || reps.min() < allowed.repsMin()
                || reps.max() > allowed.repsMax()) {
            violations.add(label + ": reps must be within " + allowed.repsMin() + "–" + allowed.repsMax() + " ("
                    + what + ").");
        }
        int setsMin = deload ? 1 : allowed.setsMin();
        if (planned.sets() < setsMin || planned.sets() > allowed.setsMax()) {
            violations.add(label + ": " + planned.sets() + " sets; allowed " + setsMin + "–" + allowed.setsMax()
                    + " (" + what + (deload ? ", deload" : "") + ").");
        }
        if (planned.restSeconds() < allowed.restMin() || planned.restSeconds() > allowed.restMax()) {
            violations.add(label + ": rest must be " + allowed.restMin() + "–" + allowed.restMax() + " s (" + what
                    + ").");
        }
        WorkoutPlan.Intensity intensity = planned.intensity();
        if (intensity == null) {
            violations.add(label + ": intensity is missing.");
        } else if (intensity.percentMin() != null || intensity.percentMax() != null) {
            int low = deload ? 0 : allowed.percentMin();
            if (intensity.percentMin() == null || intensity.percentMax() == null
                    || intensity.percentMin() > intensity.percentMax() || intensity.percentMin() < low
                    || intensity.percentMax() > allowed.percentMax()) {
                violations.add(label + ": intensity must be within " + low + "–" + allowed.percentMax()
                        + "% of 1RM (" + what + ").");
            }
        } else if (intensity.rir() == null || intensity.rir() < 0 || (!deload && intensity.rir() > 5)) {
            violations.add(label + ": intensity needs a % of 1RM range or a target RIR of 0–5.");
        }
    }

    private void checkWeeklyVolume(WorkoutRequest request, WorkoutPlan plan, Week week, Map<String, Double> volume,
                                   List<String> violations) {
        Map<String, Double> stated = plan.weeklySetsPerMuscle() == null ? null : plan.weeklySetsPerMuscle().stream()
                .filter(entry -> entry != null && entry.week() == week.week()).findFirst()
                .map(WorkoutPlan.WeekVolume::sets).orElse(null);
        if (stated == null || !stated.keySet().equals(volume.keySet()) || volume.entrySet().stream()
                .anyMatch(entry -> stated.get(entry.getKey()) == null
                        || Math.abs(stated.get(entry.getKey()) - entry.getValue()) > EPSILON)) {
            violations.add("Week " + week.week() + ": weekly_sets_per_muscle must be " + volume
                    + " (a primary set counts 1, a secondary 0.5).");
        }
        for (Muscle muscle : Muscle.values()) {
            double sets = volume.get(muscle.code());
            if (sets > GoalRules.MRV.get(muscle) + 1e-9) {
                violations.add("Week " + week.week() + ": " + sets + " sets for " + muscle.code() + " exceed its MRV of "
                        + GoalRules.MRV.get(muscle) + ".");
            }
        }
    }

    private static void checkLoadingWeek(WorkoutRequest request, Week week, Map<String, Double> volume,
                                         List<Exercise> allowed, List<String> violations) {
        for (Muscle muscle : TWICE_A_WEEK) {
            boolean possible = allowed.stream().anyMatch(exercise -> !exercise.pattern().timed()
                    && exercise.primaryMuscles().contains(muscle));
            double minimum = GoalRules.minimumVolume(request, muscle);
            if (possible && volume.get(muscle.code()) < minimum - 1e-9) {
                violations.add("Week " + week.week() + ": " + volume.get(muscle.code()) + " sets for " + muscle.code()
                        + " are below its MV of " + minimum + ".");
            }
            long days = week.sessions().stream().filter(session -> session.exercises().stream()
                    .anyMatch(planned -> !Pattern.timed(planned.pattern())
                            && planned.primaryMuscles().contains(muscle.code()))).count();
            if (possible && GoalRules.frequencyRequired(request) && days < 2) {
                violations.add("Week " + week.week() + ": " + muscle.code() + " is trained on " + days
                        + " day(s); it must be trained at least twice a week.");
            }
        }
        if (GoalRules.coverageRequired(request)) {
            for (Pattern pattern : MAIN_PATTERNS) {
                boolean possible = allowed.stream().anyMatch(exercise -> exercise.pattern() == pattern);
                boolean covered = week.sessions().stream().flatMap(session -> session.exercises().stream())
                        .anyMatch(planned -> pattern.code().equals(planned.pattern()));
                if (possible && !covered) {
                    violations.add("Week " + week.week() + " does not cover the " + pattern.code() + " pattern.");
                }
            }
        }
    }

    // --- Across weeks ----------------------------------------------------------------------------------------------

    private void checkAcrossWeeks(WorkoutRequest request, WorkoutPlan plan, List<String> violations) {
        List<Week> weeks = plan.weeks();
        int loadingInARow = 0;
        Week lastLoading = null;
        for (int index = 0; index < weeks.size(); index++) {
            Week week = weeks.get(index);
            if (week.deload()) {
                loadingInARow = 0;
                if (index > 0) {
                    checkDeload(weeks.get(index - 1), week, violations);
                }
                continue;
            }
            if (++loadingInARow > GoalRules.MAX_LOADING_WEEKS) {
                violations.add("Week " + week.week() + " is the " + loadingInARow + "th loading week in a row; a "
                        + "deload is due after at most " + GoalRules.MAX_LOADING_WEEKS + ".");
            }
            if (lastLoading != null) {
                Map<String, Double> before = volumeOf(lastLoading.sessions());
                Map<String, Double> after = volumeOf(week.sessions());
                for (Map.Entry<String, Double> entry : after.entrySet()) {
                    double increase = entry.getValue() - before.get(entry.getKey());
                    if (increase > GoalRules.MAX_WEEKLY_SET_INCREASE + 1e-9) {
                        violations.add("Week " + week.week() + ": " + entry.getKey() + " rises by " + increase
                                + " sets over week " + lastLoading.week() + "; at most 2 sets a week.");
                    }
                }
            }
            lastLoading = week;
        }
        checkMainLiftsStay(weeks, violations);
        checkProgression(request, weeks.get(0), violations);
    }

    private static void checkDeload(Week before, Week deload, List<String> violations) {
        int setsBefore = sets(before, null);
        int setsDeload = sets(deload, null);
        if (setsBefore > 0 && (setsDeload < GoalRules.DELOAD_VOLUME_MIN * setsBefore - 1e-9
                || setsDeload > GoalRules.DELOAD_VOLUME_MAX * setsBefore + 1e-9)) {
            violations.add("Deload week " + deload.week() + " has " + setsDeload + " sets against " + setsBefore
                    + " the week before; a deload cuts volume by 30–50 %.");
        }
        for (int day = 0; day < deload.sessions().size(); day++) {
            for (PlannedExercise planned : deload.sessions().get(day).exercises()) {
                Optional<PlannedExercise> earlier = before.sessions().get(day).exercises().stream()
                        .filter(candidate -> candidate.exerciseId().equals(planned.exerciseId())).findFirst();
                if (earlier.isEmpty() || planned.intensity() == null || earlier.get().intensity() == null) {
                    continue;
                }
                Integer max = planned.intensity().percentMax();
                Integer maxBefore = earlier.get().intensity().percentMax();
                boolean loadTooHigh = max != null && maxBefore != null
                        && max > Math.ceil(maxBefore * GoalRules.DELOAD_LOAD);
                boolean suggestedTooHigh = planned.suggestedLoadKg() != null && earlier.get().suggestedLoadKg() != null
                        && planned.suggestedLoadKg() > earlier.get().suggestedLoadKg() * GoalRules.DELOAD_LOAD + EPSILON;
                if (loadTooHigh || suggestedTooHigh) {
                    violations.add("Deload week " + deload.week() + ": " + planned.name() + " must drop its load by "
                            + "10 %.");
                }
            }
        }
    }

    /** Main lifts stay for a block: the weeks up to and including a deload. */
    private static void checkMainLiftsStay(List<Week> weeks, List<String> violations) {
        Week blockStart = weeks.get(0);
        for (int index = 1; index < weeks.size(); index++) {
            Week week = weeks.get(index);
            if (weeks.get(index - 1).deload()) {
                blockStart = week;
                continue;
            }
            for (int day = 0; day < week.sessions().size(); day++) {
                String main = week.sessions().get(day).exercises().get(0).exerciseId();
                String first = blockStart.sessions().get(day).exercises().get(0).exerciseId();
                if (!main.equals(first)) {
                    violations.add("Week " + week.week() + " day " + (day + 1) + ": the main lift changes from '"
                            + first + "' to '" + main + "' within a block; main lifts stay for a block.");
                }
            }
        }
    }

    private static void checkProgression(WorkoutRequest request, Week first, List<String> violations) {
        Map<String, WorkoutRequest.HistoryEntry> last = new LinkedHashMap<>();
        request.history().forEach(entry -> last.put(entry.exerciseId(), entry));
        for (Session session : first.sessions()) {
            for (PlannedExercise planned : session.exercises()) {
                WorkoutRequest.HistoryEntry entry = last.get(planned.exerciseId());
                if (entry == null || planned.reps() == null || Pattern.timed(planned.pattern())) {
                    continue;
                }
                Double load = planned.suggestedLoadKg();
                boolean beaten = entry.reps() >= planned.reps().max() + 1;
                double low = beaten ? entry.load() * (1 + GoalRules.PROGRESSION_MIN) : entry.load();
                double high = beaten ? entry.load() * (1 + GoalRules.PROGRESSION_MAX) : entry.load();
                if (load == null || load < low - EPSILON || load > high + EPSILON) {
                    violations.add("Week 1: " + planned.name() + " must start at " + (beaten
                            ? "2–10 % above " + entry.load() + " kg: the client beat the target reps"
                            : entry.load() + " kg: the client has not yet beaten the target reps") + " (ACSM).");
                }
            }
        }
    }

    private static void checkCardio(WorkoutRequest request, WorkoutPlan plan, List<String> violations) {
        if (!GoalRules.cardioCounted(request)) {
            return;
        }
        WorkoutPlan.Cardio cardio = plan.cardio();
        int inSession = RulesChecked.conditioningMinutes(plan.weeks().get(0));
        if (cardio == null || cardio.inSessionMinutes() != inSession
                || cardio.inSessionMinutes() + cardio.extraMinutes() < GoalRules.CARDIO_MIN_MINUTES
                || cardio.inSessionMinutes() + cardio.extraMinutes() > GoalRules.CARDIO_MAX_MINUTES) {
            violations.add((request.goal() == Goal.FAT_LOSS ? "Fat loss" : "Cardio focus")
                    + ": cardio must give the " + inSession + " conditioning minutes of week 1 plus "
                    + "extra minutes that together make 150–300 a week (ACSM).");
        }
    }

    // --- The focus ----------------------------------------------------------------------------------------------------

    /** A strength focus holds the main lifts of another goal to the heavy end of its ranges. */
    private static void checkStrengthLean(WorkoutRequest request, PlannedExercise planned, Role role, String label,
                                          List<String> violations) {
        if (role != Role.MAIN || !request.focuses(FocusArea.STRENGTH) || request.goal() == Goal.STRENGTH) {
            return;
        }
        Dose lean = GoalRules.prescribed(request, Role.MAIN);
        if (planned.reps() != null && planned.reps().max() > lean.repsMax() || planned.restSeconds() < lean.restMin()) {
            violations.add(label + ": the strength focus gives main lifts at most " + lean.repsMax() + " reps and at "
                    + "least " + lean.restMin() + " s rest.");
        }
    }

    /**
     * The focus must survive an LLM's changes: against the rules engine's plan for the same request, week 1 keeps
     * each focused muscle's sets (less at most {@link #FOCUS_SLACK}, what a swapped accessory may cost) and the
     * conditioning and mobility minutes a cardio or flexibility focus gave. The engine's own plan passes by
     * construction; {@code WorkoutEnginePropertyTest} checks against a plan without the focus that the focus adds.
     */
    private void checkFocus(WorkoutRequest request, WorkoutPlan plan, List<String> violations) {
        boolean timedFocus = request.focuses(FocusArea.CARDIO) || request.focuses(FocusArea.FLEXIBILITY);
        if (request.focusMuscles().isEmpty() && !timedFocus) {
            return;
        }
        WorkoutPlan reference = engine.plan(request);
        Map<String, Double> expected = volumeOf(reference.weeks().get(0).sessions());
        Map<String, Double> actual = volumeOf(plan.weeks().get(0).sessions());
        for (Muscle muscle : request.focusMuscles()) {
            double floor = expected.get(muscle.code()) - FOCUS_SLACK;
            if (actual.get(muscle.code()) < floor - 1e-9) {
                violations.add("Week 1: " + actual.get(muscle.code()) + " sets for " + muscle.code() + "; the focus "
                        + "asks for at least " + floor + ".");
            }
        }
        for (String pattern : List.of("conditioning", "mobility")) {
            boolean asked = request.focuses("conditioning".equals(pattern) ? FocusArea.CARDIO : FocusArea.FLEXIBILITY);
            int wanted = minutes(reference.weeks().get(0), pattern);
            int given = minutes(plan.weeks().get(0), pattern);
            if (asked && given < wanted) {
                violations.add("Week 1: " + given + " minutes of " + pattern + "; the focus asks for " + wanted + ".");
            }
        }
    }

    private static int minutes(Week week, String pattern) {
        return week.sessions().stream().flatMap(session -> session.exercises().stream())
                .filter(planned -> pattern.equals(planned.pattern()) && planned.minutes() != null)
                .mapToInt(PlannedExercise::minutes).sum();
    }

    // --- Shared with the engine ------------------------------------------------------------------------------------

    /** A session's time: warm-up (when it has resistance work), sets × (reps × 4 s + rest), conditioning minutes. */
    static int sessionSeconds(List<PlannedExercise> exercises, int minutesPerSession) {
        int seconds = exercises.stream().anyMatch(planned -> planned.minutes() == null)
                ? GoalRules.warmUpMinutes(minutesPerSession) * 60 : 0;
        for (PlannedExercise planned : exercises) {
            if (planned.minutes() != null) {
                seconds += planned.minutes() * 60;
            } else {
                int reps = planned.reps() == null ? 0 : planned.reps().max();
                seconds += planned.sets() * (reps * GoalRules.SECONDS_PER_REP + planned.restSeconds());
            }
        }
        return seconds;
    }

    /** Hard sets per muscle in a week: a primary set counts 1, a secondary 0.5; conditioning does not count. */
    static Map<String, Double> volumeOf(List<Session> sessions) {
        Map<Muscle, Double> volume = new EnumMap<>(Muscle.class);
        for (Muscle muscle : Muscle.values()) {
            volume.put(muscle, 0.0);
        }
        for (Session session : sessions) {
            for (PlannedExercise planned : session.exercises()) {
                if (planned.minutes() != null || Pattern.timed(planned.pattern())) {
                    continue;
                }
                add(volume, planned.primaryMuscles(), planned.sets());
                add(volume, planned.secondaryMuscles(), planned.sets() * 0.5);
            }
        }
        Map<String, Double> byCode = new LinkedHashMap<>();
        volume.forEach((muscle, sets) -> byCode.put(muscle.code(), sets));
        return byCode;
    }

    private static void add(Map<Muscle, Double> volume, List<String> muscles, double sets) {
        if (muscles != null) {
            muscles.forEach(code -> Coded.find(Muscle.class, code)
                    .ifPresent(muscle -> volume.merge(muscle, sets, Double::sum)));
        }
    }

    /** Resistance sets of a week, of the given patterns or (none given) of every resistance exercise. */
    private static int sets(Week week, Pattern... patterns) {
        Set<String> codes = patterns == null ? null : java.util.Arrays.stream(patterns).map(Pattern::code)
                .collect(java.util.stream.Collectors.toSet());
        return week.sessions().stream().flatMap(session -> session.exercises().stream())
                .filter(planned -> planned.minutes() == null && !Pattern.timed(planned.pattern()))
                .filter(planned -> codes == null || codes.contains(planned.pattern()))
                .mapToInt(PlannedExercise::sets).sum();
    }

    private static <E extends Enum<E> & Coded> List<String> codes(java.util.Collection<E> values) {
        return values.stream().map(Coded::code).toList();
    }
}
