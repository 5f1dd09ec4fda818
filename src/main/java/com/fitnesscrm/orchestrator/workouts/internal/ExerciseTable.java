package com.fitnesscrm.orchestrator.workouts.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.ExerciseFilter;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Mechanics;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code ai_workout_exercises} table: the catalogue as trainers browse it. */
@Repository
public class ExerciseTable {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    ExerciseTable(NamedParameterJdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** Makes the table hold exactly these exercises, in this order; the same call again changes nothing. */
    public void replaceWith(List<Exercise> exercises) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (int position = 0; position < exercises.size(); position++) {
            Exercise exercise = exercises.get(position);
            rows.add(new MapSqlParameterSource().addValue("id", exercise.id()).addValue("name", exercise.name())
                    .addValue("pattern", exercise.pattern().code()).addValue("mechanics", exercise.mechanics().code())
                    .addValue("primary", json(exercise.primaryMuscles().stream().map(Muscle::code).toList()))
                    .addValue("secondary", json(exercise.secondaryMuscles().stream().map(Muscle::code).toList()))
                    .addValue("equipment", json(exercise.equipment().stream().map(Equipment::code).toList()))
                    .addValue("level", exercise.level().code()).addValue("group", exercise.substitutionGroup())
                    .addValue("contraindications", json(exercise.contraindications().stream()
                            .map(Contraindication::code).toList()))
                    .addValue("position", position));
        }
        jdbc.batchUpdate("""
                INSERT INTO ai_workout_exercises (id, name, pattern, mechanics, primary_muscles, secondary_muscles,
                    equipment, level, substitution_group, contraindications, position)
                VALUES (:id, :name, :pattern, :mechanics, CAST(:primary AS jsonb), CAST(:secondary AS jsonb),
                    CAST(:equipment AS jsonb), :level, :group, CAST(:contraindications AS jsonb), :position)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, pattern = EXCLUDED.pattern,
                    mechanics = EXCLUDED.mechanics, primary_muscles = EXCLUDED.primary_muscles,
                    secondary_muscles = EXCLUDED.secondary_muscles, equipment = EXCLUDED.equipment,
                    level = EXCLUDED.level, substitution_group = EXCLUDED.substitution_group,
                    contraindications = EXCLUDED.contraindications, position = EXCLUDED.position, updated_at = now()
                WHERE (ai_workout_exercises.name, ai_workout_exercises.pattern, ai_workout_exercises.mechanics,
                       ai_workout_exercises.primary_muscles, ai_workout_exercises.secondary_muscles,
                       ai_workout_exercises.equipment, ai_workout_exercises.level, ai_workout_exercises.substitution_group,
                       ai_workout_exercises.contraindications, ai_workout_exercises.position)
                    IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.pattern, EXCLUDED.mechanics, EXCLUDED.primary_muscles,
                       EXCLUDED.secondary_muscles, EXCLUDED.equipment, EXCLUDED.level, EXCLUDED.substitution_group,
                       EXCLUDED.contraindications, EXCLUDED.position)""",
                rows.toArray(MapSqlParameterSource[]::new));
        jdbc.update("DELETE FROM ai_workout_exercises WHERE NOT (id = ANY(:ids))", new MapSqlParameterSource("ids",
                exercises.stream().map(Exercise::id).toArray(String[]::new)));
    }

    public List<Exercise> find(ExerciseFilter filter, int offset, int limit) {
        MapSqlParameterSource parameters = parameters(filter).addValue("offset", offset).addValue("limit", limit);
        return jdbc.query("SELECT * FROM ai_workout_exercises WHERE " + where(filter)
                + " ORDER BY position OFFSET :offset LIMIT :limit", parameters, this::exercise);
    }

    public int count(ExerciseFilter filter) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM ai_workout_exercises WHERE " + where(filter),
                parameters(filter), Integer.class);
        return count == null ? 0 : count;
    }

    private static String where(ExerciseFilter filter) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (filter.name() != null && !filter.name().isBlank()) {
            conditions.add("lower(name) LIKE :name ESCAPE '\\'");
        }
        if (filter.pattern() != null) {
            conditions.add("pattern = :pattern");
        }
        if (filter.equipment() != null) {
            conditions.add("equipment @> CAST(:equipment AS jsonb)");
        }
        if (filter.muscle() != null) {
            conditions.add("(primary_muscles @> CAST(:muscle AS jsonb) OR secondary_muscles @> CAST(:muscle AS jsonb))");
        }
        return String.join(" AND ", conditions);
    }

    private MapSqlParameterSource parameters(ExerciseFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (filter.name() != null && !filter.name().isBlank()) {
            String escaped = filter.name().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            parameters.addValue("name", "%" + escaped + "%");
        }
        if (filter.pattern() != null) {
            parameters.addValue("pattern", filter.pattern().code());
        }
        if (filter.equipment() != null) {
            parameters.addValue("equipment", json(List.of(filter.equipment().code())));
        }
        if (filter.muscle() != null) {
            parameters.addValue("muscle", json(List.of(filter.muscle().code())));
        }
        return parameters;
    }

    private Exercise exercise(ResultSet row, int number) throws SQLException {
        return new Exercise(row.getString("id"), row.getString("name"), value(Pattern.class, row.getString("pattern")),
                value(Mechanics.class, row.getString("mechanics")),
                list(row.getString("primary_muscles"), code -> value(Muscle.class, code)),
                list(row.getString("secondary_muscles"), code -> value(Muscle.class, code)),
                list(row.getString("equipment"), code -> value(Equipment.class, code)),
                value(FitnessLevel.class, row.getString("level")), row.getString("substitution_group"),
                list(row.getString("contraindications"), code -> value(Contraindication.class, code)));
    }

    private static <E extends Enum<E> & Coded> E value(Class<E> type, String code) {
        return Coded.find(type, code).orElseThrow();
    }

    private <T> List<T> list(String json, Function<String, T> parse) {
        try {
            return objectMapper.readValue(json, STRINGS).stream().map(parse).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
