package com.fitnesscrm.orchestrator.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The original service's five tables keep their names and columns, because the main backend shares the database;
 * only JSON became jsonb and TIMESTAMP timestamptz.
 */
@IntegrationTest
class SchemaIT {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DatabaseConnection connection;

    @Test
    void the_original_tables_have_their_columns_with_upgraded_types() {
        // Columns may be added (config_version is), none renamed or dropped: the main backend reads these tables.
        assertThat(columns(jdbc, "ai_agents")).containsAllEntriesOf(Map.of(
                "id", "integer", "name", "character varying(100)", "type", "character varying(50)",
                "description", "text", "status", "character varying(20)", "config", "jsonb", "enabled", "boolean",
                "created_at", "timestamp with time zone", "updated_at", "timestamp with time zone"));
        assertThat(columns(jdbc, "ai_agent_executions")).containsAllEntriesOf(Map.of(
                "id", "integer", "agent_id", "integer", "status", "character varying(20)", "input_data", "jsonb",
                "output_data", "jsonb", "error_message", "text", "execution_time", "double precision",
                "started_at", "timestamp with time zone", "completed_at", "timestamp with time zone"));
        assertThat(columns(jdbc, "ai_agent_metrics")).containsAllEntriesOf(Map.of(
                "agent_id", "integer", "metric_type", "character varying(50)", "metric_value", "double precision",
                "period_start", "timestamp with time zone", "period_end", "timestamp with time zone",
                "created_at", "timestamp with time zone"));
        assertThat(columns(jdbc, "ai_system_health")).containsAllEntriesOf(Map.of(
                "component", "character varying(100)", "status", "character varying(20)", "message", "text",
                "metrics", "jsonb", "checked_at", "timestamp with time zone"));
        assertThat(columns(jdbc, "ai_code_suggestions")).containsAllEntriesOf(Map.of(
                "file_path", "character varying(500)", "issue_type", "character varying(50)",
                "severity", "character varying(20)", "description", "text", "suggestion", "text",
                "code_snippet", "text", "status", "character varying(20)",
                "created_at", "timestamp with time zone", "resolved_at", "timestamp with time zone"));
    }

    @Test
    void the_original_defaults_still_apply() {
        jdbc.update("INSERT INTO ai_agents (name, type) VALUES ('Schema test agent', 'health_check')");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT status, config::text AS config, enabled, created_at FROM ai_agents WHERE name = ?",
                "Schema test agent");
        assertThat(row).containsEntry("status", "inactive").containsEntry("config", "{}")
                .containsEntry("enabled", true);
        assertThat(row.get("created_at")).isNotNull();
        jdbc.update("DELETE FROM ai_agents WHERE name = 'Schema test agent'");
    }

    @Test
    void quartz_and_users_tables_exist_with_our_prefix() {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
        assertThat(tables).contains("ai_qrtz_job_details", "ai_qrtz_triggers", "ai_qrtz_locks",
                "ai_qrtz_scheduler_state", "ai_users", "ai_agent_config_versions", "ai_execution_steps",
                "ai_api_keys", "ai_scheduled_tasks", "ai_workout_exercises", "ai_workout_plans",
                "ai_flyway_schema_history")
                .noneMatch(table -> table.startsWith("qrtz_"));
    }

    @Test
    void a_database_where_the_original_service_already_created_its_tables_is_upgraded_in_place() throws Exception {
        jdbc.execute("DROP DATABASE IF EXISTS legacy_upgrade");
        jdbc.execute("CREATE DATABASE legacy_upgrade");
        String url = connection.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/legacy_upgrade$1");
        try (Connection legacy = DriverManager.getConnection(url, connection.username(), null)) {
            try (Statement sql = legacy.createStatement()) {
                // The original service's DDL, as SQLAlchemy created it: JSON and TIMESTAMP without time zone.
                sql.execute("""
                        CREATE TABLE ai_agents (id SERIAL PRIMARY KEY, name VARCHAR(100) UNIQUE NOT NULL,
                          type VARCHAR(50) NOT NULL, description TEXT, status VARCHAR(20) DEFAULT 'inactive',
                          config JSON DEFAULT '{}', enabled BOOLEAN DEFAULT TRUE, created_at TIMESTAMP,
                          updated_at TIMESTAMP);
                        CREATE TABLE ai_agent_executions (id SERIAL PRIMARY KEY, agent_id INTEGER REFERENCES ai_agents(id),
                          status VARCHAR(20) NOT NULL, input_data JSON, output_data JSON, error_message TEXT,
                          execution_time FLOAT, started_at TIMESTAMP, completed_at TIMESTAMP);
                        INSERT INTO ai_agents (name, type, config, created_at)
                          VALUES ('Workout Optimizer', 'workout_optimization', '{"model": "gpt-4"}', '2025-01-02 03:04:05');
                        INSERT INTO ai_agent_executions (agent_id, status, input_data, started_at)
                          VALUES (1, 'completed', '{"client_id": 7}', '2025-01-02 03:04:05');
                        """);
            }
            Flyway.configure()
                    .dataSource(new SingleConnectionDataSource(legacy, true))
                    .locations("classpath:db/migration")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();

            JdbcTemplate upgraded = new JdbcTemplate(new SingleConnectionDataSource(legacy, true));
            assertThat(columns(upgraded, "ai_agents")).containsEntry("config", "jsonb")
                    .containsEntry("created_at", "timestamp with time zone");
            assertThat(columns(upgraded, "ai_agent_executions")).containsEntry("input_data", "jsonb");
            assertThat(upgraded.queryForObject("SELECT config->>'model' FROM ai_agents", String.class))
                    .isEqualTo("gpt-4");
            // The original runs keep their agent's name, so deleting the agent later does not orphan them.
            assertThat(upgraded.queryForObject("SELECT agent_name FROM ai_agent_executions", String.class))
                    .isEqualTo("Workout Optimizer");
            assertThat(upgraded.queryForObject(
                    "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM ai_agents",
                    String.class)).as("naive timestamps are read as UTC").isEqualTo("2025-01-02 03:04:05");
            assertThat(upgraded.queryForObject("SELECT input_data->>'client_id' FROM ai_agent_executions",
                    String.class)).isEqualTo("7");
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS legacy_upgrade WITH (FORCE)");
        }
    }

    private static Map<String, String> columns(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("""
                        SELECT column_name, format_type(a.atttypid, a.atttypmod) AS type
                        FROM information_schema.columns c
                        JOIN pg_attribute a ON a.attrelid = (c.table_schema || '.' || c.table_name)::regclass
                                            AND a.attname = c.column_name
                        WHERE c.table_schema = current_schema() AND c.table_name = ?""", table)
                .stream().collect(Collectors.toMap(r -> (String) r.get("column_name"), r -> (String) r.get("type")));
    }
}
