package com.fitnesscrm.orchestrator.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fitnesscrm.orchestrator.Application;
import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.crm.CrmTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The orchestrator lives in the main backend's database: it starts on a database that already holds the main
 * backend's tables and rows and changes none of them; the main backend can create its tables after our first start;
 * and a database of ours that applied the first V0009 (which took two of the main backend's table names) upgrades
 * with its saved plans. The main backend's schema is {@code fitnesscrm/schema.sql}, as its create_all makes it.
 */
@IntegrationTest
class MainBackendDatabaseIT {

    private static final String SCHEMA = CrmTables.SCHEMA;
    private static final String ROWS = CrmTables.ROWS;
    private static final List<String> MAIN_TABLES = CrmTables.TABLES;

    @Autowired
    private DatabaseConnection connection;
    @Autowired
    private JdbcTemplate jdbc;

    private String database;

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            jdbc.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void starts_on_the_main_backends_database_and_changes_none_of_its_tables() {
        JdbcTemplate crm = createDatabase("main_first");
        crm.execute(SCHEMA);
        crm.execute(ROWS);
        Map<String, String> before = snapshot(crm);

        try (ConfigurableApplicationContext app = startApp()) {
            assertThat(app.isRunning()).isTrue();
        }

        assertThat(snapshot(crm)).as("the main backend's tables: columns, indexes, constraints and rows")
                .isEqualTo(before);
        assertMigrated(crm);
        assertOnlyPrefixedRelationsBesides(crm, MAIN_TABLES);
    }

    @Test
    void the_main_backend_can_create_its_tables_after_our_first_start() {
        JdbcTemplate crm = createDatabase("ours_first");
        try (ConfigurableApplicationContext app = startApp()) {
            assertThat(app.isRunning()).isTrue();
        }

        // create_all and the main backend's first writes: none of its names is taken.
        assertThatCode(() -> crm.execute(SCHEMA)).doesNotThrowAnyException();
        crm.execute(ROWS);
        assertThat(crm.queryForObject("SELECT count(*) FROM workout_plans WHERE trainer_id = 1", Integer.class))
                .isEqualTo(1);
        Map<String, String> before = snapshot(crm);

        // And we start again beside them.
        try (ConfigurableApplicationContext app = startApp()) {
            assertThat(app.isRunning()).isTrue();
        }
        assertThat(snapshot(crm)).isEqualTo(before);
        assertMigrated(crm);
    }

    @Test
    void a_database_at_the_first_V0009_upgrades_with_its_saved_plans() {
        JdbcTemplate legacy = createDatabase("first_v0009");
        // Our database as the first V0009 left it: Flyway's default history table, the unprefixed workout tables.
        Flyway.configure().dataSource(legacy.getDataSource()).locations("classpath:db/migration").target("0008")
                .load().migrate();
        Flyway.configure().dataSource(legacy.getDataSource()).locations("classpath:db/legacy-v0009")
                .ignoreMigrationPatterns("*:missing").target("0009").load().migrate();
        assertThat(legacy.queryForObject("SELECT checksum FROM flyway_schema_history WHERE version = '0009'",
                Integer.class)).isEqualTo(LegacySchemaUpgrade.FIRST_V0009_CHECKSUM);
        legacy.update("INSERT INTO ai_agent_executions (status, agent_name) VALUES ('succeeded', 'Workout Optimizer')");
        legacy.update("""
                INSERT INTO workout_plans (client_id, name, goal, weeks, request, plan, engine, execution_id, saved_by)
                VALUES ('42', 'Spring block', 'hypertrophy', 8, '{"client_id": 42}', '{"weeks": []}', 'rules', 1,
                        'trainer'),
                       ('42', 'Summer block', 'strength', 4, '{"client_id": 42}', '{"weeks": []}', 'llm', NULL,
                        'admin')""");
        String plans = legacy.queryForObject(
                "SELECT string_agg(to_jsonb(p)::text, '|' ORDER BY id) FROM workout_plans p", String.class);

        try (ConfigurableApplicationContext app = startApp()) {
            assertThat(app.isRunning()).isTrue();
        }

        assertThat(legacy.queryForObject(
                "SELECT string_agg(to_jsonb(p)::text, '|' ORDER BY id) FROM ai_workout_plans p", String.class))
                .as("every saved plan, every column").isEqualTo(plans);
        assertThat(legacy.queryForObject("SELECT count(*) FROM ai_workout_exercises", Integer.class))
                .as("the catalogue is copied at start").isGreaterThan(150);
        // The next plan saved gets the next id, from the renamed sequence.
        assertThat(legacy.queryForObject("""
                INSERT INTO ai_workout_plans (client_id, name, goal, weeks, request, plan, engine, saved_by)
                VALUES ('7', 'Next', 'strength', 4, '{}', '{}', 'rules', 'admin') RETURNING id""", Long.class))
                .isEqualTo(3L);
        assertThat(relations(legacy)).doesNotContain("workout_plans", "workout_exercises", "flyway_schema_history");
        assertMigrated(legacy);
        assertOnlyPrefixedRelationsBesides(legacy, List.of());
    }

    @Test
    void the_main_backends_schema_is_its_32_tables() {
        assertThat(MAIN_TABLES).hasSize(32).contains("clients", "sessions", "measurements", "workout_plans");
    }

    @Test
    void everything_our_migrations_create_carries_the_ai_prefix() {
        assertOnlyPrefixedRelationsBesides(jdbc, List.of());
    }

    private void assertMigrated(JdbcTemplate db) {
        List<Map<String, Object>> history = db.queryForList(
                "SELECT version, success FROM ai_flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        assertThat(history).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
        List<String> applied = history.stream().map(row -> (String) row.get("version")).toList();
        List<String> available = jdbc.queryForList(
                "SELECT version FROM ai_flyway_schema_history WHERE version IS NOT NULL AND version <> '0' "
                        + "ORDER BY installed_rank", String.class);
        assertThat(applied).containsAll(available);
    }

    /** Every table, sequence, index and view in the schema is ours (prefixed) or one of the given tables' own. */
    private static void assertOnlyPrefixedRelationsBesides(JdbcTemplate db, List<String> theirTables) {
        List<String> notOurs = db.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S', 'i', 'I', 'v', 'm')
                  AND c.relname NOT LIKE 'ai\\_%'
                  -- what belongs to the main backend's tables: the tables, their indexes and sequences
                  AND NOT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                                  WHERE i.indexrelid = c.oid AND t.relname = ANY (?))
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                                  WHERE d.objid = c.oid AND d.deptype = 'a' AND t.relname = ANY (?))
                  AND NOT (c.relname = ANY (?))""", String.class,
                theirTables.toArray(String[]::new), theirTables.toArray(String[]::new),
                theirTables.toArray(String[]::new));
        assertThat(notOurs).as("relations of ours without the ai_ prefix").isEmpty();
    }

    /** Columns, indexes, constraints, row count and a checksum of the rows of each of the main backend's tables. */
    private static Map<String, String> snapshot(JdbcTemplate db) {
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String table : MAIN_TABLES) {
            snapshot.put(table + " columns", db.queryForObject("""
                    SELECT string_agg(column_name || ' ' || data_type || ' ' || is_nullable || ' '
                                      || coalesce(column_default, ''), ', ' ORDER BY ordinal_position)
                    FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?""",
                    String.class, table));
            snapshot.put(table + " indexes", db.queryForObject(
                    "SELECT coalesce(string_agg(indexdef, '; ' ORDER BY indexname), '') FROM pg_indexes "
                            + "WHERE schemaname = current_schema() AND tablename = ?", String.class, table));
            snapshot.put(table + " constraints", db.queryForObject(
                    "SELECT coalesce(string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname), '') "
                            + "FROM pg_constraint WHERE conrelid = ?::regclass", String.class, table));
            snapshot.put(table + " rows", db.queryForObject("SELECT count(*) || ' ' || coalesce(md5(string_agg("
                    + "t::text, '|' ORDER BY t::text)), '-') FROM \"" + table + "\" t", String.class));
        }
        return snapshot;
    }

    private static List<String> relations(JdbcTemplate db) {
        return db.queryForList("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema()", String.class);
    }

    private JdbcTemplate createDatabase(String name) {
        database = name;
        jdbc.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        jdbc.execute("CREATE DATABASE " + name);
        return new JdbcTemplate(new DriverManagerDataSource(url(name), connection.username(), null));
    }

    private ConfigurableApplicationContext startApp() {
        return new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .properties(
                        "spring.datasource.url=" + url(database),
                        "spring.datasource.username=" + connection.username(),
                        "server.port=0",
                        "spring.quartz.properties.org.quartz.scheduler.instanceName=crm-database-" + UUID.randomUUID())
                .run();
    }

    private String url(String name) {
        return connection.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }
}
