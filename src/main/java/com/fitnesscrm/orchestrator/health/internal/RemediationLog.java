package com.fitnesscrm.orchestrator.health.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.health.Remediation;
import com.fitnesscrm.orchestrator.health.RemediationKind;
import com.fitnesscrm.orchestrator.health.SelfHealingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The remediation log, {@code ai_health_remediations} (V0016): what self-healing did, and what is in force. */
@Component
public class RemediationLog {

    /** Evidence longer than this as JSON is stored cut, with a note that it was. */
    static final int MAX_EVIDENCE_CHARS = 4000;
    /** Runs named by one entry, at most; the evidence says how many there were in all. */
    public static final int MAX_RUN_IDS = 100;
    private static final int MAX_TEXT = 2000;
    private static final TypeReference<Map<String, Object>> EVIDENCE = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, kind, mode, reason, evidence::text AS evidence, result, agent_id, "
            + "run_ids, created_at, expires_at, ended_at, undone_at, undone_by, undo_result";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    RemediationLog(DataSource dataSource, ObjectMapper objectMapper) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
        this.objectMapper = objectMapper;
    }

    /** A remediation to write: {@code expiresAt} only for a rules-only switch. */
    public record Entry(RemediationKind kind, SelfHealingMode mode, String reason, Map<String, Object> evidence,
                        String result, Integer agentId, List<Long> runIds, Instant at, Instant expiresAt) {
    }

    public Remediation write(Entry entry) {
        List<Long> runIds = entry.runIds() == null ? List.of() : entry.runIds();
        Long[] ids = runIds.stream().limit(MAX_RUN_IDS).toArray(Long[]::new);
        return jdbc.query(con -> {
            var statement = con.prepareStatement("INSERT INTO ai_health_remediations (kind, mode, reason, evidence, "
                    + "result, agent_id, run_ids, created_at, expires_at) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) "
                    + "RETURNING " + COLUMNS);
            statement.setString(1, entry.kind().code());
            statement.setString(2, entry.mode().code());
            statement.setString(3, cut(entry.reason()));
            statement.setString(4, evidence(entry.evidence(), runIds.size()));
            statement.setString(5, cut(entry.result()));
            statement.setObject(6, entry.agentId());
            statement.setArray(7, con.createArrayOf("bigint", ids));
            statement.setTimestamp(8, Timestamp.from(entry.at()));
            statement.setTimestamp(9, entry.expiresAt() == null ? null : Timestamp.from(entry.expiresAt()));
            return statement;
        }, this::row).get(0);
    }

    /** Entries of {@code kind}, done or logged in a dry run, since {@code since}: what the hourly limit counts. */
    public int countSince(RemediationKind kind, Instant since) {
        Integer count = jdbc.queryForObject("SELECT count(*)::int FROM ai_health_remediations WHERE kind = ? "
                + "AND created_at >= ?", Integer.class, kind.code(), Timestamp.from(since));
        return count == null ? 0 : count;
    }

    /** When an entry of {@code kind} (for {@code agentId}, unless {@code null}) was last written, in either mode. */
    public Optional<Instant> latest(RemediationKind kind, Integer agentId) {
        return jdbc.query("SELECT max(created_at) FROM ai_health_remediations WHERE kind = ? "
                        + "AND (?::int IS NULL OR agent_id = ?)", (rs, i) -> instant(rs, 1), kind.code(), agentId,
                agentId).stream().filter(Objects::nonNull).findFirst();
    }

    /** Newest first. */
    public List<Remediation> page(int offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ai_health_remediations ORDER BY created_at DESC, id DESC "
                + "LIMIT ? OFFSET ?", this::row, limit, offset);
    }

    public Optional<Remediation> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ai_health_remediations WHERE id = ?", this::row, id).stream()
                .findFirst();
    }

    /** Records it undone; empty when someone undid it first. */
    public Optional<Remediation> markUndone(long id, String by, String result, Instant at) {
        return jdbc.query("UPDATE ai_health_remediations SET undone_at = ?, undone_by = ?, undo_result = ? "
                        + "WHERE id = ? AND undone_at IS NULL RETURNING " + COLUMNS, this::row, Timestamp.from(at),
                cut(by), cut(result), id).stream().findFirst();
    }

    /** Rules-only switches in force whose cool-down is over: the ones to probe. */
    public List<Remediation> lapsedSwitches(Instant now) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ai_health_remediations WHERE kind = ? AND mode = 'on' "
                + "AND undone_at IS NULL AND ended_at IS NULL AND expires_at <= ? ORDER BY id", this::row,
                RemediationKind.LLM_RULES_ONLY.code(), Timestamp.from(now));
    }

    /** A probe answered: the switch is over. */
    public void endSwitch(long id, Instant at, String result) {
        jdbc.update("UPDATE ai_health_remediations SET ended_at = ?, result = ? WHERE id = ? AND ended_at IS NULL",
                Timestamp.from(at), cut(result), id);
    }

    /** A probe failed: another cool-down. */
    public void extendSwitch(long id, Instant until, String result) {
        jdbc.update("UPDATE ai_health_remediations SET expires_at = ?, result = ? WHERE id = ? AND ended_at IS NULL",
                Timestamp.from(until), cut(result), id);
    }

    /** What is imposed on an agent now, as every node reads it. */
    public record InForce(int agentId, String rulesOnlyReason, Instant cacheClearedAt) {
    }

    /**
     * Per agent: the reason of its rules-only switch in force at {@code now} (not undone, not ended, cool-down not
     * over), and when its cache was last cleared (not undone). Done entries only: a dry run imposes nothing.
     */
    public Map<Integer, InForce> inForce(Instant now) {
        Map<Integer, InForce> result = new LinkedHashMap<>();
        jdbc.query("""
                SELECT agent_id,
                       (array_agg(reason ORDER BY created_at DESC) FILTER (
                           WHERE kind = ? AND ended_at IS NULL AND expires_at > ?))[1] AS rules_only,
                       max(created_at) FILTER (WHERE kind = ?) AS cache_cleared
                FROM ai_health_remediations
                WHERE agent_id IS NOT NULL AND mode = 'on' AND undone_at IS NULL AND kind IN (?, ?)
                GROUP BY agent_id""", (ResultSet rs) -> {
            InForce row = new InForce(rs.getInt("agent_id"), rs.getString("rules_only"),
                    instant(rs, "cache_cleared"));
            if (row.rulesOnlyReason() != null || row.cacheClearedAt() != null) {
                result.put(row.agentId(), row);
            }
        }, RemediationKind.LLM_RULES_ONLY.code(), Timestamp.from(now), RemediationKind.CACHE_CLEAR.code(),
                RemediationKind.LLM_RULES_ONLY.code(), RemediationKind.CACHE_CLEAR.code());
        return result;
    }

    private Remediation row(ResultSet rs, int i) throws SQLException {
        Array array = rs.getArray("run_ids");
        List<Long> runIds = array == null ? List.of() : Arrays.stream((Object[]) array.getArray())
                .map(id -> ((Number) id).longValue()).toList();
        return new Remediation(rs.getLong("id"),
                Coded.find(RemediationKind.class, rs.getString("kind")).orElseThrow(),
                Coded.find(SelfHealingMode.class, rs.getString("mode")).orElseThrow(), rs.getString("reason"),
                readEvidence(rs.getString("evidence")), rs.getString("result"), (Integer) rs.getObject("agent_id"),
                runIds, instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "ended_at"),
                instant(rs, "undone_at"), rs.getString("undone_by"), rs.getString("undo_result"));
    }

    private String evidence(Map<String, Object> evidence, int runs) {
        Map<String, Object> all = new LinkedHashMap<>(evidence == null ? Map.of() : evidence);
        if (runs > MAX_RUN_IDS) {
            all.put("runs_in_all", runs);
        }
        try {
            String json = objectMapper.writeValueAsString(all);
            if (json.length() <= MAX_EVIDENCE_CHARS) {
                return json;
            }
            Map<String, Object> cut = new LinkedHashMap<>();
            cut.put("truncated", true);
            cut.put("start", json.substring(0, MAX_EVIDENCE_CHARS - 100));
            return objectMapper.writeValueAsString(cut);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private Map<String, Object> readEvidence(String json) {
        try {
            return json == null ? Map.of() : objectMapper.readValue(json, EVIDENCE);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
