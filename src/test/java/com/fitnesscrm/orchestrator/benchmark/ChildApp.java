package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.Application;
import com.fitnesscrm.orchestrator.base.api.RawHttp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The app as the Procfile starts it (the same as {@code railway.json}'s command, DeploymentConfigTest): a child JVM
 * with the Procfile's environment and options, a GC log, on a database the benchmark gives it, so that a benchmark
 * measures the memory and pauses of what is deployed. It runs the production jar when {@code -Dbenchmark.jar} names
 * it (build it with {@code ./mvnw -Pproduction -DskipTests package}); otherwise the test classpath, which also holds
 * Vaadin's development mode and the test libraries, and so measures more memory than production uses.
 */
final class ChildApp implements AutoCloseable {

    static final StartCommand START = StartCommand.of(Path.of("Procfile"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path gcLog;
    private final Path appLog;

    private ChildApp(Process process, int port, Path gcLog, Path appLog) {
        this.process = process;
        this.port = port;
        this.gcLog = gcLog;
        this.appLog = appLog;
    }

    /**
     * Starts the app on a free local port with {@code adminKey} as its admin API key, logs in {@code logs}, and waits
     * until it is ready. {@code environment} is added to the Procfile's; {@code arguments} to the common ones.
     */
    static ChildApp start(Path logs, String jdbcUrl, String adminKey, Map<String, String> environment,
                          List<String> arguments) throws Exception {
        Files.createDirectories(logs);
        Path gcLog = logs.resolve("gc.log");
        Path appLog = logs.resolve("app.log");
        Files.deleteIfExists(gcLog);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(START.options());
        if (Boolean.getBoolean("benchmark.nmt")) {
            command.add("-XX:NativeMemoryTracking=summary"); // where the memory outside the heap goes
        }
        command.add("-Xlog:gc:file=" + gcLog.toAbsolutePath() + ":uptime");
        command.addAll(launcher());
        command.addAll(List.of(
                "--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--orchestrator.security.initial-admin-password=benchmark-admin-password",
                "--orchestrator.api.admin-key=" + adminKey, "--orchestrator.api.main-app-key=",
                "--logging.level.root=warn"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(appLog.toFile());
        builder.environment().putAll(START.environment());
        builder.environment().putAll(environment);
        ChildApp app = new ChildApp(builder.start(), port, gcLog, appLog);
        try {
            app.awaitReady();
        } catch (Exception | Error e) {
            try {
                app.printLogTail();
            } finally {
                app.close();
            }
            throw e;
        }
        return app;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    long residentMegabytes() throws IOException {
        return Resident.megabytes(process.pid());
    }

    long threads() throws IOException {
        return Resident.threads(process.pid());
    }

    /** {@code method target} with {@code key} as its bearer and a JSON {@code body}; fails unless {@code expected}. */
    JsonNode call(String method, String target, String key, String body, int expected)
            throws IOException, InterruptedException {
        RawHttp.Response response = RawHttp.send(port, RawHttp.json(method, target, key, body));
        assertThat(response.status()).as("%s %s: %s", method, target, response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    /** The first two columns of {@code query}'s one row, read from the app's database {@code postgres}. */
    static long[] twoNumbers(EmbeddedPostgres postgres, String query) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    /**
     * Prints, after {@code label}, the resident size after start, before the load, at most during it and now, the
     * threads, and the load's collections (with Native Memory Tracking's summary under {@code -Dbenchmark.nmt}); then
     * fails if the app exited, reached 512 MB resident, or paused longer than 200 ms for a full collection.
     */
    void reportAndCheckMemory(String label, long afterStart, long beforeLoad, PeakResident peak, GcLog gc)
            throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "%s resident %d MB after start, %d MB after the warm-up, at most %d MB during "
                        + "the load, %d MB after (limit 512 MB); threads at most %d%n", label, afterStart, beforeLoad,
                peak.megabytes(), residentMegabytes(), peak.threads());
        System.out.printf(Locale.ROOT, "%s heap (of %d MB): at most %d MB before a GC, %d MB after one; %d young + %d "
                        + "full GCs, %.0f ms in pauses (longest %.0f ms, longest full %.0f ms)%n%n", label,
                gc.capacityMb(), gc.maxBeforeMb(), gc.maxAfterMb(), gc.young(), gc.full(), gc.pauseMs(),
                gc.longestMs(), gc.longestFullMs());
        if (Boolean.getBoolean("benchmark.nmt")) {
            System.out.println(Resident.nativeMemory(pid()));
        }
        assertThat(alive()).as("the app survived (an OutOfMemoryError would have ended it)").isTrue();
        assertThat(peak.megabytes()).as("resident MB at most, during the load").isLessThan(512);
        assertThat(gc.longestFullMs()).as("longest full GC, ms").isLessThanOrEqualTo(200);
    }

    /** The GC log's lines so far; pass their count to {@link #gcSince} to read one phase's. */
    List<String> gcLines() throws IOException {
        return Files.readAllLines(gcLog);
    }

    /** The collections since the GC log had {@code lines} lines. */
    GcLog gcSince(int lines) throws IOException {
        sleep(500); // the GC log is written as it happens; let the last lines arrive
        List<String> all = gcLines();
        return GcLog.of(all.subList(Math.min(lines, all.size()), all.size()));
    }

    /** The app's last 100 lines of log, for a failure; never throws, so that the failure itself is what shows. */
    void printLogTail() {
        try {
            List<String> lines = Files.readAllLines(appLog);
            System.out.println("----- " + appLog + " (last 100 lines) -----");
            lines.subList(Math.max(0, lines.size() - 100), lines.size()).forEach(System.out::println);
        } catch (IOException e) {
            System.out.println("----- " + appLog + " could not be read: " + e + " -----");
        }
    }

    /** Stops the app, forcibly after 60 s; it does not outlive the benchmark even when this thread is interrupted. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (RawHttp.send(port, RawHttp.request("GET", "/actuator/health/readiness", null, null, null))
                        .status() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            sleep(500);
        }
        throw new IllegalStateException("The app was not ready within 5 minutes");
    }

    private static List<String> launcher() {
        String jar = System.getProperty("benchmark.jar");
        if (jar != null) {
            System.out.println("Child JVM runs the jar " + jar);
            return List.of("-jar", jar);
        }
        System.out.println("Child JVM runs the test classpath (not the production jar: -Dbenchmark.jar)");
        return List.of("-cp", System.getProperty("java.class.path"), Application.class.getName());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
