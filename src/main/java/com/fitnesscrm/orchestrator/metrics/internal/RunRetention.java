package com.fitnesscrm.orchestrator.metrics.internal;

import com.fitnesscrm.orchestrator.metrics.RetentionSettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trims the payloads of old runs: input and output become a small marker that says when retention removed them (so
 * the Runs view and {@code GET /api/executions/{id}} say so instead of showing nothing), the steps are deleted and
 * {@code payload_trimmed_at} is set. The row keeps status, timings, tokens, cost, agent and version; the roll-ups in
 * {@code ai_agent_metrics} are not touched. Runs that are evidence of a code suggestion or an error group keep
 * everything. One transaction per batch of {@link RetentionSettings#batchSize()} runs, rows locked with SKIP LOCKED,
 * so a trim never holds the table for long and two nodes never trim the same run.
 */
@Component
class RunRetention {

    private static final Logger log = LoggerFactory.getLogger(RunRetention.class);

    // The input hash goes too: the response cache must never answer with a marker instead of an output.
    private static final String TRIM_BATCH = """
            WITH doomed AS (
                SELECT e.id FROM ai_agent_executions e
                WHERE e.payload_trimmed_at IS NULL
                  AND e.started_at < :cutoff
                  AND e.status NOT IN ('queued', 'running', 'waiting')
                  AND NOT EXISTS (SELECT 1 FROM ai_code_suggestion_evidence s WHERE s.run_id = e.id)
                  AND NOT EXISTS (SELECT 1 FROM ai_error_groups g WHERE g.last_run_id = e.id)
                ORDER BY e.id
                LIMIT :batch
                FOR UPDATE OF e SKIP LOCKED
            ), steps AS (
                DELETE FROM ai_execution_steps s USING doomed d WHERE s.execution_id = d.id
            )
            UPDATE ai_agent_executions e
            SET input_data = CASE WHEN e.input_data IS NULL THEN NULL ELSE CAST(:marker AS jsonb) END,
                output_data = CASE WHEN e.output_data IS NULL THEN NULL ELSE CAST(:marker AS jsonb) END,
                input_hash = NULL,
                payload_trimmed_at = :now
            FROM doomed d
            WHERE e.id = d.id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RetentionSettings settings;
    private final Clock clock;

    RunRetention(JdbcClient jdbc, TransactionTemplate transaction, RetentionSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** Trims up to {@code maxBatches} batches of runs older than the retention period; answers how many. */
    int trim() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(settings.runDays()));
        String marker = marker(now);
        int total = 0;
        for (int batch = 0; batch < settings.maxBatches(); batch++) {
            Integer trimmed = transaction.execute(status -> jdbc.sql(TRIM_BATCH)
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("batch", settings.batchSize())
                    .param("marker", marker)
                    .param("now", Timestamp.from(now))
                    .update());
            total += trimmed == null ? 0 : trimmed;
            if (trimmed == null || trimmed < settings.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            log.info("Retention removed the payloads of {} runs started before {}", total, cutoff);
        }
        return total;
    }

    /** What a trimmed run shows as its input and output. */
    static String marker(Instant trimmedAt) {
        LocalDate day = LocalDate.ofInstant(trimmedAt, ZoneOffset.UTC);
        return "{\"payload_removed\": \"payload removed by retention on " + day + "\", \"removed_at\": \""
                + trimmedAt + "\"}";
    }
}
