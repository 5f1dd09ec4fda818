package com.fitnesscrm.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.health.internal.HealthAlerts;
import com.fitnesscrm.orchestrator.health.internal.WebhookReceiver;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Faults injected into a running application, each seen at the next check on the right component with the right
 * status: the main backend's health URL down and back (a local HTTP server), a disk past a configured threshold,
 * a Quartz job that stops firing, the connection pool exhausted, and the database out of reach (every connection
 * taken, so the app cannot reach it) while {@code /api/health-status}'s service still answers; and the main
 * backend's outage alerted once, its recovery once, to a local webhook receiver. Its own context: the properties below are its own.
 */
@IntegrationTest
class HealthFaultsIT {

    /** The main backend's health endpoint: answers {@link #mainBackendStatus}, or after a delay. */
    private static final HttpServer mainBackend = startMainBackend();
    private static final AtomicInteger mainBackendStatus = new AtomicInteger(200);
    private static volatile long mainBackendDelayMillis;
    private static final Path watchedDisk = tempDir();

    @Autowired
    private HealthChecker checker;
    @Autowired
    private Scheduler scheduler;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private HealthCheckService health;
    @Autowired
    private SecurityContextHolderStrategy securityContext;
    @Autowired
    private HealthAlerts alerts;

    @DynamicPropertySource
    static void health(DynamicPropertyRegistry registry) {
        registry.add("orchestrator.health.main-app-health-url",
                () -> "http://127.0.0.1:" + mainBackend.getAddress().getPort() + "/api/health");
        registry.add("orchestrator.health.disk-paths", watchedDisk::toString);
        // Any real disk has less than 100 % free: the configured threshold is crossed.
        registry.add("orchestrator.health.disk-critical-percent", () -> "100");
    }

    @AfterAll
    static void stop() {
        mainBackend.stop(0);
    }

