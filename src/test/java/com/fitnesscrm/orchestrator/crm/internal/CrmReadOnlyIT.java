package com.fitnesscrm.orchestrator.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.base.database.DatabaseConnection;
import com.fitnesscrm.orchestrator.crm.CrmClientMatch;
import com.fitnesscrm.orchestrator.crm.CrmService;
import com.fitnesscrm.orchestrator.crm.CrmStatus;
import com.fitnesscrm.orchestrator.progress.ClientHistory;
import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.progress.ProgressService;
import com.fitnesscrm.orchestrator.security.RunAs;
import com.fitnesscrm.orchestrator.workouts.ClientProposal;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The main backend's schema ({@code fitnesscrm/schema.sql}) with months of a client's weigh-ins in a database of its
 * own on the embedded server, read through {@code CRM_DATABASE_URL}, and the main backend's own request shapes over
 * HTTP: a measured trend from the CRM's history, safe rates for a client without one, {@code stale} for a history
 * that ended two months ago, its goal keys, a missing column that degrades without an error, and not one row of the
 * CRM changed at the end.
 */
@ServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrmReadOnlyIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    private static final String CRM_DB = "fitnesscrm_it";
    private static final ZoneId GYM = ZoneId.of("Europe/Berlin");
    private static final int PORT = freePort();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate appJdbc;
    @Autowired
    private DataSource appDataSource;
    @Autowired
    private DatabaseConnection connection;
    @Autowired
    private JdbcCrmDirectory directory;
    @Autowired
    private CrmDatabase crmDatabase;
    @Autowired
    private CrmService crmService;
    @Autowired
    private ProgressService progressService;
    @Autowired
    private WorkoutService workoutService;
    @Autowired
    private SecurityContextHolderStrategy securityContext;
    @Autowired
    private Clock clock;

    private LocalDate today;
    private Map<String, String> before;
    private int expectedProgressRecords;

    /** The app's embedded server on a known port, so that CRM_DATABASE_URL can name a database on it. */
    @DynamicPropertySource
    static void crmDatabase(DynamicPropertyRegistry registry) {
        registry.add("orchestrator.database.embedded.port", () -> PORT);
        registry.add("orchestrator.crm.database-url", () -> "postgresql://postgres@localhost:" + PORT + "/" + CRM_DB);
        registry.add("orchestrator.crm.time-zone", GYM::getId);
    }

    @BeforeAll
    void createTheCrm() throws Exception {
        today = LocalDate.now(clock);
        appJdbc.execute("DROP DATABASE IF EXISTS " + CRM_DB);
        appJdbc.execute("CREATE DATABASE " + CRM_DB);
        try (Connection crm = crmConnection(); Statement sql = crm.createStatement()) {
            sql.execute(new String(getClass().getResourceAsStream("/fitnesscrm/schema.sql").readAllBytes(),
                    StandardCharsets.UTF_8));
            sql.execute("""
                    INSERT INTO trainers (id, name, email, active) VALUES (1, 'Tom Trainer', 'tom@gym.example', true);
                    INSERT INTO clients (id, name, email, goals, medical_conditions, status) VALUES
                      (42, 'Alex Morgan', 'alex@example.com', 'lose weight', NULL, 'active'),
                      (43, 'Blair Newcomer', 'blair@example.com', NULL, NULL, 'active'),
                      (44, 'Casey Away', 'casey@example.com', NULL, NULL, 'active'),
                      (45, 'Dana Pounds', 'dana@example.com', NULL, NULL, 'active'),
                      (46, 'Eli Lifter', 'eli@example.com', 'Build muscle and get stronger',
                       'Left knee: ACL reconstruction 2021; mild lower back pain', 'active'),
                      (47, 'Fay 100%_done', 'fay@example.com', NULL, NULL, 'inactive');
                    INSERT INTO assignments (trainer_id, client_id, status) VALUES (1, 42, 'active'), (1, 44, 'ended');
                    """);
            // Alex: 12 weeks of weigh-ins every 3 days, falling 0.5 kg a week from 88 kg; every other one in pounds.
            try (PreparedStatement m = crm.prepareStatement("INSERT INTO measurements (client_id, measurement_date, "
                    + "weight, weight_unit, body_fat_percentage, measurement_unit, waist) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int i = 0;
                for (int d = 84; d >= 3; d -= 3, i++) {
                    double kg = 88 - 0.5 * (84 - d) / 7.0 + (i % 2 == 0 ? 0.15 : -0.15);
                    boolean pounds = i % 2 == 1;
                    m.setInt(1, 42);
                    m.setTimestamp(2, at(d, 7, 30));
                    m.setDouble(3, pounds ? kg / 0.45359237 : kg);
                    m.setString(4, pounds ? "lbs" : "kg");
                    m.setDouble(5, 25 - 0.02 * (84 - d));
                    m.setString(6, pounds ? "inches" : "cm");
                    m.setDouble(7, pounds ? 36 : 91);
                    m.addBatch();
                }
                // Casey: weighed until two months ago, then nothing.
                for (int d = 150; d >= 60; d -= 3) {
                    m.setInt(1, 44);
                    m.setTimestamp(2, at(d, 8, 0));
                    m.setDouble(3, 95 - 0.4 * (150 - d) / 7.0);
                    m.setString(4, "kg");
                    m.setNull(5, java.sql.Types.DOUBLE);
                    m.setString(6, null);
                    m.setNull(7, java.sql.Types.DOUBLE);
                    m.addBatch();
                }
                // Dana: ten weeks in pounds, 180 lbs down to 175, give or take the day's water.
                for (int d = 70; d >= 0; d -= 7) {
                    m.setInt(1, 45);
                    m.setTimestamp(2, at(d, 9, 0));
                    m.setDouble(3, 180 - 0.5 * (70 - d) / 7.0 + (d % 14 == 0 ? 0.4 : -0.4));
                    m.setString(4, "lbs");
                    m.setNull(5, java.sql.Types.DOUBLE);
                    m.setString(6, null);
                    m.setNull(7, java.sql.Types.DOUBLE);
                    m.addBatch();
                }
                m.executeBatch();
            }
            // Alex's weekly progress records: some on a weigh-in day (measurements win), one today (the request wins).
            try (PreparedStatement p = crm.prepareStatement(
                    "INSERT INTO progress_records (client_id, record_date, weight) VALUES (42, ?, ?)")) {
                for (int d = 86; d >= 0; d -= 7) {
                    p.setTimestamp(1, at(d, 19, 0));
                    p.setDouble(2, d == 0 ? 99 : 88.1 - 0.5 * (86 - d) / 7.0);
                    p.addBatch();
                    expectedProgressRecords += d % 3 != 0 ? 1 : 0;
                }
                p.setTimestamp(1, at(0, 6, 0));
                p.setDouble(2, 99);
                p.addBatch();
                p.executeBatch();
            }
            // Alex's sessions: weekly for 12 weeks (two no-shows, one cancelled), one booked, one of an unknown status,
            // one long before the adherence window.
            try (PreparedStatement s = crm.prepareStatement("INSERT INTO sessions (trainer_id, client_id, session_date, "
                    + "duration, status) VALUES (1, 42, ?, 60, ?)")) {
                for (int d = 84; d >= 7; d -= 7) {
                    s.setTimestamp(1, at(d, 18, 0));
                    s.setString(2, d == 14 || d == 35 ? "no-show" : d == 49 ? "cancelled" : "completed");
                    s.addBatch();
                }
                s.setTimestamp(1, at(-3, 18, 0));
                s.setString(2, "scheduled");
                s.addBatch();
                s.setTimestamp(1, at(5, 18, 0));
                s.setString(2, "rescheduled?");
                s.addBatch();
                s.setTimestamp(1, at(200, 18, 0));
                s.setString(2, "completed");
                s.addBatch();
                s.executeBatch();
            }
            try (PreparedStatement g = crm.prepareStatement("INSERT INTO goals (client_id, title, category, target_value,"
                    + " target_unit, target_date, status) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Object[][] goals = {
                        {42, "Get to 76 kg", "weight_loss", 76.0, "kg", at(-120, 0, 0), "active"},
                        {42, "Bench 100", "strength", 100.0, "kg", null, "active"},
                        {45, "Lose 7 lbs", "weight_loss", 168.0, "lbs", at(-90, 0, 0), "active"}};
                for (Object[] goal : goals) {
                    for (int c = 0; c < goal.length; c++) {
                        g.setObject(c + 1, goal[c]);
                    }
                    g.addBatch();
                }
                g.executeBatch();
            }
        }
        before = snapshot();
        directory.refresh();
    }

    @AfterAll
    void dropTheCrm() {
        appJdbc.execute("DROP DATABASE IF EXISTS " + CRM_DB + " WITH (FORCE)");
    }

    @Test
    @Order(1)
    void the_dashboard_status_finds_the_tables_with_their_row_counts_in_the_gyms_zone() {
        CrmStatus status = RunAs.admin(securityContext, () -> crmService.status());

        assertThat(status.found()).isTrue();
        assertThat(status.source()).isEqualTo("localhost:" + PORT + "/" + CRM_DB);
        assertThat(status.tables()).containsExactlyElementsOf(CrmStatus.TABLES);
        assertThat(status.rowCounts()).containsEntry("clients", 6L).containsEntry("goals", 3L)
                .containsEntry("sessions", 15L);
        assertThat(status.timeZone()).isEqualTo(GYM);
        assertThat(status.degraded()).isEmpty();
        assertThat(status.error()).isNull();
        assertThat(status.lastDiscovery()).isNotNull();
    }

    @Test
    @Order(2)
    void the_main_backends_prediction_call_gets_a_measured_trend_from_the_crm_history() throws Exception {
        HttpResponse<String> response = post("/api/ai/progress-prediction", """
                {"client_id": 42, "current_metrics": {"weight": 82}, "goal_metrics": {"weight": 76}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("basis").asText()).isEqualTo("crm_history");
        assertThat(body.get("status").asText()).isEqualTo("on_track");
        assertThat(body.get("sources")).isEqualTo(json.readTree("""
                {"request": 1, "measurements": 84, "progress_records": %d, "sessions": 13}"""
                .formatted(expectedProgressRecords)));
        assertThat(body.at("/progress/basis").asText()).isEqualTo("crm_history");
        JsonNode weight = body.at("/progress/metrics/weight_kg");
        assertThat(weight.get("trend_status").asText()).isEqualTo("measured");
        assertThat(weight.get("weekly_rate").asDouble()).isCloseTo(-0.5, within(0.15));
        assertThat(weight.get("latest_value").asDouble()).as("the request's 82 kg, not the record's 99").isEqualTo(82);
        assertThat(weight.get("first_date").asText()).isEqualTo(today.minusDays(86).toString());
        // pounds were converted: no reading is anywhere near 180
        assertThat(body.at("/progress/metrics/weight_kg/anomalies")).isEmpty();
        assertThat(body.at("/progress/metrics/waist_cm/latest_value").asDouble()).isCloseTo(91.44, within(0.01));
        assertThat(LocalDate.parse(body.get("estimated_date").asText())).isAfter(today.plusWeeks(2));
        assertThat(body.get("estimated_weeks").asDouble()).isBetween(6.0, 20.0);
        JsonNode adherence = body.at("/progress/adherence");
        assertThat(adherence.get("planned").asInt()).isEqualTo(12);
        assertThat(adherence.get("no_show").asInt()).isEqualTo(2);
        assertThat(adherence.get("cancelled").asInt()).isEqualTo(1);
        assertThat(adherence.get("booked").asInt()).isEqualTo(1);
        assertThat(RunAs.admin(securityContext, () -> crmService.status()).lastRead()).isNotNull();
    }

    @Test
    @Order(3)
    void the_original_execute_shape_and_the_typed_shape_say_where_the_data_came_from() throws Exception {
        String input = """
                {"client_id": 42, "current_metrics": {"weight": 82}, "goal_metrics": {"weight_loss": 76, "strength": 100}}""";
        JsonNode original = json.readTree(post("/api/execute", "{\"task_type\": \"progress_monitoring\", "
                + "\"input_data\": " + input + "}").body());
        JsonNode typed = json.readTree(post("/api/execute", "{\"agent\": \"Progress Monitor\", \"mode\": \"sync\", "
                + "\"input\": " + input + "}").body());

        for (JsonNode report : List.of(original.at("/results/progress_monitoring"), typed.get("output"))) {
            assertThat(report.get("basis").asText()).isEqualTo("crm_history");
            assertThat(report.at("/sources/measurements").asInt()).isEqualTo(84);
            JsonNode goal = report.at("/goals/0");
            assertThat(goal.get("status").asText()).isEqualTo("on_track");
            // The goal key matched the CRM's row: its target date and status came along.
            assertThat(goal.get("by_date").asText()).isEqualTo(today.plusDays(120).toString());
            assertThat(goal.get("crm_status").asText()).isEqualTo("active");
            assertThat(report.get("insights").toString()).contains("strength").doesNotContain("Unknown metric");
        }
    }

    @Test
    @Order(4)
    void a_client_without_history_gets_the_safe_rate_answer() throws Exception {
        JsonNode body = json.readTree(post("/api/ai/progress-prediction", """
                {"client_id": 43, "current_metrics": {"weight": 82}, "goal_metrics": {"weight": 76}}""").body());

        assertThat(body.get("basis").asText()).isEqualTo("safe_rate");
        assertThat(body.get("status").asText()).isEqualTo("insufficient_data");
        assertThat(body.get("estimated_weeks").asDouble()).isEqualTo(9.7);
        assertThat(body.get("sources")).isEqualTo(json.readTree("{\"request\": 1}"));
        assertThat(body.at("/progress/basis").asText()).isEqualTo("request");
    }

    @Test
    @Order(5)
    void a_history_that_ended_two_months_ago_is_stale_with_no_date() throws Exception {
        HttpResponse<String> response = post("/api/ai/progress-prediction", """
                {"client_id": 44, "goal_metrics": {"weight_loss": 70}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("stale");
        assertThat(body.get("estimated_date").isNull()).isTrue();
        assertThat(body.get("estimated_weeks").isNull()).isTrue();
        assertThat(body.at("/progress/goals/0/eta").isNull()).isTrue();
        assertThat(body.at("/progress/insights").toString()).contains("new weigh-in")
                .contains(today.minusDays(60).toString());
    }

    @Test
    @Order(6)
    void a_goal_in_pounds_takes_its_unit_and_date_from_the_crm() throws Exception {
        JsonNode body = json.readTree(post("/api/ai/progress-prediction", """
                {"client_id": 45, "current_metrics": {"weight": 79.4}, "goal_metrics": {"weight_loss": 168}}""")
                .body());

        JsonNode goal = body.at("/progress/goals/0");
        assertThat(goal.get("metric").asText()).isEqualTo("weight_kg");
        assertThat(goal.get("target").asDouble()).isCloseTo(76.2, within(0.01));
        assertThat(goal.get("by_date").asText()).isEqualTo(today.plusDays(90).toString());
        assertThat(body.get("basis").asText()).isEqualTo("crm_history");
    }

    @Test
    @Order(7)
    void the_goal_keys_work_for_a_client_the_crm_does_not_know() throws Exception {
        HttpResponse<String> response = post("/api/ai/progress-prediction", """
                {"client_id": 999, "current_metrics": {"weight": 82}, "goal_metrics": {"weight_loss": 76}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("basis").asText()).isEqualTo("safe_rate");
    }

    @Test
    @Order(8)
    void the_plan_request_takes_goal_and_contraindications_from_the_client_and_says_so() throws Exception {
        JsonNode body = json.readTree(post("/api/workouts/auto-generate", """
                {"client_id": 46, "duration_weeks": 4, "focus_areas": ["upper body"]}""").body());

        JsonNode plan = body.get("plan");
        assertThat(plan.get("goal").asText()).isEqualTo("hypertrophy");
        assertThat(plan.at("/from_crm/goal_text").asText()).isEqualTo("Build muscle and get stronger");
        assertThat(plan.at("/from_crm/contraindications").findValuesAsText("contraindication"))
                .containsExactly("knee", "lower_back");
        assertThat(plan.get("rules_checked").toString()).contains("From the CRM");
        assertThat(plan.get("weeks").findValues("contraindications").toString()).doesNotContain("knee")
                .doesNotContain("lower_back");
    }

    @Test
    @Order(9)
    void the_views_get_the_picker_the_history_and_the_proposal() {
        List<CrmClientMatch> mine = RunAs.admin(securityContext, () -> crmService.searchClients("", 1L, 3));
        assertThat(mine).hasSize(3).first().satisfies(match -> {
            assertThat(match.client().id()).isEqualTo(42);
            assertThat(match.assignedToTrainer()).isTrue();
        });
        assertThat(mine).filteredOn(CrmClientMatch::assignedToTrainer).hasSize(1);
        assertThat(directory.searchClients("casey", 1L, 3)).singleElement()
                .satisfies(match -> assertThat(match.assignedToTrainer()).as("the assignment ended").isFalse());
        assertThat(directory.searchClients("BLAIR@", null, 10)).extracting(m -> m.client().name())
                .containsExactly("Blair Newcomer");
        assertThat(directory.searchClients("100%_", null, 10)).extracting(m -> m.client().id()).containsExactly(47L);
        assertThat(directory.searchClients("%", null, 10)).extracting(m -> m.client().id()).containsExactly(47L);
        assertThat(directory.trainerByEmail(" TOM@gym.example ")).hasValueSatisfying(t ->
                assertThat(t.id()).isEqualTo(1));
        assertThat(directory.assignedClientIds(1)).containsExactly(42L);

        ClientHistory history = RunAs.admin(securityContext, () -> progressService.clientHistory(42)).orElseThrow();
        assertThat(history.csv()).startsWith("date,weight_kg,body_fat_pct,waist_cm\n" + today.minusDays(86));
        assertThat(history.goalMetric()).isEqualTo(Metric.WEIGHT_KG);
        assertThat(history.target()).isEqualTo(76.0);
        assertThat(history.stale()).isFalse();
        assertThat(RunAs.admin(securityContext, () -> progressService.clientHistory(43))).isEmpty();

        ClientProposal proposal = RunAs.admin(securityContext, () -> workoutService.proposalFor(46)).orElseThrow();
        assertThat(proposal.goal()).isEqualTo(Goal.HYPERTROPHY);
        assertThat(proposal.contraindications()).extracting(ClientProposal.ProposedContraindication::contraindication,
                ClientProposal.ProposedContraindication::foundIn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Contraindication.KNEE, "Left knee: ACL reconstruction 2021"),
                org.assertj.core.groups.Tuple.tuple(Contraindication.LOWER_BACK, "mild lower back pain"));
    }

    @Test
    @Order(10)
    void a_trainer_may_search_but_not_read_the_connection_status() {
        securityContext.getContext().setAuthentication(new TestingAuthenticationToken("t", null, "ROLE_TRAINER"));
        try {
            assertThat(crmService.client(42)).isPresent();
            assertThatThrownBy(() -> crmService.status()).isInstanceOf(AccessDeniedException.class);
        } finally {
            securityContext.clearContext();
        }
    }

    @Test
    @Order(11)
    void no_write_gets_through_on_the_crm_pool_nor_on_the_apps_database_inside_a_read_write_transaction() {
        assertThatThrownBy(() -> crmDatabase.read(jdbc -> jdbc.update("UPDATE clients SET name = 'x'")))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("read-only transaction");

        CrmDatabase onTheAppDatabase = new CrmDatabase(appDataSource, false, "app database", GYM, 5);
        TransactionTemplate readWrite = new TransactionTemplate(new DataSourceTransactionManager(appDataSource));
        assertThatThrownBy(() -> readWrite.executeWithoutResult(status -> onTheAppDatabase.read(
                jdbc -> jdbc.update("UPDATE ai_agents SET description = description"))))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("read-only transaction");
    }

    @Test
    @Order(12)
    void a_missing_column_degrades_the_history_without_an_error_and_is_reported() throws Exception {
        String request = """
                {"client_id": 42, "current_metrics": {"weight": 82}, "goal_metrics": {"weight": 76}}""";
        try {
            execute("ALTER TABLE progress_records RENAME COLUMN weight TO weight_kg_old");
            // Before the next discovery: the query fails, the answer comes from the request alone.
            HttpResponse<String> during = post("/api/ai/progress-prediction", request);
            assertThat(during.statusCode()).isEqualTo(200);

            CrmStatus status = directory.refresh();
            assertThat(status.degraded()).contains("progress_records.weight is missing: that value is left empty.");
            assertThat(status.missingColumns()).containsEntry("progress_records", List.of("weight"));
            JsonNode after = json.readTree(post("/api/ai/progress-prediction", request).body());
            assertThat(after.get("basis").asText()).isEqualTo("crm_history");
            assertThat(after.at("/sources/progress_records").asInt()).isZero();
            assertThat(after.at("/sources/measurements").asInt()).isEqualTo(84);
        } finally {
            execute("ALTER TABLE progress_records RENAME COLUMN weight_kg_old TO weight");
            directory.refresh();
        }
        assertThat(directory.status().degraded()).isEmpty();
    }

    @Test
    @Order(100)
    void every_crm_table_has_the_same_rows_and_columns_as_before() throws Exception {
        assertThat(snapshot()).isEqualTo(before);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Per table of the CRM database: its columns, row count and an md5 of all its rows. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Connection crm = crmConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                    crm, true));
            for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' ORDER BY table_name", String.class)) {
                String columns = String.join(",", jdbc.queryForList("SELECT column_name || ' ' || data_type FROM "
                        + "information_schema.columns WHERE table_schema = 'public' AND table_name = ? "
                        + "ORDER BY ordinal_position", String.class, table));
                String rows = jdbc.queryForObject("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' "
                        + "ORDER BY t::text), '')) FROM \"" + table + "\" t", String.class);
                tables.put(table, columns + " / " + rows);
            }
        }
        assertThat(tables).hasSize(32);
        return tables;
    }

    private void execute(String sql) throws Exception {
        try (Connection crm = crmConnection(); Statement statement = crm.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection crmConnection() throws Exception {
        String url = connection.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + CRM_DB + "$1");
        return DriverManager.getConnection(url, connection.username(), null);
    }

    /** A CRM timestamp: {@code daysAgo} days before today at the given local time (negative: ahead). */
    private Timestamp at(int daysAgo, int hour, int minute) {
        return Timestamp.valueOf(LocalDateTime.of(today.minusDays(daysAgo), java.time.LocalTime.of(hour, minute)));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + MAIN_BACKEND_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
