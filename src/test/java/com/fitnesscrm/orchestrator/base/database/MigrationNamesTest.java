package com.fitnesscrm.orchestrator.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps a future migration from taking a name of the main backend's, in the database we share: every table,
 * sequence, index and view our migrations leave behind carries the {@code ai_} prefix (Quartz's too, since V0019),
 * and none is one of the main backend's table names.
 */
class MigrationNamesTest {

    /** The main backend's tables at the version we integrate with (issue 10; fitnesscrm/schema.sql). */
    static final List<String> MAIN_BACKEND_TABLES = List.of("activity_logs", "assignments", "automation_logs",
            "automation_rules", "campaign_recipients", "client_workouts", "clients", "email_campaigns",
            "email_templates", "exercises", "files", "goal_milestones", "goals", "measurements",
            "message_attachments", "message_threads", "messages", "payments", "progress_photos", "progress_records",
            "recurring_sessions", "sessions", "settings", "sms_logs", "sms_schedules", "sms_templates", "trainers",
            "users", "workout_exercises", "workout_logs", "workout_plans", "workout_templates");

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE = Pattern.compile(
            "create\\s+(?:unique\\s+)?(?:table|index|sequence|view|materialized\\s+view)\\s+"
                    + "(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?\"?(\\w+)\"?");
    private static final Pattern RENAME = Pattern.compile(
            "alter\\s+(?:table|index|sequence|view)\\s+(?:if\\s+exists\\s+)?(?:public\\.)?\"?(\\w+)\"?"
                    + "\\s+rename\\s+to\\s+\"?(\\w+)\"?");

    @Test
    void no_migration_creates_a_table_with_a_name_of_the_main_backend() throws IOException {
        for (Path migration : migrations()) {
            Matcher create = CREATE.matcher(sql(migration));
            while (create.find()) {
                assertThat(create.group(1)).as("%s creates", migration.getFileName())
                        .isNotIn(MAIN_BACKEND_TABLES);
            }
        }
    }

    @Test
    void every_name_our_migrations_leave_behind_carries_the_ai_prefix() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Path migration : migrations()) {
            String sql = sql(migration);
            Matcher create = CREATE.matcher(sql);
            while (create.find()) {
                names.add(create.group(1));
            }
            Matcher rename = RENAME.matcher(sql);
            while (rename.find()) {
                names.remove(rename.group(1));
                names.add(rename.group(2));
            }
        }
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name)
                .as("a relation our migrations create").matches("ai_\\w+"));
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** The migration in lower case without its comments. */
    private static String sql(Path migration) throws IOException {
        return Files.readString(migration, StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "")
                .toLowerCase(Locale.ROOT);
    }
}
