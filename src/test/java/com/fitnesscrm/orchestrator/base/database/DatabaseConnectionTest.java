package com.fitnesscrm.orchestrator.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which database the app picks from its environment (none of these cases starts a server). */
class DatabaseConnectionTest {

    private static final EmbeddedDatabaseProperties EMBEDDED =
            new EmbeddedDatabaseProperties(Path.of("/nonexistent"), false, 0);

    @Test
    void spring_datasource_url_wins_over_database_url() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://primary:5432/app")
                .withProperty("spring.datasource.username", "app")
                .withProperty("DATABASE_URL", "postgresql://other:pw@secondary:5432/other");
        try (DatabaseConnection connection = DatabaseConnection.resolve(env, EMBEDDED)) {
            assertThat(connection.jdbcUrl()).isEqualTo("jdbc:postgresql://primary:5432/app");
            assertThat(connection.username()).isEqualTo("app");
            assertThat(connection.description()).isEqualTo("SPRING_DATASOURCE_URL");
            assertThat(connection.isEmbedded()).isFalse();
        }
    }

    @Test
    void database_url_is_used_when_it_is_the_only_one() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("DATABASE_URL", "postgresql://user:pass@127.0.0.1:5432/db");
        try (DatabaseConnection connection = DatabaseConnection.resolve(env, EMBEDDED)) {
            assertThat(connection.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/db");
            assertThat(connection.username()).isEqualTo("user");
            assertThat(connection.password()).isEqualTo("pass");
            assertThat(connection.description()).isEqualTo("DATABASE_URL").doesNotContain("pass");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RAILWAY_ENVIRONMENT", "RAILWAY_ENVIRONMENT_NAME", "RAILWAY_ENVIRONMENT_ID",
            "RAILWAY_PROJECT_ID", "RAILWAY_SERVICE_ID"})
    void on_railway_without_a_database_it_refuses_to_start(String variable) {
        MockEnvironment env = new MockEnvironment().withProperty(variable, "production");
        assertThatThrownBy(() -> DatabaseConnection.resolve(env, EMBEDDED))
                .isInstanceOf(DatabaseConfigurationException.class)
                .hasMessageStartingWith("No database is configured on Railway (" + variable + " is set)");
    }

    @Test
    void on_railway_with_a_database_url_it_starts() throws Exception {
        MockEnvironment env = new MockEnvironment().withProperty("RAILWAY_ENVIRONMENT_NAME", "production")
                .withProperty("DATABASE_URL", "postgresql://u:p@postgres.railway.internal:5432/railway");
        try (DatabaseConnection connection = DatabaseConnection.resolve(env, EMBEDDED)) {
            assertThat(connection.jdbcUrl()).isEqualTo("jdbc:postgresql://postgres.railway.internal:5432/railway");
        }
    }
}
