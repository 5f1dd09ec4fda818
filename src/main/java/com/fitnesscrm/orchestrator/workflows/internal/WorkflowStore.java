package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.workflows.PendingApproval;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.NodeKind;
import com.fitnesscrm.orchestrator.workflows.WorkflowRunService.NodeRecord;
import com.fitnesscrm.orchestrator.workflows.WorkflowVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The workflows' tables: definition versions, the nodes each run passed, and the approvals runs wait for. */
@Component
public class WorkflowStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    WorkflowStore(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    // Versions --------------------------------------------------------------------------------------------------

    /** @throws ConflictException another change saved this version a moment ago */
    public void addVersion(int agentId, int version, String description, JsonNode definition, String author,
                           String note, Instant at) {
        try {
            insertVersion(agentId, version, description, definition, author, note, at);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("definition", "Someone else saved version " + version + " of this workflow "
                    + "a moment ago; reload it and make the change again.");
        }
    }

    private void insertVersion(int agentId, int version, String description, JsonNode definition, String author,
                               String note, Instant at) {
        jdbc.update("INSERT INTO ai_workflow_versions (agent_id, version, description, definition, author, note, "
                + "created_at) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?)", agentId, version, description, json(definition),
                author, note, Timestamp.from(at));
    }

    /** Newest first. */
    public List<WorkflowVersion> versions(int agentId) {
        return jdbc.query("SELECT * FROM ai_workflow_versions WHERE agent_id = ? ORDER BY version DESC",
                this::version, agentId);
    }

    public Optional<WorkflowVersion> latest(int agentId) {
        return jdbc.query("SELECT * FROM ai_workflow_versions WHERE agent_id = ? ORDER BY version DESC LIMIT 1",
                this::version, agentId).stream().findFirst();
    }

    public Optional<WorkflowVersion> version(int agentId, int version) {
        return jdbc.query("SELECT * FROM ai_workflow_versions WHERE agent_id = ? AND version = ?", this::version,
                agentId, version).stream().findFirst();
    }

    private WorkflowVersion version(ResultSet rs, int row) throws SQLException {
        return new WorkflowVersion(rs.getInt("agent_id"), rs.getInt("version"), rs.getString("description"),
                read(rs.getString("definition")), rs.getString("author"), rs.getString("note"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Notes a shipped workflow as installed; false when it was before (by this node or another). */
    boolean markShipped(String name) {
        return jdbc.update("INSERT INTO ai_workflows_shipped (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
                name) == 1;
    }

    // Nodes -----------------------------------------------------------------------------------------------------

    void nodeStarted(long runId, String nodeId, int visit, NodeKind kind, String title, Instant at) {
        jdbc.update("""
                INSERT INTO ai_workflow_nodes (execution_id, node_id, visit, kind, title, status, started_at)
                VALUES (?, ?, ?, ?, ?, 'running', ?)
                ON CONFLICT (execution_id, node_id, visit) DO UPDATE
                SET status = 'running', started_at = EXCLUDED.started_at, completed_at = NULL, summary = NULL""",
                runId, nodeId, visit, kind.code(), title, Timestamp.from(at));
    }

    void nodeEnded(long runId, String nodeId, int visit, NodeKind kind, String title, String status,
                   Long childRunId, String summary, Instant at) {
        jdbc.update("""
                INSERT INTO ai_workflow_nodes (execution_id, node_id, visit, kind, title, status, child_execution_id,
                    summary, started_at, completed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (execution_id, node_id, visit) DO UPDATE
                SET status = EXCLUDED.status, child_execution_id = coalesce(EXCLUDED.child_execution_id,
                    ai_workflow_nodes.child_execution_id), summary = EXCLUDED.summary,
                    completed_at = EXCLUDED.completed_at""",
                runId, nodeId, visit, kind.code(), title, status, childRunId, summary, Timestamp.from(at),
                "waiting".equals(status) ? null : Timestamp.from(at));
    }

    /** A node still "running" when its run fails or stops did not finish: it failed. */
    void nodesInterrupted(long runId, String status, Instant at) {
        jdbc.update("UPDATE ai_workflow_nodes SET status = ?, completed_at = ? WHERE execution_id = ? "
                + "AND status = 'running'", status, Timestamp.from(at), runId);
    }

    public List<NodeRecord> nodes(long runId) {
        return jdbc.query("SELECT * FROM ai_workflow_nodes WHERE execution_id = ? ORDER BY started_at, id",
                (rs, row) -> new NodeRecord(rs.getString("node_id"), rs.getString("title"),
                        Coded.find(NodeKind.class, rs.getString("kind")).orElse(NodeKind.FUNCTION),
                        rs.getString("status"), longOrNull(rs, "child_execution_id"), rs.getString("summary"),
                        instant(rs, "started_at"), instant(rs, "completed_at")), runId);
    }

    // Approvals -------------------------------------------------------------------------------------------------

    /** The decision at this approval visit, if made. */
    Optional<Decision> decision(long runId, String nodeId, int visit) {
        return jdbc.query("SELECT decision, decided_by, decided_at, note FROM ai_workflow_approvals "
                + "WHERE execution_id = ? AND node_id = ? AND visit = ? AND decision IS NOT NULL",
                (rs, row) -> new Decision(rs.getString("decision"), rs.getString("decided_by"),
                        instant(rs, "decided_at"), rs.getString("note")), runId, nodeId, visit)
                .stream().findFirst();
    }

    /** The decision made at an approval: {@code approved} or {@code rejected}. */
    record Decision(String decision, String by, Instant at, String note) {
    }

    /** Records that the run waits at this approval visit (once). */
    void requestApproval(long runId, String nodeId, int visit, String title, String role, JsonNode details,
                         Instant at) {
        jdbc.update("""
                INSERT INTO ai_workflow_approvals (execution_id, node_id, visit, title, role, details, requested_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (execution_id, node_id, visit) DO NOTHING""",
                runId, nodeId, visit, title, role, json(details), Timestamp.from(at));
    }

    public Optional<PendingApproval> pending(long runId) {
        return jdbc.query("SELECT * FROM ai_workflow_approvals WHERE execution_id = ? AND decision IS NULL "
                + "ORDER BY id DESC LIMIT 1", this::pendingRow, runId).stream().findFirst();
    }

    /** Waiting runs' approvals, oldest first, for the given roles. */
    public List<PendingApproval> pending(List<String> roles, int limit) {
        return jdbc.query("""
                SELECT a.* FROM ai_workflow_approvals a JOIN ai_agent_executions e ON e.id = a.execution_id
                WHERE a.decision IS NULL AND e.status = 'waiting' AND a.role = ANY (string_to_array(?, ','))
                ORDER BY a.requested_at LIMIT ?""", this::pendingRow, String.join(",", roles), limit);
    }

    /** Records the decision; false when it was already decided (by someone else, a moment ago). */
    public boolean decide(long runId, String nodeId, String decision, String by, String note, Instant at) {
        return jdbc.update("UPDATE ai_workflow_approvals SET decision = ?, decided_by = ?, decided_at = ?, note = ? "
                + "WHERE execution_id = ? AND node_id = ? AND decision IS NULL", decision, by, Timestamp.from(at),
                note, runId, nodeId) > 0;
    }

    /** Takes a decision back: the run it was for did not go on. */
    public void undecide(long runId, String nodeId) {
        jdbc.update("UPDATE ai_workflow_approvals SET decision = NULL, decided_by = NULL, decided_at = NULL, "
                + "note = NULL WHERE execution_id = ? AND node_id = ? AND decision IS NOT NULL", runId, nodeId);
    }

    private PendingApproval pendingRow(ResultSet rs, int row) throws SQLException {
        return new PendingApproval(rs.getLong("execution_id"), rs.getString("node_id"), rs.getString("title"),
                rs.getString("role"), read(rs.getString("details")), instant(rs, "requested_at"));
    }

    // JSON ------------------------------------------------------------------------------------------------------

    private String json(JsonNode node) {
        try {
            return objectMapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return text == null ? null : objectMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
