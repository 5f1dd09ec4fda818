package com.fitnesscrm.orchestrator.scheduling.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmTables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The main backend's scheduling calls with its exact bodies, over HTTP with its API key, on a CRM made from its own
 * schema (the gym's zone is UTC here): each a recorded run of Scheduling Intelligence.
 */
@ServerIntegrationTest
class SchedulingApiIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private Clock clock;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CrmDirectory directory;

    @Test
    void the_main_backends_call_gets_free_slots_in_the_trainers_usual_hours_from_the_crm() throws Exception {
        try (CrmTables crm = CrmTables.create(jdbc, directory)) {
            LocalDate today = LocalDate.now(clock);
            // Trainer 1 has worked Tuesdays and Thursdays 07:00–11:00 for 26 weeks (client 2, always kept) and
            // client 1 came on Thursdays and missed most Tuesdays.
            for (int week = 1; week <= 26; week++) {
                for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
                    LocalDate date = today.minusWeeks(week).with(TemporalAdjusters.nextOrSame(day));
                    for (int hour = 7; hour < 11; hour++) {
                        boolean tom = hour == 8 && week <= 10;
                        String status = !tom ? "completed" : day == DayOfWeek.TUESDAY && week > 2 ? "no_show"
                                : "completed";
                        session(tom ? 1 : 2, date.atTime(hour, 0), status);
                    }
                }
            }
            // Next Thursday 07:00–09:00 is booked.
            LocalDate thursday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
            session(2, thursday.atTime(7, 0), "scheduled");
            session(2, thursday.atTime(8, 0), "scheduled");

            HttpResponse<String> response = post("/api/ai/scheduling-suggestions", """
                    {"client_id": 1, "trainer_id": 1, "preferred_times": ["tuesday or thursday", "sometime nice"]}""");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("client_id").asLong()).isEqualTo(1);
            assertThat(body.get("trainer_id").asLong()).isEqualTo(1);
            assertThat(body.get("engine").asText()).isEqualTo("rules");
            assertThat(body.get("suggestions")).hasSize(3);
            List<LocalDateTime> starts = new ArrayList<>();
            for (JsonNode s : body.get("suggestions")) {
                LocalDateTime start = OffsetDateTime.parse(s.get("start").asText())
                        .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                starts.add(start);
                assertThat(start.getDayOfWeek()).isIn(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
                assertThat(start.toLocalTime()).isBetween(LocalTime.of(7, 0), LocalTime.of(10, 0));
                assertThat(start).isNotIn(thursday.atTime(7, 0), thursday.atTime(8, 0));
                assertThat(s.get("show_probability").asDouble()).isBetween(0.0, 1.0);
                assertThat(s.get("suggestion").asText()).contains("—");
                assertThat(s.get("reasons")).isNotEmpty();
            }
            // Thursdays, which the client keeps, come before Tuesdays, which they miss.
            assertThat(starts.get(0).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
            JsonNode schedule = body.get("schedule");
            assertThat(schedule.get("availability_source").asText()).isEqualTo("learned");
            assertThat(schedule.get("from_crm")).extracting(JsonNode::asText)
                    .contains("existing_sessions", "trainer_history", "client_history", "gym_history");
            assertThat(schedule.get("preferences_not_understood")).extracting(JsonNode::asText)
                    .containsExactly("sometime nice");

            JsonNode run = json.readTree(get("/api/executions/" + body.get("execution_id").asLong()).body());
            assertThat(run.get("status").asText()).isEqualTo("succeeded");
            assertThat(run.get("task_type").asText()).isEqualTo("scheduling");
        }
    }

    private void session(long client, LocalDateTime start, String status) {
        jdbc.update("INSERT INTO sessions (trainer_id, client_id, session_date, end_time, duration, session_type, "
                + "status, created_at) VALUES (1, ?, ?, ?, 60, 'personal', ?, now())", client, start,
                start.plusHours(1), status);
    }

    @Test
    void the_original_execute_body_answers_results_scheduling_as_a_list_and_schedule_as_the_whole_answer()
            throws Exception {
        HttpResponse<String> response = post("/api/execute", """
                {"task_type": "scheduling", "input_data": {"client_id": 7, "trainer_id": 3,
                 "preferred_times": ["monday morning", "after 6pm"]}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode list = body.at("/results/scheduling");
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(3);
        assertThat(body.at("/results/schedule/suggestions")).isEqualTo(list);
        // No CRM here: the default hours, said so.
        assertThat(body.at("/results/schedule/availability_source").asText()).isEqualTo("default");
        assertThat(list.get(0).get("priority").asInt()).isEqualTo(1);
    }

    @Test
    void the_main_backends_week_check_lists_the_conflicts_with_moves_and_keeps_confirmed_sessions() throws Exception {
        LocalDate monday = LocalDate.now(clock).plusWeeks(1).with(DayOfWeek.MONDAY);
        String tuesday = monday.plusDays(1).toString();
        HttpResponse<String> response = post("/api/execute", """
                {"task_type": "scheduling", "input_data": {"trainer_id": 3, "week": "%s",
                 "trainer": {"timezone": "Europe/Berlin", "max_sessions_per_day": 4,
                   "availability": [{"weekday": "tue", "start": "07:00", "end": "12:00"},
                                    {"weekday": "wed", "start": "07:00", "end": "12:00"}]},
                 "time_limit_seconds": 2,
                 "existing_sessions": [
                   {"start": "%sT09:00", "end": "%sT10:00", "client_id": 4, "status": "confirmed"},
                   {"start": "%sT09:30", "end": "%sT10:30", "client_id": 5, "status": "scheduled"}]}}"""
                .formatted(monday, tuesday, tuesday, tuesday, tuesday));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.at("/results/scheduling").isArray()).isTrue();
        JsonNode week = body.at("/results/schedule/week");
        assertThat(week.get("week").asText()).isEqualTo(monday.toString());
        assertThat(week.at("/objective/hard_violations").asInt()).isZero();
        assertThat(week.at("/conflicts/0/type").asText()).isEqualTo("overlap");
        assertThat(week.at("/conflicts/0/moves/0/client_id").asLong()).isEqualTo(5);
        assertThat(week.at("/conflicts/0/moves/0/from").asText()).startsWith(tuesday + "T09:30");
        assertThat(week.at("/conflicts/0/moves/0/to").asText()).isNotBlank();
        assertThat(body.at("/results/scheduling")).noneMatch(a -> a.get("client_id").asLong() == 4);
    }

    @Test
    void invalid_input_is_422_problem_json_naming_the_field() throws Exception {
        assertField("""
                {"client_id": 7, "existing_sessions": [{"start": "2026-12-08T10:00", "end": "2026-12-08T09:00"}]}""",
                "existing_sessions[0].end");
        assertField("""
                {"trainer": {"availability": [{"weekday": "funday", "start": "07:00", "end": "12:00"}]}}""",
                "trainer.availability[0].weekday");
        assertField("""
                {"horizon": {"from": "2026-12-07", "to": "2027-06-01"}}""", "horizon.to");
        assertField("""
                {"trainer": {"timezone": "Mars/Olympus_Mons"}}""", "trainer.timezone");
        assertField("""
                {"trainer": {"availability": [{"weekday": "mon", "start": "12:00", "end": "07:00"}]}}""",
                "trainer.availability[0].end");
        assertField("""
                {"week": "2026-12-08", "requests": [{"client_id": 1, "sessions_per_week": 2}]}""", "week");
        assertField("""
                {"week": "2026-W50", "requests": [{"client_id": 1}]}""", "requests[0].sessions_per_week");
    }

    private void assertField(String body, String field) throws Exception {
        HttpResponse<String> response = post("/api/ai/scheduling-suggestions", body);
        assertThat(response.statusCode()).as(body).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.has("execution_id")).isTrue();
        assertThat(response.body()).doesNotContain("Exception", "com.fitnesscrm");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + MAIN_BACKEND_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + MAIN_BACKEND_KEY).build(), HttpResponse.BodyHandlers.ofString());
    }
}
