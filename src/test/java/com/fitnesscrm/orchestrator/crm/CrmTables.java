package com.fitnesscrm.orchestrator.crm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The main backend's tables ({@code fitnesscrm/schema.sql}) with a few rows ({@code fitnesscrm/rows.sql}) in the
 * test context's own database, for as long as a test needs a CRM; closing drops them again, so the tests after it
 * see the embedded default (no CRM). The directory is refreshed both ways, as it would be at its next look-up.
 */
public final class CrmTables implements AutoCloseable {

    /** The main backend's DDL, as its create_all makes it. */
    public static final String SCHEMA = read("fitnesscrm/schema.sql");
    /** A few rows in its tables, written as the main backend writes them. */
    public static final String ROWS = read("fitnesscrm/rows.sql");
    /** Its 32 tables, in the order the DDL creates them. */
    public static final List<String> TABLES = Pattern.compile("(?m)^CREATE TABLE (\\w+)").matcher(SCHEMA)
            .results().map(match -> match.group(1)).toList();

    private final JdbcTemplate jdbc;
    private final CrmDirectory directory;

    private CrmTables(JdbcTemplate jdbc, CrmDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public static CrmTables create(JdbcTemplate jdbc, CrmDirectory directory) {
        jdbc.execute(SCHEMA);
        jdbc.execute(ROWS);
        directory.refresh();
        return new CrmTables(jdbc, directory);
    }

    @Override
    public void close() {
        jdbc.execute("DROP TABLE IF EXISTS " + String.join(", ", TABLES) + " CASCADE");
        directory.refresh();
    }

    private static String read(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
