package com.fitnesscrm.orchestrator.codeanalysis.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.codeanalysis.CodeAnalysisOutput.ErrorGroup;
import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSuggestion;
import com.fitnesscrm.orchestrator.codeanalysis.ErrorAnalysis;
import com.fitnesscrm.orchestrator.codeanalysis.Evidence;
import com.fitnesscrm.orchestrator.codeanalysis.StoredErrorGroup;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionFilter;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionPage;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Code Analyzer's tables (V0005, V0018): suggestions stored once per fingerprint, error groups, their hourly
 * counts and the evidence between them. Every count-up is one {@code INSERT … ON CONFLICT} statement, so runs that
 * find the same thing at once never write it twice nor lose a count.
 */
@Component
public class CodeAnalysisStore {

    /** How much of a group's first trace is kept. */
    static final int SAMPLE_TRACE_MAX = 16 * 1024;
    /** Evidence rows kept per suggestion (the newest). */
    static final int EVIDENCE_KEPT = 20;
    private static final TypeReference<List<ErrorAnalysis.Frame>> FRAMES = new TypeReference<>() {
    };
    private static final String SUGGESTION_COLUMNS = "id, file_path, issue_type, category, severity, line, "
            + "description, suggestion, code_snippet, rule_id, fingerprint, source, status, occurrences, first_seen, "
            + "last_seen, created_at, resolved_at, reviewer, note, reopened";
    private static final String GROUP_COLUMNS = "id, fingerprint, title, exception_type, frames::text AS frames, "
            + "likely_cause, suggested_fix, occurrences, first_seen, last_seen";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    CodeAnalysisStore(DataSource dataSource, ObjectMapper objectMapper) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(10);
        this.objectMapper = objectMapper;
    }

    /** A stored error group and whether this call claimed its next analysis run. */
    public record StoredGroup(long id, ErrorGroup group, boolean claimed) {
    }

    /**
     * Stores a finding, or counts it up when its fingerprint is stored: one more occurrence, seen now, at its current
     * line. One that was applied comes back as pending, reopened, with a note saying so; a rejected one stays
     * rejected (the reviewer said it is no issue). Returns the row's id.
     */
    public long saveFinding(String filePath, CodeIssue issue, Instant now) {
        Timestamp at = Timestamp.from(now);
        String reopenNote = "Reopened on " + now.truncatedTo(ChronoUnit.SECONDS) + ": it was applied, but the "
                + "analysis found it again.";
        return jdbc.queryForObject("""
                INSERT INTO ai_code_suggestions (file_path, issue_type, severity, description, suggestion, code_snippet,
                    status, created_at, category, rule_id, fingerprint, line, occurrences, first_seen, last_seen, source)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, 1, ?, ?, ?)
                ON CONFLICT (fingerprint) DO UPDATE SET
                    occurrences = ai_code_suggestions.occurrences + 1,
                    last_seen = GREATEST(ai_code_suggestions.last_seen, EXCLUDED.last_seen),
                    line = EXCLUDED.line,
                    code_snippet = EXCLUDED.code_snippet,
                    reopened = ai_code_suggestions.reopened OR ai_code_suggestions.status = 'applied',
                    note = CASE WHEN ai_code_suggestions.status = 'applied' THEN ? ELSE ai_code_suggestions.note END,
                    resolved_at = CASE WHEN ai_code_suggestions.status = 'applied' THEN NULL
                                       ELSE ai_code_suggestions.resolved_at END,
                    status = CASE WHEN ai_code_suggestions.status = 'applied' THEN 'pending'
                                  ELSE ai_code_suggestions.status END
                RETURNING id""", Long.class,
                cut(filePath, 500), cut(issue.issueType(), 50), issue.severity(), issue.description(),
                issue.suggestion() == null ? "" : issue.suggestion(), issue.snippet(), at, issue.category(),
                cut(issue.ruleId(), 100), issue.fingerprint(), issue.line() > 0 ? issue.line() : null, at, at,
                issue.source() == null ? CodeIssue.RULES : issue.source(), reopenNote);
    }

    /**
     * Stores an error's group or counts it up ({@code count}), and claims its next analysis when none was started
     * within {@code interval}: the claim and the count are one statement, so of many reports at once one claims.
     */
    public StoredGroup saveError(ErrorAnalysis error, String trace, Instant now, boolean count, Duration interval) {
        Timestamp at = Timestamp.from(now);
        Timestamp claimBefore = Timestamp.from(now.minus(interval));
        // Unique to this call, so that only the call whose token was written learns it claimed the analysis.
        UUID claim = UUID.randomUUID();
        StoredGroup stored = jdbc.queryForObject("""
                INSERT INTO ai_error_groups (fingerprint, title, exception_type, language, frames, sample_trace,
                    likely_cause, suggested_fix, occurrences, first_seen, last_seen, analysed_at, analysis_claim)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, 1, ?, ?, ?, ?)
                ON CONFLICT (fingerprint) DO UPDATE SET
                    occurrences = ai_error_groups.occurrences + ?,
                    -- An error analysed again (already counted) was not seen again: it keeps its last sighting.
                    last_seen = CASE WHEN ? THEN GREATEST(ai_error_groups.last_seen, EXCLUDED.last_seen)
                                     ELSE ai_error_groups.last_seen END,
                    likely_cause = EXCLUDED.likely_cause,
                    suggested_fix = EXCLUDED.suggested_fix,
                    analysed_at = CASE WHEN ai_error_groups.analysed_at IS NULL OR ai_error_groups.analysed_at < ?
                                       THEN EXCLUDED.analysed_at ELSE ai_error_groups.analysed_at END,
                    analysis_claim = CASE WHEN ai_error_groups.analysed_at IS NULL OR ai_error_groups.analysed_at < ?
                                          THEN EXCLUDED.analysis_claim ELSE ai_error_groups.analysis_claim END
                RETURNING %s, analysis_claim = ? AS claimed""".formatted(GROUP_COLUMNS),
                (rs, i) -> new StoredGroup(rs.getLong("id"), group(rs), rs.getBoolean("claimed")),
                error.fingerprint(), error.title(), cut(error.exceptionType(), 300), error.language().code(),
                json(error.inAppFrames()), cut(trace == null ? "" : trace, SAMPLE_TRACE_MAX), error.likelyCause(),
                error.suggestedFix(), at, at, at, claim, count ? 1 : 0, count, claimBefore, claimBefore, claim);
        if (count) {
            jdbc.update("""
                    INSERT INTO ai_error_group_hours (error_group_id, hour, occurrences) VALUES (?, ?, 1)
                    ON CONFLICT (error_group_id, hour) DO UPDATE SET
                        occurrences = ai_error_group_hours.occurrences + 1""",
                    stored.id(), Timestamp.from(now.truncatedTo(ChronoUnit.HOURS)));
        }
        return stored;
    }

    /** Links a suggestion to what produced it, keeping the newest {@value #EVIDENCE_KEPT}; returns the link's id. */
    public long addEvidence(long suggestionId, Long runId, Long errorGroupId, Instant at) {
        Long id = jdbc.queryForObject("INSERT INTO ai_code_suggestion_evidence (suggestion_id, run_id, "
                + "error_group_id, seen_at) VALUES (?, ?, ?, ?) RETURNING id", Long.class, suggestionId, runId,
                errorGroupId, Timestamp.from(at));
        jdbc.update("""
                DELETE FROM ai_code_suggestion_evidence WHERE suggestion_id = ? AND id NOT IN (
                    SELECT id FROM ai_code_suggestion_evidence WHERE suggestion_id = ?
                    ORDER BY seen_at DESC, id DESC LIMIT ?)""", suggestionId, suggestionId, EVIDENCE_KEPT);
        return id;
    }

    public void setGroupRun(long groupId, long runId) {
        jdbc.update("UPDATE ai_error_groups SET last_run_id = ? WHERE id = ?", runId, groupId);
    }

    /** Gives a claimed analysis back when its run could not start, so the group's next report may start one. */
    public void releaseClaim(long groupId) {
        jdbc.update("UPDATE ai_error_groups SET analysed_at = NULL, analysis_claim = NULL WHERE id = ?", groupId);
    }

    public SuggestionPage page(SuggestionFilter filter, int page, int perPage) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        long total = jdbc.queryForObject("SELECT count(*) FROM ai_code_suggestions" + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(perPage);
        pageArgs.add((long) (page - 1) * perPage);
        List<CodeSuggestion> rows = jdbc.query("SELECT " + SUGGESTION_COLUMNS + " FROM ai_code_suggestions" + where
                + " ORDER BY id DESC LIMIT ? OFFSET ?", this::suggestion, pageArgs.toArray());
        return new SuggestionPage(rows, total, page, perPage);
    }

    public Optional<CodeSuggestion> find(long id) {
        return jdbc.query("SELECT " + SUGGESTION_COLUMNS + " FROM ai_code_suggestions WHERE id = ?", this::suggestion,
                id).stream().findFirst();
    }

    /** Moves a suggestion from {@code from} to {@code to}; false when its status is no longer {@code from}. */
    public boolean transition(long id, String from, SuggestionStatus to, String reviewer, String note, Instant now) {
        return jdbc.update("""
                UPDATE ai_code_suggestions SET status = ?, reviewer = ?, note = COALESCE(?, note),
                    resolved_at = CASE WHEN status = 'pending' THEN ? ELSE resolved_at END
                WHERE id = ? AND status IS NOT DISTINCT FROM ?""", to.code(), cut(reviewer, 200), note,
                Timestamp.from(now), id, from) == 1;
    }

    public List<Evidence> evidence(long suggestionId) {
        return jdbc.query("""
                SELECT e.run_id, e.error_group_id, g.title, g.occurrences, e.seen_at
                FROM ai_code_suggestion_evidence e LEFT JOIN ai_error_groups g ON g.id = e.error_group_id
                WHERE e.suggestion_id = ? ORDER BY e.seen_at DESC, e.id DESC""", (rs, i) -> new Evidence(
                (Long) rs.getObject("run_id"), (Long) rs.getObject("error_group_id"), rs.getString("title"),
                (Long) rs.getObject("occurrences"), rs.getTimestamp("seen_at").toInstant()), suggestionId);
    }

    /** Suggestions by offset, for a lazy grid (no count). */
    public List<CodeSuggestion> slice(SuggestionFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT " + SUGGESTION_COLUMNS + " FROM ai_code_suggestions" + where
                + " ORDER BY id DESC LIMIT ? OFFSET ?", this::suggestion, args.toArray());
    }

    /** Error groups, most recently seen first. */
    public List<StoredErrorGroup> groups(int offset, int limit) {
        return jdbc.query("SELECT " + GROUP_COLUMNS + ", sample_trace, last_run_id FROM ai_error_groups "
                + "ORDER BY last_seen DESC, id DESC LIMIT ? OFFSET ?", (rs, i) -> {
                    ErrorGroup group = group(rs);
                    return new StoredErrorGroup(rs.getLong("id"), group.fingerprint(), group.title(),
                            group.exceptionType(), group.inAppFrames(), group.count(), group.firstSeen(),
                            group.lastSeen(), group.likelyCause(), group.suggestedFix(), rs.getString("sample_trace"),
                            (Long) rs.getObject("last_run_id"));
                }, limit, offset);
    }

    /** A group's occurrences per hour since {@code from}. */
    public Map<Instant, Long> hours(long groupId, Instant from) {
        Map<Instant, Long> hours = new HashMap<>();
        jdbc.query("SELECT hour, occurrences FROM ai_error_group_hours WHERE error_group_id = ? AND hour >= ?",
                rs -> {
                    hours.put(rs.getTimestamp("hour").toInstant(), rs.getLong("occurrences"));
                }, groupId, Timestamp.from(from));
        return hours;
    }

    private static String where(SuggestionFilter filter, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (filter.status() != null) {
            clauses.add("status = ?");
            args.add(filter.status().code());
        }
        if (filter.severity() != null) {
            clauses.add("severity = ?");
            args.add(filter.severity().code());
        }
        if (filter.category() != null) {
            clauses.add("category = ?");
            args.add(filter.category().code());
        }
        if (filter.filePath() != null && !filter.filePath().isBlank()) {
            clauses.add("strpos(file_path, ?) > 0");
            args.add(filter.filePath().strip());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private CodeSuggestion suggestion(ResultSet rs, int i) throws SQLException {
        return new CodeSuggestion(rs.getLong("id"), rs.getString("file_path"), rs.getString("issue_type"),
                rs.getString("category"), rs.getString("severity"), (Integer) rs.getObject("line"),
                rs.getString("description"), rs.getString("suggestion"), rs.getString("code_snippet"),
                rs.getString("rule_id"), rs.getString("fingerprint"), rs.getString("source"), rs.getString("status"),
                rs.getLong("occurrences"), instant(rs, "first_seen"), instant(rs, "last_seen"),
                instant(rs, "created_at"), instant(rs, "resolved_at"), rs.getString("reviewer"), rs.getString("note"),
                rs.getBoolean("reopened"));
    }

    private ErrorGroup group(ResultSet rs) throws SQLException {
        List<ErrorAnalysis.Frame> frames;
        try {
            frames = objectMapper.readValue(rs.getString("frames"), FRAMES);
        } catch (JsonProcessingException e) {
            frames = List.of();
        }
        return new ErrorGroup(rs.getString("fingerprint"), rs.getString("title"), rs.getString("exception_type"),
                frames, instant(rs, "first_seen"), instant(rs, "last_seen"), rs.getLong("occurrences"),
                rs.getString("likely_cause"), rs.getString("suggested_fix"), null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
