package com.fitnesscrm.orchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fitnesscrm.orchestrator.ChildApps;
import com.fitnesscrm.orchestrator.execution.testagents.QueueRunsOnStart;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Async runs survive a node killed with {@code kill -9}: the app runs as a separate JVM on a persistent embedded
 * PostgreSQL, queues runs of a slow agent (through {@link RunService}, see {@link QueueRunsOnStart}) and is
 * SIGKILLed while some run and many wait. A second app on the same data folder finishes every one of them: none lost,
 * none left queued or running, none that had finished run again, the interrupted ones resumed and saying so.
 *
 * <p>The test only reads the database to watch; the runs go in and come out through the app. Each child's output is
 * in {@code target/crash-test/} and printed when the test fails.
 */
class AsyncRunCrashIT {

    private static final int RUNS = 150;
    private static final long RUN_MILLIS = 400;

    private ChildApps apps;

    /** A run as the database holds it. */
    record RunRow(long id, String status, int attempts, Timestamp completedAt, String output, String error) {
    }

    @Test
    void runs_queued_on_a_node_killed_with_sigkill_all_finish_exactly_once_on_the_next_node() throws Throwable {
        apps = new ChildApps("crash-test");
        try {
            Process first = apps.start("first", "--crash-test.queue-runs=" + RUNS, "--crash-test.run-millis=" + RUN_MILLIS);

            // Kill while some runs have finished, some are running and many still wait.
            await("some runs finished, some running, many queued").atMost(ChildApps.STARTUP).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> {
                        ChildApps.requireAlive(first);
                        Map<String, Long> counts = countByStatus();
                        return counts.values().stream().mapToLong(Long::longValue).sum() == RUNS
                                && counts.getOrDefault("succeeded", 0L) >= 10
                                && counts.getOrDefault("running", 0L) >= 1
                                && counts.getOrDefault("queued", 0L) >= 50;
                    });
            long pid = first.pid();
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful anything
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();

            // Its PostgreSQL outlives it, so what the dead node left behind can be read exactly.
            Map<Long, RunRow> atCrash = runs();
            long orphanedDatabase = apps.postmasterPid().orElseThrow();
            assertThat(atCrash).hasSize(RUNS);
            List<Long> finishedBefore = ids(atCrash, "succeeded");
            List<Long> runningAtCrash = ids(atCrash, "running");
            List<Long> queuedAtCrash = ids(atCrash, "queued");
            System.out.printf("At the crash: %d runs finished, %d running, %d queued%n", finishedBefore.size(),
                    runningAtCrash.size(), queuedAtCrash.size());
            assertThat(runningAtCrash).isNotEmpty();
            assertThat(queuedAtCrash).hasSizeGreaterThanOrEqualTo(50);
            assertThat(finishedBefore.size() + runningAtCrash.size() + queuedAtCrash.size()).isEqualTo(RUNS);

            Process second = apps.start("second");
            apps.awaitReady(second);
            assertThat(ProcessHandle.of(orphanedDatabase).filter(ProcessHandle::isAlive))
                    .as("the dead node's PostgreSQL was stopped by the next start").isEmpty();

            await("every run finished").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        ChildApps.requireAlive(second);
                        return countByStatus().getOrDefault("succeeded", 0L) == RUNS && pendingTasks() == 0;
                    });
            Map<Long, RunRow> after = runs();
            assertThat(after.keySet()).as("no run lost, none added").isEqualTo(atCrash.keySet());
            assertThat(after.values()).allSatisfy(run -> {
                assertThat(run.status()).isEqualTo("succeeded");
                assertThat(run.output()).isEqualTo("{\"millis\": " + RUN_MILLIS + "}");
                assertThat(run.error()).isNull();
            });
            for (long id : finishedBefore) {
                assertThat(after.get(id)).as("run %d had finished before the crash; it is not run again", id)
                        .isEqualTo(atCrash.get(id));
                assertThat(resumeSteps(id)).isZero();
            }
            for (long id : runningAtCrash) {
                assertThat(after.get(id).attempts()).as("attempts of run %d, running at the crash", id)
                        .isEqualTo(2);
                assertThat(resumeSteps(id)).as("resume steps of run %d", id).isEqualTo(1);
            }
            for (long id : queuedAtCrash) {
                assertThat(after.get(id).attempts()).as("attempts of run %d, queued at the crash", id).isEqualTo(1);
                assertThat(resumeSteps(id)).isZero();
            }

            // A graceful stop takes the embedded PostgreSQL with it.
            second.destroy();
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("stopped gracefully").isTrue();
            assertThat(apps.postmasterPid()).as("PostgreSQL stopped with the app").isEmpty();
        } catch (Throwable failure) {
            apps.printLogs();
            throw failure;
        }
    }

    @Test
    void runs_executing_on_a_node_stopped_gracefully_are_given_back_and_finish_on_the_next_node() throws Throwable {
        int runs = 10;
        long millis = 8_000;
        apps = new ChildApps("shutdown-test");
        try {
            // A stop waits a second for the runs executing, then interrupts them: they must not end as cancelled.
            Process first = apps.start("first", "--crash-test.queue-runs=" + runs, "--crash-test.run-millis=" + millis,
                    "--db-scheduler.shutdown-max-wait=1s");
            await("runs executing").atMost(ChildApps.STARTUP).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> {
                        ChildApps.requireAlive(first);
                        Map<String, Long> counts = countByStatus();
                        return counts.getOrDefault("queued", 0L) + counts.getOrDefault("running", 0L) == runs
                                && counts.getOrDefault("running", 0L) >= 2;
                    });
            List<Long> interrupted = ids(runs(), "running");
            first.destroy(); // SIGTERM: a graceful stop, which takes its PostgreSQL with it
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
            assertThat(interrupted).hasSizeGreaterThanOrEqualTo(2);

            Process second = apps.start("second");
            apps.awaitReady(second);
            await("every run finished").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        ChildApps.requireAlive(second);
                        return countByStatus().getOrDefault("succeeded", 0L) == runs && pendingTasks() == 0;
                    });
            Map<Long, RunRow> after = runs();
            assertThat(after.values()).allSatisfy(run -> {
                assertThat(run.status()).isEqualTo("succeeded");
                assertThat(run.output()).isEqualTo("{\"millis\": " + millis + "}");
                assertThat(run.error()).isNull();
            });
            for (long id : interrupted) {
                // Had the stop recorded it cancelled, the next node would not have run it again.
                // Once more on the next node, and once only: a node that picked more runs than it had threads ran
                // some of them twice (AsyncPickIT).
                assertThat(after.get(id).attempts()).as("attempts of run %d, interrupted by the stop", id)
                        .isEqualTo(2);
                assertThat(resumeSteps(id)).as("resume steps of run %d", id).isEqualTo(1);
            }
        } catch (Throwable failure) {
            apps.printLogs();
            throw failure;
        }
    }

    @AfterEach
    void leaveNoProcessBehind() throws Exception {
        if (apps != null) {
            apps.close();
        }
    }

    private Map<String, Long> countByStatus() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = apps.database(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT status, count(*) FROM ai_agent_executions WHERE agent_name = '"
                     + QueueRunsOnStart.AGENT_NAME + "' GROUP BY status")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private Map<Long, RunRow> runs() throws Exception {
        Map<Long, RunRow> runs = new HashMap<>();
        try (Connection connection = apps.database(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id, status, attempts, completed_at, output_data::text, "
                     + "error_message FROM ai_agent_executions WHERE agent_name = '" + QueueRunsOnStart.AGENT_NAME
                     + "'")) {
            while (rows.next()) {
                runs.put(rows.getLong(1), new RunRow(rows.getLong(1), rows.getString(2), rows.getInt(3),
                        rows.getTimestamp(4), rows.getString(5), rows.getString(6)));
            }
        }
        return runs;
    }

    private long pendingTasks() throws Exception {
        try (Connection connection = apps.database(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM ai_scheduled_tasks WHERE task_name = 'agent-run'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long resumeSteps(long id) throws Exception {
        try (Connection connection = apps.database(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM ai_execution_steps WHERE execution_id = " + id
                     + " AND kind = 'retry' AND name = 'resume after node stopped' AND status = 'succeeded'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Long> ids(Map<Long, RunRow> runs, String status) {
        return runs.values().stream().filter(run -> run.status().equals(status)).map(RunRow::id).sorted().toList();
    }
}
