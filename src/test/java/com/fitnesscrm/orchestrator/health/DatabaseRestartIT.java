package com.fitnesscrm.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded PostgreSQL really stopped ({@code pg_ctl stop}) and started again on the same data and port: the
 * check finds {@code database} critical while it is away, {@code GET /api/health-status} still answers (from the
 * check kept in memory), and once it is back the next check finds it healthy and refills the pool, on the record.
 *
 * <p>A context of its own (the property below is only there to make it one): stopping the database of the shared
 * context would fail whatever other test class runs meanwhile in it.
 */
@ServerIntegrationTest
@TestPropertySource(properties = "orchestrator.health.retention-days=29")
class DatabaseRestartIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private HealthChecker checker;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void the_database_stopped_is_critical_the_status_still_answers_and_once_back_it_is_healthy_and_the_pool_refilled()
            throws Exception {
        Path dataDir = Path.of(jdbc.queryForObject("SHOW data_directory", String.class));
        List<String> commandLine = postmasterCommandLine(dataDir);
        Path pgCtl = Path.of(commandLine.get(0)).resolveSibling("pg_ctl"); // the binaries the app extracted
        List<String> options = options(commandLine);
        assertThat(checker.check(Set.of(), null).component("database").orElseThrow().status())
                .isEqualTo(HealthStatus.HEALTHY);
        assertThat(status().statusCode()).isEqualTo(200); // the key is now in the cache

        pgCtl(pgCtl, "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
        try {
            ComponentHealth away = checker.check(Set.of(), null).component("database").orElseThrow();
            assertThat(away.status()).isEqualTo(HealthStatus.CRITICAL);
            assertThat(away.message()).contains("does not answer");

            HttpResponse<String> fromMemory = status();
            assertThat(fromMemory.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(fromMemory.body());
            assertThat(body.get("from_memory").asBoolean()).isTrue();
            assertThat(body.at("/components/0/component").asText()).isEqualTo("database");
            assertThat(body.at("/components/0/status").asText()).isEqualTo("critical");
        } finally {
            Path log = Files.createTempFile("restarted-postgres", ".log");
            pgCtl(pgCtl, "-D", dataDir.toString(), "-l", log.toString(), "-o", String.join(" ", options), "-w",
                    "start");
        }

        HealthReport back = checker.check(Set.of(), null);
        assertThat(back.component("database").orElseThrow().status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(back.remediations()).anySatisfy(r -> assertThat(r.get("kind")).isEqualTo("pool_refill"));
        assertThat(json.readTree(status().body()).get("from_memory").asBoolean()).isFalse();
    }

    /** The server's own command line, as it wrote it into {@code postmaster.opts}: the program, then its options. */
    private static List<String> postmasterCommandLine(Path dataDir) throws IOException {
        String line = Files.readString(dataDir.resolve("postmaster.opts")).strip();
        List<String> tokens = new ArrayList<>();
        tokens.add(line.split(" ", 2)[0]);
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(line);
        while (quoted.find()) {
            tokens.add(quoted.group(1));
        }
        return tokens;
    }

    /** The options of the command line, less its data folder (pg_ctl passes that itself). */
    private static List<String> options(List<String> tokens) {
        List<String> options = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).equals("-D")) {
                i++; // pg_ctl passes the data folder itself
            } else {
                options.add(tokens.get(i).contains(" ") ? "'" + tokens.get(i) + "'" : tokens.get(i));
            }
        }
        return options;
    }

    private static void pgCtl(Path pgCtl, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; the embedded server was started in a user namespace too.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private HttpResponse<String> status() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/health-status"))
                .header("Authorization", "Bearer " + MAIN_BACKEND_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
