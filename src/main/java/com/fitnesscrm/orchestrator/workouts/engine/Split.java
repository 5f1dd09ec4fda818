package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Mechanics;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.util.List;

/**
 * The session templates for a number of days a week: 1 full body, 2 full body A/B, 3 full body A/B/C, 4 upper/lower
 * ×2, 5 upper/lower + push/pull/legs, 6 push/pull/legs ×2, 7 the same plus an active-recovery day. A template's
 * slots are in priority order: when a session is too long, the last ones go first.
 */
enum Split implements Coded {
    FULL_BODY(List.of(Templates.FULL_ONE)),
    FULL_BODY_AB(List.of(Templates.FULL_A, Templates.FULL_B)),
    FULL_BODY_ABC(List.of(Templates.FULL_A, Templates.FULL_B, Templates.FULL_C)),
    UPPER_LOWER(List.of(Templates.UPPER_A, Templates.LOWER_A, Templates.UPPER_B, Templates.LOWER_B)),
    UPPER_LOWER_PUSH_PULL_LEGS(List.of(Templates.UPPER_A, Templates.LOWER_A, Templates.PUSH_A, Templates.PULL_A,
            Templates.LEGS_A)),
    PUSH_PULL_LEGS(List.of(Templates.PUSH_A, Templates.PULL_A, Templates.LEGS_A, Templates.PUSH_B,
            Templates.PULL_B, Templates.LEGS_B)),
    PUSH_PULL_LEGS_ACTIVE_RECOVERY(List.of(Templates.PUSH_A, Templates.PULL_A, Templates.LEGS_A, Templates.PUSH_B,
            Templates.PULL_B, Templates.LEGS_B, Templates.ACTIVE_RECOVERY));

    final List<Template> sessions;

    Split(List<Template> sessions) {
        this.sessions = sessions;
    }

    static Split forDays(int days) {
        return values()[days - 1];
    }

    /** One slot of a session: a pattern, for isolation the muscle it is for, and whether it is the main lift. */
    record Slot(Pattern pattern, Muscle muscle, boolean main) {

        boolean matches(Exercise exercise) {
            return exercise.pattern() == pattern && (muscle == null || exercise.primaryMuscles().contains(muscle))
                    && (!main || exercise.mechanics() == Mechanics.COMPOUND);
        }
    }

    /** A session's name and slots; the active-recovery day has none. */
    record Template(String name, List<Slot> slots) {

        boolean activeRecovery() {
            return slots.isEmpty();
        }
    }

    private static final class Templates {

