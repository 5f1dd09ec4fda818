package com.fitnesscrm.orchestrator.base.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database of ours from before decision 0010 to the shape today's migrations describe, before Flyway
 * validates them. It does two things, each only once and only to what is provably ours:
 * <ul>
 *   <li>renames Flyway's history table {@code flyway_schema_history} (when it holds our V0001) to
 *       {@value #HISTORY};</li>
 *   <li>where the first version of V0009 was applied, renames its {@code workout_exercises} and {@code workout_plans}
 *       (recognised by their own columns) to the {@code ai_} names the rewritten V0009 creates, with their sequence,
 *       indexes and constraints, and records the rewritten file's checksum for V0009, so validation passes and no row
 *       is lost.</li>
 * </ul>
 * On a database without our old tables it changes nothing. It runs in one transaction under an advisory lock, so
 * two nodes starting together do it once.
 */
final class LegacySchemaUpgrade {

    /** Flyway's history table, prefixed like everything of ours (spring.flyway.table). */
    static final String HISTORY = "ai_flyway_schema_history";
    static final String OLD_HISTORY = "flyway_schema_history";
    static final String V0009_SCRIPT = "V0009__create_workout_tables.sql";
    /** Flyway's checksum of the first V0009, which created the main backend's table names. */
    static final int FIRST_V0009_CHECKSUM = -448945403;

    private static final Logger log = LoggerFactory.getLogger(LegacySchemaUpgrade.class);
    private static final long LOCK_KEY = 0x0F17_C0DEL;

    private LegacySchemaUpgrade() {
    }

    static void apply(Flyway flyway) {
        Integer rewrittenChecksum = Arrays.stream(flyway.info().all())
                .filter(migration -> V0009_SCRIPT.equals(migration.getScript()))
                .map(MigrationInfo::getResolvedChecksum)
                .findFirst().orElse(null);
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                lock(connection);
                renameHistory(connection);
                renameFirstWorkoutTables(connection, rewrittenChecksum);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring the database's older tables of ours to their ai_ names: "
                    + e.getMessage(), e);
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
        }
    }

    private static void renameHistory(Connection connection) throws SQLException {
        if (!tableExists(connection, OLD_HISTORY) || tableExists(connection, HISTORY)) {
            return;
        }
        // Only a history that records our own first migration is ours to move.
        try (PreparedStatement ours = connection.prepareStatement(
                "SELECT 1 FROM " + OLD_HISTORY + " WHERE script = 'V0001__create_ai_agents.sql'");
             ResultSet row = ours.executeQuery()) {
            if (!row.next()) {
                return;
            }
        }
        execute(connection, "ALTER TABLE " + OLD_HISTORY + " RENAME TO " + HISTORY);
        renameIndexIfExists(connection, OLD_HISTORY + "_pk", HISTORY + "_pk");
        renameIndexIfExists(connection, OLD_HISTORY + "_s_idx", HISTORY + "_s_idx");
        log.info("Renamed Flyway's history table {} to {} (decision 0010)", OLD_HISTORY, HISTORY);
    }

    private static void renameFirstWorkoutTables(Connection connection, Integer rewrittenChecksum)
            throws SQLException {
        if (rewrittenChecksum == null || !tableExists(connection, HISTORY) || !firstV0009Applied(connection)) {
            return;
        }
        // The first V0009's tables have columns the main backend's tables of the same names do not.
        boolean oursExercises = columnExists(connection, "workout_exercises", "substitution_group")
                && !tableExists(connection, "ai_workout_exercises");
        boolean oursPlans = columnExists(connection, "workout_plans", "saved_by")
                && !tableExists(connection, "ai_workout_plans");
        if (!oursExercises || !oursPlans) {
            throw new IllegalStateException("The history says the first V0009 ran, but workout_exercises and "
                    + "workout_plans are not the tables it created: see docs/decisions/0010-living-in-the-crm-database.md");
        }
        execute(connection, "ALTER TABLE workout_exercises RENAME TO ai_workout_exercises");
        execute(connection, "ALTER INDEX workout_exercises_pkey RENAME TO ai_workout_exercises_pkey");
        execute(connection, "ALTER INDEX workout_exercises_name_idx RENAME TO ai_workout_exercises_name_idx");
        execute(connection, "ALTER INDEX workout_exercises_pattern_idx RENAME TO ai_workout_exercises_pattern_idx");
        execute(connection, "ALTER TABLE workout_plans RENAME TO ai_workout_plans");
        execute(connection, "ALTER SEQUENCE workout_plans_id_seq RENAME TO ai_workout_plans_id_seq");
        execute(connection, "ALTER INDEX workout_plans_pkey RENAME TO ai_workout_plans_pkey");
        execute(connection, "ALTER INDEX workout_plans_client_idx RENAME TO ai_workout_plans_client_idx");
        execute(connection, "ALTER TABLE ai_workout_plans RENAME CONSTRAINT workout_plans_execution_id_fkey "
                + "TO ai_workout_plans_execution_id_fkey");
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + HISTORY
                + " SET checksum = ? WHERE script = ? AND checksum = ?")) {
            update.setInt(1, rewrittenChecksum);
            update.setString(2, V0009_SCRIPT);
            update.setInt(3, FIRST_V0009_CHECKSUM);
            update.executeUpdate();
        }
        log.info("Renamed the first V0009's workout_exercises and workout_plans to ai_workout_exercises and "
                + "ai_workout_plans, keeping their rows (decision 0010)");
    }

    private static boolean firstV0009Applied(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM " + HISTORY + " WHERE script = ? AND checksum = ? AND success")) {
            query.setString(1, V0009_SCRIPT);
            query.setInt(2, FIRST_V0009_CHECKSUM);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p')")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean columnExists(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void renameIndexIfExists(Connection connection, String from, String to) throws SQLException {
        execute(connection, "ALTER INDEX IF EXISTS " + from + " RENAME TO " + to);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
