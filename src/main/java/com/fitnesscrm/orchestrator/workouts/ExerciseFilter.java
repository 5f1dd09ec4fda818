package com.fitnesscrm.orchestrator.workouts;

import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;

/**
 * What the Exercises view searches for; {@code null} fields do not filter.
 *
 * @param name a part of the name, case ignored
 * @param muscle a primary or secondary muscle
 */
public record ExerciseFilter(String name, Pattern pattern, Equipment equipment, Muscle muscle) {

    public static ExerciseFilter none() {
        return new ExerciseFilter(null, null, null, null);
    }
}
