package com.fitnesscrm.orchestrator.schedules.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.health.HealthChecker;
import com.fitnesscrm.orchestrator.schedules.ScheduleTriggers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/schedules} as an admin's key uses it: a schedule is created with its next fire times in its zone, fires
 * for real (a run recorded as {@code schedule:<id>}), skips a firing while its previous run still goes, stops when
 * paused, is kept in Quartz's JDBC store (what a restart reads), and a bad cron, zone or agent is a 422 naming it.
 */
@ServerIntegrationTest
class SchedulesApiIT {

    private static final String ADMIN_KEY = "admin-key-for-tests-0123456789abcdef";
    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Scheduler scheduler;
    @Autowired
    private HealthChecker checker;

    @Test
    void a_schedule_in_berlin_lists_its_next_five_fire_times_in_that_zone_and_is_kept_in_the_clustered_store()
            throws Exception {
        HttpResponse<String> created = send("POST", "/api/schedules", ADMIN_KEY, body("0 30 6 ? * MON-FRI",
                "Europe/Berlin", "skip"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode schedule = json.readTree(created.body());
        long id = schedule.get("id").asLong();
        List<Instant> next = new ArrayList<>();
        schedule.get("next_fire_times").forEach(at -> next.add(Instant.parse(at.asText())));
        assertThat(next).hasSize(5).isSorted();
        assertThat(next).allSatisfy(at -> {
            var local = at.atZone(ZoneId.of("Europe/Berlin"));
            assertThat(local.getHour()).isEqualTo(6);
            assertThat(local.getMinute()).isEqualTo(30);
            assertThat(local.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
        });
        assertThat(schedule.get("overlap_policy").asText()).isEqualTo("skip");
        assertThat(schedule.get("misfire_policy").asText()).isEqualTo("run_once");

        // what a restarted node reads: the trigger's row in Quartz's JDBC store, with its zone
        assertThat(jdbc.queryForObject("SELECT time_zone_id FROM ai_qrtz_cron_triggers WHERE trigger_name = ?"
                + " AND trigger_group = ?", String.class, "schedule-" + id, ScheduleTriggers.GROUP))
                .isEqualTo("Europe/Berlin");
        assertThat(scheduler.getTrigger(ScheduleTriggers.triggerKey(id)).getNextFireTime().toInstant())
                .isEqualTo(next.get(0));

        assertThat(send("GET", "/api/schedules", MAIN_BACKEND_KEY, null).statusCode())
                .as("a key without the admin scope").isEqualTo(403);
        assertThat(send("DELETE", "/api/schedules/" + id, ADMIN_KEY, null).statusCode()).isEqualTo(200);
        assertThat(scheduler.getTrigger(ScheduleTriggers.triggerKey(id))).isNull();
        assertThat(send("GET", "/api/schedules/" + id, ADMIN_KEY, null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_schedule_fires_a_run_skips_while_its_previous_run_goes_and_stops_when_paused() throws Exception {
        HttpResponse<String> created = send("POST", "/api/schedules", ADMIN_KEY, body("* * * * * ?", "UTC",
                "skip"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();
        String requester = "schedule:" + id;
        Long going = null;
        try {
            awaitUntil(() -> runs(requester) > 0);
            Integer run = jdbc.queryForObject("SELECT max(id) FROM ai_agent_executions WHERE requested_by = ?",
                    Integer.class, requester);
            awaitUntil(() -> "succeeded".equals(jdbc.queryForObject(
                    "SELECT status FROM ai_agent_executions WHERE id = ?", String.class, run)));
            JsonNode history = json.readTree(send("GET", "/api/schedules/" + id + "/runs", ADMIN_KEY, null).body());
            assertThat(history.get("runs").get(history.get("runs").size() - 1).get("status").asText())
                    .isEqualTo("succeeded");

            // a run of this schedule that still goes: the next firings skip, and say so
            send("POST", "/api/schedules/" + id + "/pause", ADMIN_KEY, null);
            going = jdbc.queryForObject("""
                    INSERT INTO ai_agent_executions (status, started_at, agent_name, requested_by, requester_kind,
                                                     mode)
                    VALUES ('running', now(), 'Code Analyzer', ?, 'system', 'async') RETURNING id""", Long.class,
                    requester);
            int before = runs(requester);
            send("POST", "/api/schedules/" + id + "/resume", ADMIN_KEY, null);
            awaitUntil(() -> skipped(id) >= 2);
            assertThat(runs(requester)).as("no run started while the previous one goes").isEqualTo(before);

            JsonNode paused = json.readTree(send("POST", "/api/schedules/" + id + "/pause", ADMIN_KEY, null).body());
            assertThat(paused.get("paused").asBoolean()).isTrue();
            assertThat(paused.get("next_fire_times")).isEmpty();
            int skippedWhenPaused = skipped(id);
            Thread.sleep(2500);
            assertThat(skipped(id)).as("a paused schedule does not fire").isEqualTo(skippedWhenPaused);
            // paused for more than two of its one-second intervals: held by an admin, not a job that stopped
            assertThat(checker.check(Set.of(), null).component("scheduler").orElseThrow().message())
                    .doesNotContain("schedule-" + id);
        } finally {
            send("DELETE", "/api/schedules/" + id, ADMIN_KEY, null);
            if (going != null) {
                jdbc.update("DELETE FROM ai_agent_executions WHERE id = ?", going);
            }
        }
    }

    @Test
    void a_bad_cron_zone_agent_or_policy_is_a_422_naming_the_field() throws Exception {
        assertProblem(body("every monday", "UTC", "skip"), "cron");
        assertProblem(body("0 0 6 * * ?", "Mars/Olympus", "skip"), "time_zone");
        assertProblem(body("0 0 0 1 1 ? 2020", "UTC", "skip"), "cron"); // valid, but never fires again
        assertProblem(body("0 0 6 * * ?", "UTC", "sometimes"), "overlap_policy");
        assertProblem("{\"name\": \"x-" + UUID.randomUUID() + "\", \"agent\": \"No Such Agent\", \"cron\": "
                + "\"0 0 6 * * ?\", \"time_zone\": \"UTC\"}", "agent");
        assertProblem("{\"name\": \"x-" + UUID.randomUUID() + "\", \"agent\": \"Code Analyzer\", \"cron\": "
                + "\"0 0 6 * * ?\", \"time_zone\": \"UTC\", \"input\": [1]}", "input");
    }

    @Test
    void a_name_taken_in_another_case_is_a_409() throws Exception {
        String name = "Weekly-" + UUID.randomUUID();
        String body = "{\"name\": \"%s\", \"agent\": \"Code Analyzer\", \"cron\": \"0 0 6 ? * MON\", "
                + "\"time_zone\": \"UTC\"}";
        HttpResponse<String> first = send("POST", "/api/schedules", ADMIN_KEY, body.formatted(name));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        try {
            HttpResponse<String> second = send("POST", "/api/schedules", ADMIN_KEY,
                    body.formatted(name.toLowerCase(java.util.Locale.ROOT)));
            assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
            assertThat(second.body()).contains("\"name\"").contains("exists already");
        } finally {
            send("DELETE", "/api/schedules/" + json.readTree(first.body()).get("id").asLong(), ADMIN_KEY, null);
        }
    }

    private void assertProblem(String body, String field) throws Exception {
        HttpResponse<String> response = send("POST", "/api/schedules", ADMIN_KEY, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(response.body()).contains("\"" + field + "\"").doesNotContain("Exception");
    }

    private String body(String cron, String zone, String overlap) {
        return """
                {"name": "nightly-%s", "agent": "Code Analyzer", "cron": "%s", "time_zone": "%s",
                 "overlap_policy": "%s", "input": {"code": "x = 1\\n", "file_path": "app/a.py"}}"""
                .formatted(UUID.randomUUID(), cron, zone, overlap);
    }

    private int runs(String requester) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM ai_agent_executions WHERE requested_by = ?",
                Integer.class, requester);
        return count == null ? 0 : count;
    }

    private int skipped(long id) {
        Integer skipped = jdbc.queryForObject("SELECT skipped FROM ai_schedules WHERE id = ?", Integer.class, id);
        return skipped == null ? 0 : skipped;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Condition condition) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Authorization", "Bearer " + key);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