    @Test
    void the_main_backend_down_is_critical_at_the_next_check_and_healthy_again_once_back() {
        mainBackendStatus.set(200);
        assertThat(component("main_backend").status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(component("main_backend").metrics()).containsEntry("http_status", 200);

        mainBackendStatus.set(503);
        ComponentHealth down = component("main_backend");
        assertThat(down.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(down.message()).contains("HTTP 503");
        assertThat(checker.check(Set.of(), null).recommendations())
                .anySatisfy(r -> assertThat(r).contains("MAIN_APP_HEALTH_URL"));

        mainBackendStatus.set(200);
        assertThat(component("main_backend").status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void the_main_backend_going_down_is_alerted_once_and_its_recovery_once_however_many_checks_see_it()
            throws Exception {
        mainBackendStatus.set(200);
        checker.check(Set.of(), null); // settles what was last alerted: earlier tests may have left it critical
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.use(alerts, "slack", null, List.of(), null);
            try {
                mainBackendStatus.set(503);
                component("main_backend");
                component("main_backend");
                component("main_backend");
                mainBackendStatus.set(200);
                component("main_backend");
                component("main_backend");

                List<WebhookReceiver.Received> posts = receiver.awaitAbout("main_backend is",
                        got -> got.size() >= 2);
                Thread.sleep(300); // nothing more arrives
                assertThat(receiver.about("main_backend is")).hasSize(2);
                assertThat(posts.get(0).body()).contains("main_backend is critical (was healthy)")
                        .contains("HTTP 503");
                assertThat(posts.get(1).body()).contains("main_backend is healthy again (was critical)");
            } finally {
                WebhookReceiver.reset(alerts);
            }
        }
    }

    @Test
    void a_main_backend_that_does_not_answer_within_five_seconds_is_critical() {
        mainBackendDelayMillis = 6000;
        try {
            ComponentHealth slow = component("main_backend");
            assertThat(slow.status()).isEqualTo(HealthStatus.CRITICAL);
            assertThat(slow.message()).contains("within 5 s");
        } finally {
            mainBackendDelayMillis = 0;
        }
    }

    @Test
    void a_disk_past_its_configured_threshold_is_critical_and_names_the_watched_path() {
        ComponentHealth disk = component("disk");

        assertThat(disk.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(disk.message()).contains(watchedDisk.toString());
        assertThat(disk.metrics()).containsEntry("critical_below_percent", 100.0);
    }

    @Test
    void a_quartz_job_that_stops_firing_is_critical_after_two_of_its_intervals() throws Exception {
        JobKey key = JobKey.jobKey("heartbeat-for-test");
        scheduler.scheduleJob(JobBuilder.newJob(Heartbeat.class).withIdentity(key).build(),
                TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey("heartbeat-for-test"))
                        .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(1)).startNow().build());
        try {
            waitUntil(() -> scheduler.getTriggersOfJob(key).get(0).getPreviousFireTime() != null);
            // Judged by this job's own row: other jobs may have missed their times while earlier tests held the pool.
            // Waited for, not read once: on a loaded machine the job's second fire can come over two seconds after
            // its first (CI saw it overdue here), and a job that keeps firing must be judged on time again.
            waitUntil(() -> !heartbeatOverdue());

            scheduler.pauseJob(key);
            Thread.sleep(2500); // two intervals of a one-second job, and a half for the check's own clock

            ComponentHealth stopped = component("scheduler");
            assertThat(stopped.status()).isEqualTo(HealthStatus.CRITICAL);
            assertThat(stopped.message()).contains("heartbeat-for-test").contains("has not run for");
            assertThat(heartbeatOverdue()).isTrue();

            scheduler.resumeJob(key);
            waitUntil(() -> !heartbeatOverdue());
        } finally {
            scheduler.deleteJob(key);
        }
    }

    @Test
    void an_exhausted_connection_pool_is_critical_and_healthy_again_once_connections_return() throws Exception {
        List<Connection> held = new ArrayList<>();
        CompletableFuture<Void> waiter;
        try {
            while (held.size() < 10) { // DB_POOL_SIZE's default
                held.add(dataSource.getConnection());
            }
            waiter = CompletableFuture.runAsync(() -> {
                try (Connection ignored = dataSource.getConnection()) {
                    // waits for a connection, then gives it back
                } catch (Exception e) {
                    // timed out waiting: what an exhausted pool does to its callers
                }
            });
            waitUntil(() -> ((com.zaxxer.hikari.HikariDataSource) dataSource).getHikariPoolMXBean()
                    .getThreadsAwaitingConnection() > 0);

            ComponentHealth exhausted = component("database");
            assertThat(exhausted.status()).isEqualTo(HealthStatus.CRITICAL);
            assertThat(exhausted.message()).contains("exhausted");
            assertThat(exhausted.metrics()).containsEntry("pool_active", 10);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        waiter.join();
        ComponentHealth back = component("database");
        assertThat(back.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(back.metrics().get("last_failed_connection")).isNotNull();
    }

    @Test
    void while_the_database_is_out_of_reach_the_status_still_answers_from_the_last_check_with_database_critical()
            throws Exception {
        HealthReport before = checker.check(Set.of(), null);
        List<Connection> held = new ArrayList<>();
        HealthOverview overview;
        securityContext.getContext().setAuthentication(
                new TestingAuthenticationToken("main-backend", null, "SCOPE_read"));
        try {
            while (held.size() < 10) { // every connection taken: to this app the database is away
                held.add(dataSource.getConnection());
            }
            overview = health.overview(HealthCheckService.DEFAULT_ROWS);
        } finally {
            securityContext.clearContext();
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertThat(overview.fromMemory()).isTrue();
        assertThat(overview.overall()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(overview.checkedAt()).isEqualTo(before.checkedAt());
        assertThat(overview.components()).extracting(ComponentHealth::component)
                .containsExactlyElementsOf(before.components().stream().map(ComponentHealth::component).toList());
        assertThat(overview.components().get(0).status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(overview.components().get(0).message()).contains("does not answer");
        assertThat(overview.rows()).hasSameSizeAs(before.components());
    }

    @SuppressWarnings("unchecked")
    private boolean heartbeatOverdue() {
        List<java.util.Map<String, Object>> jobs = (List<java.util.Map<String, Object>>) component("scheduler")
                .metrics().get("jobs");
        return jobs.stream().filter(job -> "heartbeat-for-test".equals(job.get("name"))).findFirst()
                .map(job -> (Boolean) job.get("overdue")).orElseThrow();
    }

    private ComponentHealth component(String name) {
        return checker.check(Set.of(name), null).component(name).orElseThrow();
    }

    /** A Quartz job that does nothing: only its firing matters. */
    public static class Heartbeat implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition condition) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 15 s");
            }
            Thread.sleep(100);
        }
    }

    private static HttpServer startMainBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/api/health", exchange -> {
                try {
                    Thread.sleep(mainBackendDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = "{\"status\": \"healthy\"}".getBytes();
                exchange.sendResponseHeaders(mainBackendStatus.get(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("health-disk-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
