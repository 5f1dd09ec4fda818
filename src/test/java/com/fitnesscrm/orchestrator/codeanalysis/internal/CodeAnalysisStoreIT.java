package com.fitnesscrm.orchestrator.codeanalysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import com.fitnesscrm.orchestrator.codeanalysis.ErrorAnalysis;
import com.fitnesscrm.orchestrator.codeanalysis.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Many runs finding the same thing at once store it once and lose no count; of many reports of an error, one claims. */
@IntegrationTest
class CodeAnalysisStoreIT {

    private static final int THREADS = 8;

    @Autowired
    private CodeAnalysisStore store;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void the_same_fingerprint_saved_at_once_from_many_threads_is_one_row_counted_each_time() throws Exception {
        String fingerprint = UUID.randomUUID().toString().replace("-", "");
        CodeIssue issue = new CodeIssue("sql_injection", "security", "critical", 6, "Built SQL.", "Bind it.",
                "py.sql.string-built", fingerprint, "cursor.execute(q + name)", CodeIssue.RULES);
        List<Long> ids = all(() -> store.saveFinding("app/db.py", issue, Instant.now()));

        assertThat(Set.copyOf(ids)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT occurrences FROM ai_code_suggestions WHERE fingerprint = ?",
                Long.class, fingerprint)).isEqualTo(THREADS);
    }

    @Test
    void of_many_reports_of_one_error_at_once_exactly_one_claims_the_analysis_and_all_are_counted() throws Exception {
        String fingerprint = UUID.randomUUID().toString().replace("-", "");
        ErrorAnalysis error = new ErrorAnalysis(fingerprint, "KeyError: 'id'", "KeyError", "'id'", Language.PYTHON,
                List.of(new ErrorAnalysis.Frame("routes/clients.py", "show")), List.of("KeyError: 'id'"),
                "A key is missing.", "Use .get().", "error.key-error");
        List<Boolean> claims = all(() -> store.saveError(error, "Traceback …", Instant.now(), true,
                Duration.ofMinutes(10)).claimed());

        assertThat(claims).containsOnlyOnce(true);
        assertThat(jdbc.queryForObject("SELECT occurrences FROM ai_error_groups WHERE fingerprint = ?", Long.class,
                fingerprint)).isEqualTo(THREADS);
    }

    @Test
    void an_error_analysed_again_without_being_seen_again_keeps_its_last_sighting() {
        String fingerprint = UUID.randomUUID().toString().replace("-", "");
        ErrorAnalysis error = new ErrorAnalysis(fingerprint, "KeyError: 'id'", "KeyError", "'id'", Language.PYTHON,
                List.of(new ErrorAnalysis.Frame("routes/clients.py", "show")), List.of("KeyError: 'id'"),
                "A key is missing.", "Use .get().", "error.key-error");
        Instant seen = Instant.parse("2026-12-01T03:00:00Z");
        store.saveError(error, "Traceback …", seen, true, Duration.ofMinutes(10));

        // incident_triage hands the hour's most frequent group to the Code Analyzer as already counted
        store.saveError(error, "Traceback …", seen.plus(Duration.ofHours(5)), false, Duration.ofMinutes(10));

        assertThat(jdbc.queryForObject("SELECT last_seen FROM ai_error_groups WHERE fingerprint = ?",
                java.sql.Timestamp.class, fingerprint).toInstant()).isEqualTo(seen);
        assertThat(jdbc.queryForObject("SELECT occurrences FROM ai_error_groups WHERE fingerprint = ?", Long.class,
                fingerprint)).isEqualTo(1);
    }

    private static <T> List<T> all(Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(work));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
