package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a plan is made for, after {@link WorkoutInputReader} has applied defaults and mapped the main backend's older
 * names and free-text goals.
 *
 * @param clientId          the main backend's client id as it sent it, or {@code null}
 * @param equipment         always contains {@link Equipment#BODYWEIGHT}
 * @param history           recent sets, for load progression; may be empty
 * @param fromCrm           what was taken from the CRM's client row (goal, contraindications), or {@code null}
 * @param focusAreas        what the plan focuses on, from {@code focus_areas}, each once, in the caller's order
 * @param unknownFocusAreas the caller's {@code focus_areas} texts that name no {@link FocusArea} nor goal: the plan
 *                          lists them as ignored, never drops them silently
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkoutRequest(String clientId, Goal goal, FitnessLevel fitnessLevel, Set<Equipment> equipment,
                             int daysPerWeek, int minutesPerSession, int weeks,
                             Set<Contraindication> contraindications, List<HistoryEntry> history,
                             CrmDefaults fromCrm, List<FocusArea> focusAreas, List<String> unknownFocusAreas) {

    /** A request with no focus areas. */
    public WorkoutRequest(String clientId, Goal goal, FitnessLevel fitnessLevel, Set<Equipment> equipment,
                          int daysPerWeek, int minutesPerSession, int weeks, Set<Contraindication> contraindications,
                          List<HistoryEntry> history, CrmDefaults fromCrm) {
        this(clientId, goal, fitnessLevel, equipment, daysPerWeek, minutesPerSession, weeks, contraindications,
                history, fromCrm, List.of(), List.of());
    }

    /** A request from the caller alone. */
    public WorkoutRequest(String clientId, Goal goal, FitnessLevel fitnessLevel, Set<Equipment> equipment,
                          int daysPerWeek, int minutesPerSession, int weeks, Set<Contraindication> contraindications,
                          List<HistoryEntry> history) {
        this(clientId, goal, fitnessLevel, equipment, daysPerWeek, minutesPerSession, weeks, contraindications,
                history, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public WorkoutRequest {
        // Enum sets iterate in declaration order, so anything built from them is the same on every run.
        equipment = Collections.unmodifiableSet(equipment.isEmpty() ? EnumSet.noneOf(Equipment.class)
                : EnumSet.copyOf(equipment));
        contraindications = Collections.unmodifiableSet(contraindications.isEmpty()
                ? EnumSet.noneOf(Contraindication.class) : EnumSet.copyOf(contraindications));
        history = List.copyOf(history);
        focusAreas = focusAreas == null ? List.of() : List.copyOf(new LinkedHashSet<>(focusAreas));
        unknownFocusAreas = unknownFocusAreas == null ? List.of() : List.copyOf(unknownFocusAreas);
    }

    /** The same request focusing on these areas instead. */
    public WorkoutRequest withFocus(List<FocusArea> areas, List<String> unknown) {
        return new WorkoutRequest(clientId, goal, fitnessLevel, equipment, daysPerWeek, minutesPerSession, weeks,
                contraindications, history, fromCrm, areas, unknown);
    }

    /** Whether the plan focuses on this area. */
    public boolean focuses(FocusArea area) {
        return focusAreas.contains(area);
    }

    /** The muscles the focus areas name, each once, in the order they were asked for. */
    public LinkedHashSet<Muscle> focusMuscles() {
        LinkedHashSet<Muscle> muscles = new LinkedHashSet<>();
        // an area's own muscles in the catalogue's order, so that "legs" is quads, hamstrings, glutes, calves
        focusAreas.forEach(area -> Arrays.stream(Muscle.values()).filter(area.muscles()::contains)
                .forEach(muscles::add));
        return muscles;
    }

    /**
     * One recent set of an exercise.
     *
     * @param load kilograms lifted
     * @param reps repetitions done
     * @param rir  repetitions left in reserve, or {@code null} when not recorded
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HistoryEntry(String exerciseId, double load, int reps, Integer rir) {
    }
}
