package com.fitnesscrm.orchestrator.base.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data when no database is configured.
 *
 * @param dataDir   {@code ORCHESTRATOR_DATA_DIR}: the app's data folder; the database lives in its {@code postgres}
 *                  subfolder
 * @param ephemeral a throw-away database in a temporary folder (tests)
 * @param port      the port to listen on, 0 for any free one
 */
@ConfigurationProperties("orchestrator.database.embedded")
record EmbeddedDatabaseProperties(Path dataDir, @DefaultValue("false") boolean ephemeral, @DefaultValue("0") int port) {
}
