package com.fitnesscrm.orchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fitnesscrm.orchestrator.Application;
import com.fitnesscrm.orchestrator.execution.testagents.QueueRunsOnStart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

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
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Path LOGS = Path.of("target", "crash-test");

    private final List<Process> children = new ArrayList<>();
    private final List<Path> childLogs = new ArrayList<>();
    private final Map<Process, Integer> httpPorts = new HashMap<>();
    private Path dataDir;
    private int databasePort;

    /** A run as the database holds it. */
    record RunRow(long id, String status, int attempts, Timestamp completedAt, String output, String error) {
    }

    @Test
    void runs_queued_on_a_node_killed_with_sigkill_all_finish_exactly_once_on_the_next_node() throws Throwable {
        dataDir = Files.createTempDirectory("crash-it");
        databasePort = freePort();
        try {
            Process first = start("first", "--crash-test.queue-runs=" + RUNS, "--crash-test.run-millis=" + RUN_MILLIS);

            // Kill while some runs have finished, some are running and many still wait.
            await("some runs finished, some running, many queued").atMost(STARTUP).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> {
                        requireAlive(first);
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
            long orphanedDatabase = postmasterPid().orElseThrow();
            assertThat(atCrash).hasSize(RUNS);
            List<Long> finishedBefore = ids(atCrash, "succeeded");
            List<Long> runningAtCrash = ids(atCrash, "running");
            List<Long> queuedAtCrash = ids(atCrash, "queued");
            System.out.printf("At the crash: %d runs finished, %d running, %d queued%n", finishedBefore.size(),
                    runningAtCrash.size(), queuedAtCrash.size());
            assertThat(runningAtCrash).isNotEmpty();
            assertThat(queuedAtCrash).hasSizeGreaterThanOrEqualTo(50);
            assertThat(finishedBefore.size() + runningAtCrash.size() + queuedAtCrash.size()).isEqualTo(RUNS);

            Process second = start("second");
            awaitReady(second);
            assertThat(ProcessHandle.of(orphanedDatabase).filter(ProcessHandle::isAlive))
                    .as("the dead node's PostgreSQL was stopped by the next start").isEmpty();

            await("every run finished").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        requireAlive(second);
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
                        .isGreaterThanOrEqualTo(2);
                assertThat(resumeSteps(id)).as("resume steps of run %d", id).isEqualTo(1);
            }
            for (long id : queuedAtCrash) {
                assertThat(after.get(id).attempts()).as("attempts of run %d, queued at the crash", id).isEqualTo(1);
                assertThat(resumeSteps(id)).isZero();
            }

            // A graceful stop takes the embedded PostgreSQL with it.
            second.destroy();
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("stopped gracefully").isTrue();
            assertThat(postmasterPid()).as("PostgreSQL stopped with the app").isEmpty();
        } catch (Throwable failure) {
            printChildLogs();
            throw failure;
        }
    }

    @AfterEach
    void leaveNoProcessBehind() throws Exception {
        for (Process child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (dataDir != null) {
            // A child killed here leaves its PostgreSQL running; stop it as the app would at its next start.
            Optional<Long> postgres = postmasterPid();
            postgres.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(process -> {
                process.destroy();
                try {
                    process.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    process.destroyForcibly();
                }
            });
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private Process start(String name, String... extraArgs) throws IOException {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                Application.class.getName(),
                "--spring.profiles.active=test",
                "--server.port=" + httpPort,
                "--orchestrator.database.embedded.ephemeral=false",
                "--orchestrator.database.embedded.data-dir=" + dataDir,
                "--orchestrator.database.embedded.port=" + databasePort,
                "--orchestrator.security.initial-admin-password=crash-test-admin-password",
                // Few threads so that runs wait in the queue; quick heartbeats so a dead node is noticed in seconds.
                "--db-scheduler.threads=4",
                "--db-scheduler.polling-interval=1s",
                "--db-scheduler.heartbeat-interval=2s"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        children.add(process);
        childLogs.add(log);
        httpPorts.put(process, httpPort);
        return process;
    }

    private void awaitReady(Process child) {
        int port = httpPorts.get(child);
        HttpClient http = HttpClient.newHttpClient();
        await("the app is ready").atMost(STARTUP).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    requireAlive(child);
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200;
                });
    }

    private static void requireAlive(Process child) {
        if (!child.isAlive()) {
            throw new IllegalStateException("The app exited with " + child.exitValue() + " (see its log)");
        }
    }

    /** A new connection each time: the dead node's PostgreSQL stops only once no client is left on it. */
    private Connection database() throws IOException, SQLException {
        String password = Files.readString(dataDir.resolve("postgres").resolve("orchestrator.password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres",
                password);
    }

    private Map<String, Long> countByStatus() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = database(); Statement sql = connection.createStatement();
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
        try (Connection connection = database(); Statement sql = connection.createStatement();
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
        try (Connection connection = database(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM ai_scheduled_tasks WHERE task_name = 'agent-run'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long resumeSteps(long id) throws Exception {
        try (Connection connection = database(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM ai_execution_steps WHERE execution_id = " + id
                     + " AND kind = 'retry' AND name = 'resume after node stopped' AND status = 'succeeded'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Long> ids(Map<Long, RunRow> runs, String status) {
        return runs.values().stream().filter(run -> run.status().equals(status)).map(RunRow::id).sorted().toList();
    }

    /** The PostgreSQL server running on the data folder, by its pid file; empty when none is. */
    private Optional<Long> postmasterPid() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()))
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void printChildLogs() {
        for (Path log : childLogs) {
            try {
                List<String> lines = Files.readAllLines(log);
                System.out.println("----- " + log + " (last 200 lines) -----");
                lines.subList(Math.max(0, lines.size() - 200), lines.size()).forEach(System.out::println);
            } catch (IOException e) {
                System.out.println("----- " + log + " unreadable: " + e);
            }
        }
    }
}
