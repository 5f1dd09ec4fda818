package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.checkpoint.BaseCheckpointSaver;
import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * LangGraph4j's checkpoint saver on {@code ai_workflow_checkpoints} (the project's {@code langgraph4j-postgres-saver}
 * is not available here, docs/decisions/0026): one thread per workflow run, its id the run's id. Each checkpoint is
 * written in its own statement as the graph passes a node, so it survives the node dying right after; the state is
 * stored as JSON (it holds only JSON values). Any node of the cluster reads the same checkpoints.
 */
@Component
class PostgresCheckpointSaver implements BaseCheckpointSaver {

    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    PostgresCheckpointSaver(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** Newest first, as LangGraph4j's savers list them. */
    @Override
    public Collection<Checkpoint> list(RunnableConfig config) {
        return jdbc.query("SELECT checkpoint_id, node_id, next_node_id, state FROM ai_workflow_checkpoints "
                + "WHERE execution_id = ? ORDER BY id DESC", this::checkpoint, runId(config));
    }

    @Override
    public Optional<Checkpoint> get(RunnableConfig config) {
        if (config.checkPointId().isPresent()) {
            return jdbc.query("SELECT checkpoint_id, node_id, next_node_id, state FROM ai_workflow_checkpoints "
                    + "WHERE execution_id = ? AND checkpoint_id = ?", this::checkpoint, runId(config),
                    config.checkPointId().get()).stream().findFirst();
        }
        return jdbc.query("SELECT checkpoint_id, node_id, next_node_id, state FROM ai_workflow_checkpoints "
                + "WHERE execution_id = ? ORDER BY id DESC LIMIT 1", this::checkpoint, runId(config))
                .stream().findFirst();
    }

    /** Adds the checkpoint, or replaces the one {@code config} names (LangGraph4j's updateState). */
    @Override
    public RunnableConfig put(RunnableConfig config, Checkpoint checkpoint) {
        String state = json(checkpoint.getState());
        if (config.checkPointId().isPresent()) {
            jdbc.update("UPDATE ai_workflow_checkpoints SET checkpoint_id = ?, node_id = ?, next_node_id = ?, "
                    + "state = ?::jsonb WHERE execution_id = ? AND checkpoint_id = ?", checkpoint.getId(),
                    checkpoint.getNodeId(), checkpoint.getNextNodeId(), state, runId(config),
                    config.checkPointId().get());
            return config;
        }
        jdbc.update("INSERT INTO ai_workflow_checkpoints (execution_id, checkpoint_id, node_id, next_node_id, state) "
                + "VALUES (?, ?, ?, ?, ?::jsonb)", runId(config), checkpoint.getId(), checkpoint.getNodeId(),
                checkpoint.getNextNodeId(), state);
        return RunnableConfig.builder(config).checkPointId(checkpoint.getId()).build();
    }

    /** Deletes the thread's checkpoints: the run is over and will not go on. */
    @Override
    public Tag release(RunnableConfig config) {
        Collection<Checkpoint> checkpoints = list(config);
        jdbc.update("DELETE FROM ai_workflow_checkpoints WHERE execution_id = ?", runId(config));
        return new Tag(threadId(config), checkpoints);
    }

    /** Whether the run has a checkpoint to go on from. */
    boolean has(long runId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM ai_workflow_checkpoints "
                + "WHERE execution_id = ?)", Boolean.class, runId));
    }

    /** The node the run goes on from when executed again, if it has a checkpoint. */
    Optional<String> nextNode(long runId) {
        return jdbc.queryForList("SELECT next_node_id FROM ai_workflow_checkpoints WHERE execution_id = ? "
                + "ORDER BY id DESC LIMIT 1", String.class, runId).stream().findFirst();
    }

    /** Deletes a finished run's checkpoints (kept only while it may go on). */
    void release(long runId) {
        jdbc.update("DELETE FROM ai_workflow_checkpoints WHERE execution_id = ?", runId);
    }

    private long runId(RunnableConfig config) {
        String thread = threadId(config);
        try {
            return Long.parseLong(thread);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A workflow thread is named by its run's id, not '" + thread + "'.");
        }
    }

    private Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        try {
            return Checkpoint.builder().id(rs.getString("checkpoint_id")).nodeId(rs.getString("node_id"))
                    .nextNodeId(rs.getString("next_node_id"))
                    .state(objectMapper.readValue(rs.getString("state"), STATE)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Checkpoint " + rs.getString("checkpoint_id") + " is not JSON", e);
        }
    }

    private String json(Map<String, Object> state) {
        try {
            return objectMapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A workflow state is JSON values only", e);
        }
    }
}
