package com.fitnesscrm.orchestrator.benchmark;

import com.fitnesscrm.orchestrator.Application;
import com.fitnesscrm.orchestrator.base.api.RawHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
