package com.fitnesscrm.orchestrator.metrics.internal;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.metrics.Feedback;
import com.fitnesscrm.orchestrator.metrics.Vote;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code ai_feedback}, and the few columns of a run a vote copies. */
@Repository
public class FeedbackStore {

    private static final String COLUMNS = "id, execution_id, agent_name, config_version, voter, feedback, comment, "
            + "source, created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FeedbackStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The run a vote is about: its agent as recorded (kept when the agent is deleted) and config version. */
    public record VotedRun(long id, String agentName, String taskType, Integer configVersion) {

        /** Whether {@code agentType} names this run's agent: its task type or its name, case and blanks ignored. */
        public boolean answersTo(String agentType) {
            String wanted = agentType.strip().toLowerCase(Locale.ROOT);
            return wanted.equals(lower(taskType)) || wanted.equals(lower(agentName));
        }

        private static String lower(String text) {
            return text == null ? null : text.toLowerCase(Locale.ROOT);
        }
    }

    /** A stored vote, and the voter's vote it replaced ({@code null} for a first vote). */
    public record Stored(Vote vote, Feedback previous) {
    }

    public Optional<VotedRun> run(long id) {
        return jdbc.query("""
                SELECT e.id, coalesce(e.agent_name, a.name, e.task_type, 'unknown') AS agent_name,
                    coalesce(e.task_type, a.type) AS task_type, e.config_version
                FROM ai_agent_executions e LEFT JOIN ai_agents a ON a.id = e.agent_id WHERE e.id = ?""",
                (rs, row) -> new VotedRun(rs.getLong("id"), rs.getString("agent_name"), rs.getString("task_type"),
                        (Integer) rs.getObject("config_version")), id).stream().findFirst();
    }

    /** Writes the voter's vote on the run, replacing an earlier one (whose created_at stays). */
    public Stored upsert(VotedRun run, String voter, Feedback feedback, String comment, String source) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.queryForObject("""
                WITH earlier AS (SELECT feedback FROM ai_feedback WHERE execution_id = ? AND voter = ?),
                vote AS (
                    INSERT INTO ai_feedback (execution_id, agent_name, config_version, voter, feedback, comment,
                        source, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (execution_id, voter) DO UPDATE SET feedback = EXCLUDED.feedback,
                        comment = EXCLUDED.comment, source = EXCLUDED.source, agent_name = EXCLUDED.agent_name,
                        config_version = EXCLUDED.config_version, updated_at = EXCLUDED.updated_at
                    RETURNING\s""" + COLUMNS + """
                )
                SELECT vote.*, (SELECT feedback FROM earlier) AS previous FROM vote""",
                (rs, row) -> new Stored(vote(rs), Coded.find(Feedback.class, rs.getString("previous")).orElse(null)),
                run.id(), voter, run.id(), run.agentName(), run.configVersion(), voter, feedback.code(), comment,
                source, now, now);
    }

    public Optional<Vote> find(long runId, String voter) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ai_feedback WHERE execution_id = ? AND voter = ?",
                (rs, row) -> vote(rs), runId, voter).stream().findFirst();
    }

    private static Vote vote(ResultSet rs) throws SQLException {
        String voter = rs.getString("voter");
        return new Vote(rs.getLong("id"), rs.getLong("execution_id"), rs.getString("agent_name"),
                (Integer) rs.getObject("config_version"), voter,
                voter.startsWith(Vote.USER_PREFIX) ? voter.substring(Vote.USER_PREFIX.length()) : null,
                Coded.find(Feedback.class, rs.getString("feedback")).orElseThrow(), rs.getString("comment"),
                rs.getString("source"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
