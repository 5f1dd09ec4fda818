package com.fitnesscrm.orchestrator.base.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The database the app connects to, decided once at start from the environment, in this order:
 * <ol>
 *   <li>{@code SPRING_DATASOURCE_URL} (with {@code SPRING_DATASOURCE_USERNAME}/{@code _PASSWORD});</li>
 *   <li>{@code DATABASE_URL} in Railway's {@code postgresql://user:pass@host:port/db} form;</li>
 *   <li>on Railway ({@code RAILWAY_ENVIRONMENT} set) nothing else: the app refuses to start rather than keep data
 *       inside a container that is thrown away at the next deploy;</li>
 *   <li>otherwise an embedded PostgreSQL started by the app, its data in {@code ORCHESTRATOR_DATA_DIR}.</li>
 * </ol>
 * Closing it stops the embedded server, if there is one.
 */
public final class DatabaseConnection implements AutoCloseable {

    /** Any of these means the app runs on Railway, which sets them in every deployment. */
    static final List<String> RAILWAY_VARIABLES = List.of("RAILWAY_ENVIRONMENT", "RAILWAY_ENVIRONMENT_NAME",
            "RAILWAY_ENVIRONMENT_ID", "RAILWAY_PROJECT_ID", "RAILWAY_SERVICE_ID");

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String description;
    private final EmbeddedPostgresServer embedded;

    private DatabaseConnection(String jdbcUrl, String username, String password, String description,
                               EmbeddedPostgresServer embedded) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.description = description;
        this.embedded = embedded;
    }

    static DatabaseConnection resolve(Environment env, EmbeddedDatabaseProperties embeddedProperties) {
        String springUrl = env.getProperty("spring.datasource.url");
        if (StringUtils.hasText(springUrl)) {
            return new DatabaseConnection(springUrl, env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password"), "SPRING_DATASOURCE_URL", null);
        }
        String databaseUrl = env.getProperty(DatabaseUrl.VARIABLE);
        if (databaseUrl != null) {
            DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
            return new DatabaseConnection(parsed.jdbcUrl(), parsed.username(), parsed.password(),
                    DatabaseUrl.VARIABLE, null);
        }
        String railway = RAILWAY_VARIABLES.stream().filter(name -> StringUtils.hasText(env.getProperty(name)))
                .findFirst().orElse(null);
        if (railway != null) {
            throw new DatabaseConfigurationException("No database is configured on Railway (" + railway + " is "
                    + "set): add a PostgreSQL service and set DATABASE_URL to its URL, e.g. ${{Postgres.DATABASE_URL}}; "
                    + "the embedded database would lose its data at every deploy.");
        }
        if (embeddedProperties.ephemeral()) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral(embeddedProperties.port());
            return new DatabaseConnection(server.jdbcUrl(), "postgres", null,
                    "embedded PostgreSQL (ephemeral) on port " + server.port(), server);
        }
        if (embeddedProperties.dataDir() == null) {
            throw new DatabaseConfigurationException("ORCHESTRATOR_DATA_DIR is empty: it must name the folder where "
                    + "the embedded PostgreSQL keeps its data.");
        }
        Path folder = embeddedProperties.dataDir().toAbsolutePath().normalize().resolve("postgres");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(folder, embeddedProperties.port());
        return new DatabaseConnection(server.jdbcUrl(), "postgres", server.password(),
                "embedded PostgreSQL on localhost:" + server.port() + ", data in " + folder
                        + " (ORCHESTRATOR_DATA_DIR)", server);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** Where the connection came from, for the log and the dashboard; never contains a password. */
    public String description() {
        return description;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