        static final Template FULL_ONE = template("Full body", main(Pattern.SQUAT), of(Pattern.HORIZONTAL_PULL),
                of(Pattern.HORIZONTAL_PUSH), of(Pattern.HINGE), of(Pattern.VERTICAL_PULL), of(Pattern.VERTICAL_PUSH),
                of(Pattern.LUNGE), of(Pattern.CORE), iso(Muscle.BICEPS), iso(Muscle.TRICEPS));
        static final Template FULL_A = template("Full body A", main(Pattern.SQUAT), of(Pattern.HORIZONTAL_PUSH),
                of(Pattern.HORIZONTAL_PULL), of(Pattern.HINGE), of(Pattern.VERTICAL_PULL), of(Pattern.CORE),
                iso(Muscle.BICEPS), iso(Muscle.SIDE_DELTS));
        static final Template FULL_B = template("Full body B", main(Pattern.HINGE), of(Pattern.VERTICAL_PULL),
                of(Pattern.HORIZONTAL_PUSH), of(Pattern.LUNGE), of(Pattern.HORIZONTAL_PULL), of(Pattern.VERTICAL_PUSH),
                of(Pattern.CORE), iso(Muscle.TRICEPS), iso(Muscle.CALVES));
        static final Template FULL_C = template("Full body C", main(Pattern.SQUAT), of(Pattern.HORIZONTAL_PULL),
                of(Pattern.HORIZONTAL_PUSH), of(Pattern.LUNGE), of(Pattern.VERTICAL_PULL), of(Pattern.VERTICAL_PUSH),
                of(Pattern.CORE), iso(Muscle.REAR_DELTS), iso(Muscle.HAMSTRINGS));
        static final Template UPPER_A = template("Upper A", main(Pattern.HORIZONTAL_PUSH),
                of(Pattern.HORIZONTAL_PULL), of(Pattern.VERTICAL_PULL), of(Pattern.VERTICAL_PUSH),
                of(Pattern.HORIZONTAL_PULL), iso(Muscle.BICEPS), iso(Muscle.TRICEPS), iso(Muscle.SIDE_DELTS));
        static final Template LOWER_A = template("Lower A", main(Pattern.SQUAT), of(Pattern.HINGE), of(Pattern.LUNGE),
                of(Pattern.CORE), iso(Muscle.HAMSTRINGS), iso(Muscle.CALVES));
        static final Template UPPER_B = template("Upper B", main(Pattern.HORIZONTAL_PULL),
                of(Pattern.HORIZONTAL_PUSH), of(Pattern.VERTICAL_PULL), of(Pattern.VERTICAL_PUSH),
                iso(Muscle.REAR_DELTS), iso(Muscle.BICEPS), iso(Muscle.TRICEPS));
        static final Template LOWER_B = template("Lower B", main(Pattern.HINGE), of(Pattern.SQUAT), of(Pattern.LUNGE),
                of(Pattern.CORE), iso(Muscle.QUADS), iso(Muscle.CALVES));
        static final Template PUSH_A = template("Push A", main(Pattern.HORIZONTAL_PUSH), of(Pattern.VERTICAL_PUSH),
                of(Pattern.HORIZONTAL_PUSH), of(Pattern.CORE), iso(Muscle.SIDE_DELTS), iso(Muscle.TRICEPS));
        static final Template PULL_A = template("Pull A", main(Pattern.HORIZONTAL_PULL), of(Pattern.VERTICAL_PULL),
                of(Pattern.HORIZONTAL_PULL), of(Pattern.CORE), iso(Muscle.REAR_DELTS), iso(Muscle.BICEPS));
        static final Template LEGS_A = template("Legs A", main(Pattern.SQUAT), of(Pattern.HINGE), of(Pattern.LUNGE),
                of(Pattern.CORE), iso(Muscle.HAMSTRINGS), iso(Muscle.CALVES));
        static final Template PUSH_B = template("Push B", main(Pattern.VERTICAL_PUSH), of(Pattern.HORIZONTAL_PUSH),
                of(Pattern.HORIZONTAL_PUSH), of(Pattern.CORE), iso(Muscle.TRICEPS), iso(Muscle.SIDE_DELTS));
        static final Template PULL_B = template("Pull B", main(Pattern.VERTICAL_PULL), of(Pattern.HORIZONTAL_PULL),
                of(Pattern.VERTICAL_PULL), of(Pattern.CORE), iso(Muscle.BICEPS), iso(Muscle.REAR_DELTS));
        static final Template LEGS_B = template("Legs B", main(Pattern.HINGE), of(Pattern.SQUAT), of(Pattern.LUNGE),
                of(Pattern.CORE), iso(Muscle.QUADS), iso(Muscle.CALVES));
        static final Template ACTIVE_RECOVERY = new Template("Active recovery", List.of());

        private static Template template(String name, Slot... slots) {
            return new Template(name, List.of(slots));
        }

        private static Slot main(Pattern pattern) {
            return new Slot(pattern, null, true);
        }

        private static Slot of(Pattern pattern) {
            return new Slot(pattern, null, false);
        }

        private static Slot iso(Muscle muscle) {
            return new Slot(Pattern.ISOLATION, muscle, false);
        }
    }
}
