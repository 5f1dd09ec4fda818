package com.fitnesscrm.orchestrator.workouts.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.workouts.SavedPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code ai_workout_plans} table: plans saved to a client's history. */
@Repository
public class SavedPlanTable {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    SavedPlanTable(NamedParameterJdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    public long insert(String clientId, String name, JsonNode request, WorkoutPlan plan, String engine,
                       Long executionId, String savedBy, Instant savedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO ai_workout_plans (client_id, name, goal, weeks, request, plan, engine, execution_id, saved_by,
                    saved_at)
                VALUES (:client, :name, :goal, :weeks, CAST(:request AS jsonb), CAST(:plan AS jsonb), :engine,
                    :execution, :savedBy, :savedAt)""", new MapSqlParameterSource().addValue("client", clientId)
                .addValue("name", name).addValue("goal", plan.goal()).addValue("weeks", plan.weeks().size())
                .addValue("request", json(request)).addValue("plan", json(plan)).addValue("engine", engine)
                .addValue("execution", executionId).addValue("savedBy", savedBy)
                .addValue("savedAt", Timestamp.from(savedAt)), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    public List<SavedPlan> forClient(String clientId, int limit) {
        return jdbc.query("SELECT * FROM ai_workout_plans WHERE client_id = :client ORDER BY saved_at DESC, id DESC "
                + "LIMIT :limit", new MapSqlParameterSource("client", clientId).addValue("limit", limit), this::row);
    }

    public Optional<SavedPlan> find(long id) {
        return jdbc.query("SELECT * FROM ai_workout_plans WHERE id = :id", new MapSqlParameterSource("id", id),
                this::row).stream().findFirst();
    }

    private SavedPlan row(ResultSet row, int number) throws SQLException {
        Number run = (Number) row.getObject("execution_id"); // null once its run was trimmed
        Long execution = run == null ? null : run.longValue();
        try {
            return new SavedPlan(row.getLong("id"), row.getString("client_id"), row.getString("name"),
                    row.getString("goal"), row.getInt("weeks"), objectMapper.readValue(row.getString("plan"),
                    WorkoutPlan.class), row.getString("engine"), execution,
                    row.getString("saved_by"), row.getTimestamp("saved_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Saved plan " + row.getLong("id") + " is not a plan", e);
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
