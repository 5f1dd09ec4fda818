package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import java.util.List;
import java.util.Map;

/**
 * A multi-week training plan: the output of the rules engine and, checked by the same rules
 * ({@code WorkoutEngine.check}), of the LLM layer.
 *
 * @param split               e.g. {@code full_body_abc}, {@code upper_lower}
 * @param weeklySetsPerMuscle hard sets per muscle for every week (a primary set counts 1, a secondary 0.5)
 * @param cardio              for fat loss or a cardio focus: conditioning toward ACSM's 150–300 minutes a week;
 *                            otherwise {@code null}
 * @param rulesChecked        the rules the plan was checked against, one sentence each
 * @param engine              {@code rules} or {@code llm}: who wrote the plan
 * @param coachExplanation    the LLM's explanation for the client; {@code null} from the rules engine
 * @param fromCrm             what the plan took from the CRM (goal, contraindications), or {@code null}
 * @param focusAreas          the focus areas the plan was made for ({@link FocusArea} codes), empty for none
 * @param unknownFocusAreas   the request's focus areas the planner does not know, ignored and listed here
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkoutPlan(String clientId, String goal, String fitnessLevel, String split, int daysPerWeek,
                          int minutesPerSession, List<Week> weeks, List<WeekVolume> weeklySetsPerMuscle,
                          Cardio cardio, List<String> rulesChecked, String engine, String coachExplanation,
                          CrmDefaults fromCrm, List<String> focusAreas, List<String> unknownFocusAreas) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public WorkoutPlan {
        // Plans saved before focus areas existed, and LLM answers that leave them out, read as no focus.
        focusAreas = focusAreas == null ? List.of() : focusAreas;
        unknownFocusAreas = unknownFocusAreas == null ? List.of() : unknownFocusAreas;
    }

    /** A plan with no focus areas. */
    public WorkoutPlan(String clientId, String goal, String fitnessLevel, String split, int daysPerWeek,
                       int minutesPerSession, List<Week> weeks, List<WeekVolume> weeklySetsPerMuscle, Cardio cardio,
                       List<String> rulesChecked, String engine, String coachExplanation, CrmDefaults fromCrm) {
        this(clientId, goal, fitnessLevel, split, daysPerWeek, minutesPerSession, weeks, weeklySetsPerMuscle, cardio,
                rulesChecked, engine, coachExplanation, fromCrm, List.of(), List.of());
    }

    /** A plan that took nothing from the CRM. */
    public WorkoutPlan(String clientId, String goal, String fitnessLevel, String split, int daysPerWeek,
                       int minutesPerSession, List<Week> weeks, List<WeekVolume> weeklySetsPerMuscle, Cardio cardio,
                       List<String> rulesChecked, String engine, String coachExplanation) {
        this(clientId, goal, fitnessLevel, split, daysPerWeek, minutesPerSession, weeks, weeklySetsPerMuscle, cardio,
                rulesChecked, engine, coachExplanation, null);
    }

    /** One week; in a deload week volume and load are cut. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Week(int week, boolean deload, List<Session> sessions) {
    }

    /** One training day; {@code estimatedMinutes} is sets × (reps × 4 s + rest) plus warm-up and conditioning. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Session(int day, String name, int estimatedMinutes, List<PlannedExercise> exercises) {
    }

    /**
     * One exercise of a session, its catalogue facts repeated so the plan reads on its own.
     *
     * @param suggestedLoadKg the starting load from the client's history, or {@code null}
     * @param minutes         for conditioning: the bout's length; {@code null} for resistance exercises
     * @param reason          why it was chosen, for the client
     * @param difficulty      the exercise's level
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PlannedExercise(String exerciseId, String name, String pattern, String mechanics,
                                  List<String> primaryMuscles, List<String> secondaryMuscles, List<String> equipment,
                                  List<String> contraindications, int sets, Reps reps, int restSeconds,
                                  Intensity intensity, String progression, Double suggestedLoadKg, Integer minutes,
                                  String reason, String difficulty) {
    }

    /** A repetition range per set. */
    public record Reps(int min, int max) {
    }

    /**
     * How hard: a range of the one-repetition maximum for loadable exercises, or reps in reserve.
     *
     * @param percentMin  lowest % of 1RM, or {@code null}
     * @param percentMax  highest % of 1RM, or {@code null}
     * @param rir         target repetitions in reserve, or {@code null}
     * @param description the same in words
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Intensity(Integer percentMin, Integer percentMax, Integer rir, String description) {
    }

    /** Hard sets per muscle in one week, keyed by the muscle's code. */
    public record WeekVolume(int week, Map<String, Double> sets) {
    }

    /**
     * Conditioning for fat loss or a cardio focus.
     *
     * @param inSessionMinutes  conditioning minutes a loading week's sessions hold
     * @param extraMinutes      moderate cardio to add on other days, so that the sum reaches the target
     * @param targetMinMinutes  ACSM's lower bound, 150
     * @param targetMaxMinutes  ACSM's upper bound, 300
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Cardio(int inSessionMinutes, int extraMinutes, int targetMinMinutes, int targetMaxMinutes,
                         String advice) {
    }
}
