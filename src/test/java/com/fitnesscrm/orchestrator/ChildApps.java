package com.fitnesscrm.orchestrator;

import static org.awaitility.Awaitility.await;

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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * The app started as separate JVMs, one after the other, on one persistent embedded PostgreSQL: for tests that kill a
 * node with {@code kill -9} and check what the next one does ({@code AsyncRunCrashIT}, {@code WorkflowCrashIT}).
 * The test reads the database directly only to watch. Each child's output is in {@code target/<logs>/}, printed by
 * {@link #printLogs()} when a test fails; {@link #close()} leaves no process or data folder behind.
 */
public final class ChildApps implements AutoCloseable {

    public static final Duration STARTUP = Duration.ofMinutes(4);

    private final Path logs;
    private final Path dataDir;
    private final int databasePort;
    private final List<Process> children = new ArrayList<>();
    private final List<Path> childLogs = new ArrayList<>();
    private final Map<Process, Integer> httpPorts = new HashMap<>();

    public ChildApps(String logs) throws IOException {
        this.logs = Path.of("target", logs);
        this.dataDir = Files.createTempDirectory(logs);
        this.databasePort = freePort();
    }

    /**
     * Starts the app as {@code name} with the test profile, few scheduler threads and heartbeats every 2 s (so a
     * dead node is noticed in seconds), plus {@code extraArgs}.
     */
    public Process start(String name, String... extraArgs) throws IOException {
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
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

    /** The child's HTTP port. */
    public int port(Process child) {
        return httpPorts.get(child);
    }

    public void awaitReady(Process child) {
        int port = port(child);
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

    public static void requireAlive(Process child) {
        if (!child.isAlive()) {
            throw new IllegalStateException("The app exited with " + child.exitValue() + " (see its log)");
        }
    }

    /** A new connection each time: the dead node's PostgreSQL stops only once no client is left on it. */
    public Connection database() throws IOException, SQLException {
        String password = Files.readString(dataDir.resolve("postgres").resolve("orchestrator.password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres",
                password);
    }

    /** The PostgreSQL server running on the data folder, by its pid file; empty when none is. */
    public Optional<Long> postmasterPid() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()))
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    public void printLogs() {
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

    @Override
    public void close() throws Exception {
        for (Process child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
        // A child killed here leaves its PostgreSQL running; stop it as the app would at its next start.
        postmasterPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
        FileSystemUtils.deleteRecursively(dataDir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
