package com.fitnesscrm.orchestrator.schedules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.schedules.MisfirePolicy;
import com.fitnesscrm.orchestrator.schedules.OverlapPolicy;
import com.fitnesscrm.orchestrator.schedules.Schedule;
import com.fitnesscrm.orchestrator.schedules.ScheduleDraft;
import com.fitnesscrm.orchestrator.schedules.ScheduleTriggers;
import com.fitnesscrm.orchestrator.schedules.ScheduledRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code ai_schedules}, and the runs each schedule started ({@code requested_by = 'schedule:<id>'}). */
@Repository
public class ScheduleStore {

    private static final String COLUMNS = "id, name, agent, input::text AS input, cron, time_zone, overlap_policy, "
            + "misfire_policy, paused, created_by, created_at, updated_at, last_fired_at, last_run_id, last_error, "
            + "skipped, last_skipped_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    ScheduleStore(JdbcTemplate jdbc, ObjectMapper objectMapper, Clock clock) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public List<Schedule> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM ai_schedules ORDER BY name", this::row);
    }

    public Optional<Schedule> get(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ai_schedules WHERE id = ?", this::row, id).stream()
                .findFirst();
    }

    public boolean nameTaken(String name, Long except) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM ai_schedules WHERE lower(name) = lower(?)"
                + " AND id IS DISTINCT FROM ?", Integer.class, name, except);
        return count != null && count > 0;
    }

    public long insert(ScheduleDraft draft, String createdBy) {
        Long id = jdbc.queryForObject("""
                INSERT INTO ai_schedules (name, agent, input, cron, time_zone, overlap_policy, misfire_policy,
                                          created_by)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?) RETURNING id""", Long.class, draft.name(), draft.agent(),
                json(draft.input()), draft.cron(), draft.timeZone(), draft.overlapPolicy().code(),
                draft.misfirePolicy().code(), createdBy);
        return id == null ? 0 : id;
    }

    public void update(long id, ScheduleDraft draft) {
        jdbc.update("""
                UPDATE ai_schedules SET name = ?, agent = ?, input = ?::jsonb, cron = ?, time_zone = ?,
                    overlap_policy = ?, misfire_policy = ?, updated_at = now()
                WHERE id = ?""", draft.name(), draft.agent(), json(draft.input()), draft.cron(), draft.timeZone(),
                draft.overlapPolicy().code(), draft.misfirePolicy().code(), id);
    }

    public void paused(long id, boolean paused) {
        jdbc.update("UPDATE ai_schedules SET paused = ?, updated_at = now() WHERE id = ?", paused, id);
    }

    public void delete(long id) {
        jdbc.update("DELETE FROM ai_schedules WHERE id = ?", id);
    }

    /** Whether a run this schedule started is still queued or running: what {@code overlap_policy: skip} skips on. */
    boolean previousRunGoing(long id) {
        Integer going = jdbc.queryForObject("""
                SELECT count(*) FROM ai_agent_executions
                WHERE requested_by = ? AND requester_kind = 'system' AND status IN ('queued', 'running')""",
                Integer.class, Schedule.requester(id));
        return going != null && going > 0;
    }

    void fired(long id, Long runId, String error) {
        jdbc.update("UPDATE ai_schedules SET last_fired_at = ?, last_run_id = COALESCE(?, last_run_id),"
                + " last_error = ? WHERE id = ?", Timestamp.from(clock.instant()), runId, error, id);
    }

    void skipped(long id) {
        jdbc.update("UPDATE ai_schedules SET skipped = skipped + 1, last_skipped_at = ? WHERE id = ?",
                Timestamp.from(clock.instant()), id);
    }

    /** The newest {@code limit} runs the schedule started. */
    public List<ScheduledRun> runs(long id, int limit) {
        return jdbc.query("""
                SELECT id, status, started_at, completed_at, error_message FROM ai_agent_executions
                WHERE requested_by = ? AND requester_kind = 'system' ORDER BY id DESC LIMIT ?""",
                (rs, row) -> new ScheduledRun(rs.getLong("id"), rs.getString("status"),
                        instant(rs, "started_at"), instant(rs, "completed_at"), rs.getString("error_message")),
                Schedule.requester(id), limit);
    }

    private Schedule row(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String cron = rs.getString("cron");
        String zone = rs.getString("time_zone");
        boolean paused = rs.getBoolean("paused");
        Long lastRun = rs.getObject("last_run_id") == null ? null : rs.getLong("last_run_id");
        return new Schedule(id, rs.getString("name"), rs.getString("agent"), read(rs.getString("input")), cron,
                zone, Coded.find(OverlapPolicy.class, rs.getString("overlap_policy")).orElse(OverlapPolicy.SKIP),
                Coded.find(MisfirePolicy.class, rs.getString("misfire_policy")).orElse(MisfirePolicy.RUN_ONCE), paused,
                paused ? List.of() : ScheduleTriggers.nextFireTimes(cron, zone, clock.instant(), 5),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "last_fired_at"), lastRun, rs.getString("last_error"), rs.getInt("skipped"),
                instant(rs, "last_skipped_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private String json(JsonNode node) {
        try {
            return objectMapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ai_schedules.input is not JSON", e);
        }
    }
}
