package com.fitnesscrm.orchestrator.workouts;

import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Mechanics;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.List;
import java.util.Set;

/**
 * One exercise of the catalogue.
 *
 * @param id                a stable slug, e.g. {@code goblet_squat}
 * @param level             the lowest client level it is given to
 * @param substitutionGroup exercises of one group train the same muscles the same way; accessories rotate within it
 * @param contraindications conditions that rule it out
 */
public record Exercise(String id, String name, Pattern pattern, Mechanics mechanics, List<Muscle> primaryMuscles,
                       List<Muscle> secondaryMuscles, List<Equipment> equipment, FitnessLevel level,
                       String substitutionGroup, List<Contraindication> contraindications) {

    public Exercise {
        primaryMuscles = List.copyOf(primaryMuscles);
        secondaryMuscles = List.copyOf(secondaryMuscles);
        equipment = List.copyOf(equipment);
        contraindications = List.copyOf(contraindications);
    }

    /** Whether a client with this equipment (bodyweight always counts), conditions and level may be given it. */
    public boolean allowedFor(Set<Equipment> available, Set<Contraindication> conditions, FitnessLevel clientLevel) {
        return equipment.stream().allMatch(item -> item == Equipment.BODYWEIGHT || available.contains(item))
                && contraindications.stream().noneMatch(conditions::contains)
                && level.ordinal() <= clientLevel.ordinal();
    }

    /** Core work, carries, conditioning and mobility may close a session after isolation work. */
    public boolean closesSession() {
        return pattern == Pattern.CORE || pattern == Pattern.CARRY || pattern.timed();
    }

    /** Loaded by a percentage of a one-repetition maximum; otherwise its intensity is given as reps in reserve. */
    public boolean loadable() {
        return pattern != Pattern.CORE && !pattern.timed() && equipment.stream().anyMatch(item ->
                item == Equipment.BARBELL || item == Equipment.DUMBBELL || item == Equipment.KETTLEBELL
                        || item == Equipment.CABLE || item == Equipment.MACHINE);
    }
}
