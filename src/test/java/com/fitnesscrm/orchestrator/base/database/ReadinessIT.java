package com.fitnesscrm.orchestrator.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The app on an external PostgreSQL given as {@code DATABASE_URL} in Railway's form: readiness follows the database
 * down and back up by itself, while liveness stays up (a restart would not bring the database back).
 */
class ReadinessIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readiness_turns_503_within_seconds_when_the_database_goes_away_and_recovers_without_a_restart()
            throws Exception {
        Path dataDir = Files.createTempDirectory("readiness-it-pg");
        int pgPort = freePort();
        EmbeddedPostgres database = startDatabase(dataDir, pgPort);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0",
                        "--DATABASE_URL=postgresql://postgres:any-password@127.0.0.1:" + pgPort + "/postgres")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(app.getBean(DatabaseConnection.class).description()).isEqualTo("DATABASE_URL");
            assertThat(status(port, "readiness")).isEqualTo(200);

            database.close();
            long stoppedAt = System.nanoTime();
            assertThat(waitFor(port, "readiness", code -> code == 503, Duration.ofSeconds(20)))
                    .as("readiness reports the database down").isTrue();
            Duration toDown = Duration.ofNanos(System.nanoTime() - stoppedAt);
            assertThat(toDown).as("time until readiness said 503").isLessThan(Duration.ofSeconds(15));
            System.out.printf("Readiness answered 503 %d ms after the database stopped%n", toDown.toMillis());
            assertThat(status(port, "liveness")).isEqualTo(200);

            database = startDatabase(dataDir, pgPort);
            assertThat(waitFor(port, "readiness", code -> code == 200, Duration.ofSeconds(30)))
                    .as("readiness recovers by itself").isTrue();
        } finally {
            database.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static EmbeddedPostgres startDatabase(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(false).start();
    }

    private boolean waitFor(int port, String probe, IntPredicate expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (expected.test(status(port, probe))) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private int status(int port, String probe) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/"
                + probe)).timeout(Duration.ofSeconds(15)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
