package com.fitnesscrm.orchestrator.workouts.engine;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Mechanics;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The exercise catalogue written for this project, read from {@code workouts/exercises.csv} on the class path: the
 * single source of the engine, the validator and the {@code ai_workout_exercises} table trainers browse (see
 * docs/decisions/0008-workout-optimizer.md). Within a pattern, earlier lines are preferred.
 */
public final class ExerciseCatalogue {

    public static final String RESOURCE = "/workouts/exercises.csv";
    private static final String HEADER = "id,name,pattern,mechanics,primary_muscles,secondary_muscles,equipment,"
            + "level,substitution_group,contraindications";
    private static final ExerciseCatalogue STANDARD = load();

    private final List<Exercise> exercises;
    private final Map<String, Exercise> byId;

    ExerciseCatalogue(List<Exercise> exercises) {
        this.exercises = List.copyOf(exercises);
        Map<String, Exercise> ids = new LinkedHashMap<>();
        for (Exercise exercise : exercises) {
            if (ids.put(exercise.id(), exercise) != null) {
                throw new IllegalStateException("Exercise id '" + exercise.id() + "' appears twice in " + RESOURCE);
            }
        }
        this.byId = ids;
    }

    /** The catalogue shipped with the application. */
    public static ExerciseCatalogue standard() {
        return STANDARD;
    }

    public List<Exercise> all() {
        return exercises;
    }

    public Optional<Exercise> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    private static ExerciseCatalogue load() {
        try (InputStream stream = ExerciseCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            List<Exercise> exercises = new ArrayList<>();
            boolean header = false;
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!line.equals(HEADER)) {
                        throw new IllegalStateException(RESOURCE + " line " + number + ": expected the header " + HEADER);
                    }
                    header = true;
                    continue;
                }
                exercises.add(parse(line, number));
            }
            return new ExerciseCatalogue(exercises);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Exercise parse(String line, int number) {
        String[] cells = line.split(",", -1);
        if (cells.length != 10) {
            throw new IllegalStateException(RESOURCE + " line " + number + ": 10 cells expected, found " + cells.length);
        }
        try {
            return new Exercise(cells[0], cells[1], value("pattern", Pattern.class, cells[2]),
                    value("mechanics", Mechanics.class, cells[3]),
                    list(cells[4], code -> value("muscle", Muscle.class, code)),
                    list(cells[5], code -> value("muscle", Muscle.class, code)),
                    list(cells[6], code -> value("equipment", Equipment.class, code)),
                    value("level", FitnessLevel.class, cells[7]), cells[8],
                    list(cells[9], code -> value("contraindication", Contraindication.class, code)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
        }
    }

    private static <T> List<T> list(String cell, Function<String, T> parse) {
        return cell.isBlank() ? List.of() : Arrays.stream(cell.split("\\|")).map(parse).toList();
    }

    private static <E extends Enum<E> & Coded> E value(String what, Class<E> type, String code) {
        return Coded.find(type, code).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + code
                + "'"));
    }
}
