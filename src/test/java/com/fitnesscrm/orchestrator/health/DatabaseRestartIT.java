package com.fitnesscrm.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.health.internal.DatabaseWatch;
import com.fitnesscrm.orchestrator.health.internal.DatabaseWatches;
import com.fitnesscrm.orchestrator.health.internal.HealthAlerts;
import com.fitnesscrm.orchestrator.health.internal.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
 * database watch (probing every second here) makes a check that finds {@code database} critical while it is away and
 * alerts it once from memory, {@code GET /api/health-status} still answers (from that check, kept in memory), and
 * once it is back the watch's check finds it healthy, refills the pool, records the outage and sends its recovery
 * once.
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
    @Autowired
    private HealthAlerts alerts;
    @Autowired
    private DatabaseWatch watch;

    @Test
    void the_database_stopped_is_critical_alerted_once_the_status_still_answers_and_once_back_it_is_healthy_recovered_once_and_the_pool_refilled()
            throws Exception {
        Path dataDir = Path.of(jdbc.queryForObject("SHOW data_directory", String.class));
        List<String> commandLine = postmasterCommandLine(dataDir);
        Path pgCtl = Path.of(commandLine.get(0)).resolveSibling("pg_ctl"); // the binaries the app extracted
        List<String> options = options(commandLine);
        Timestamp began = Timestamp.from(Instant.now());
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.use(alerts, "slack", "s3cret", List.of(), null);
            DatabaseWatches.every(watch, Duration.ofSeconds(1));
            try {
                assertThat(checker.check(Set.of(), null).component("database").orElseThrow().status())
                        .isEqualTo(HealthStatus.HEALTHY);
                assertThat(status().statusCode()).isEqualTo(200); // the key is now in the cache

                pgCtl(pgCtl, "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
                try {
                    // the watch: two probes without an answer, then its check, kept in memory, and the alert from it
                    List<WebhookReceiver.Received> down = receiver.awaitAbout("database is", got -> !got.isEmpty(),
                            Duration.ofSeconds(90));
                    assertThat(down).singleElement().satisfies(alert -> {
                        assertThat(alert.body()).contains("database is critical (was healthy)")
                                .contains("does not answer");
                        assertThat(alert.header("X-Signature-256")).startsWith("sha256=");
                    });

                    HttpResponse<String> fromMemory = status();
                    assertThat(fromMemory.statusCode()).isEqualTo(200);
                    JsonNode body = json.readTree(fromMemory.body());
                    assertThat(body.get("from_memory").asBoolean()).isTrue();
                    assertThat(body.at("/components/0/component").asText()).isEqualTo("database");
                    assertThat(body.at("/components/0/status").asText()).isEqualTo("critical");

                    // after the alert, the watch's full check, kept in memory: every probe that needs a connection
                    // waits Hikari's 5 s for it
                    ComponentHealth away = awaitLatestDatabase(HealthStatus.CRITICAL);
                    assertThat(away.status()).isEqualTo(HealthStatus.CRITICAL);
                    assertThat(away.message()).contains("does not answer");
                } finally {
                    Path log = Files.createTempFile("restarted-postgres", ".log");
                    pgCtl(pgCtl, "-D", dataDir.toString(), "-l", log.toString(), "-o", String.join(" ", options),
                            "-w", "start");
                }

                List<WebhookReceiver.Received> told = receiver.awaitAbout("database is", got -> got.size() >= 2,
                        Duration.ofSeconds(60));
                assertThat(told).hasSize(2);
                assertThat(told.get(1).body()).contains("database is healthy again (was critical)");
                // Right after the watch's check refilled the pool, a check on this loaded machine can still find a
                // request waiting for a fresh connection or a slow first round trip: a warning of its own, alerted
                // and recovered as such. The database is healthy once the pool has its connections again.
                awaitDatabase(HealthStatus.HEALTHY, Duration.ofSeconds(30));
                Thread.sleep(2000); // the watch probes twice more: no second outage, no second recovery from it
                assertThat(receiver.about("database is critical")).hasSize(1);
                assertThat(receiver.about("database is healthy again (was critical)")).hasSize(1);
                // the outage on the record as what it was, then its recovery: what the next checks compare with
                List<String> record = jdbc.queryForList("SELECT kind || ' ' || to_status || ' ' || delivery || ' '"
                        + " || (sent_at IS NOT NULL) FROM ai_health_alerts WHERE component = 'database'"
                        + " AND created_at >= ? ORDER BY seq", String.class, began);
                assertThat(record).startsWith("change critical sent true", "recovery healthy sent true");
                assertThat(record).filteredOn(row -> row.contains("critical")).hasSize(1);
                // the check that found it back, the watch's or this test's, refilled the pool
                assertThat(jdbc.queryForObject("SELECT count(*) FROM ai_health_remediations WHERE kind = "
                        + "'pool_refill' AND created_at >= ?", Integer.class, began)).isEqualTo(1);
                assertThat(json.readTree(status().body()).get("from_memory").asBoolean()).isFalse();
            } finally {
                DatabaseWatches.reset(watch);
                WebhookReceiver.reset(alerts);
            }
        }
    }

    /** This node's latest check's {@code database}, once its status is {@code status} (or after 90 s). */
    /** Checks again, a second apart, until the database is {@code status}; fails after {@code within}. */
    private void awaitDatabase(HealthStatus status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        HealthStatus seen = checker.check(Set.of(), null).component("database").orElseThrow().status();
        while (seen != status && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            seen = checker.check(Set.of(), null).component("database").orElseThrow().status();
        }
        assertThat(seen).as("the database at the latest check").isEqualTo(status);
    }

    private ComponentHealth awaitLatestDatabase(HealthStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        ComponentHealth database = checker.latest().orElseThrow().component("database").orElseThrow();
        while (database.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            database = checker.latest().orElseThrow().component("database").orElseThrow();
        }
        return database;
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
