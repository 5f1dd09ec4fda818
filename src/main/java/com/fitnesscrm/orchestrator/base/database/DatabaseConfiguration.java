package com.fitnesscrm.orchestrator.base.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Provides the application's {@code DataSource} from {@link DatabaseConnection}; Boot's own DataSource
 * auto-configuration steps aside, while {@code spring.datasource.hikari.*} still tunes the pool.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseConnection databaseConnection(Environment environment, EmbeddedDatabaseProperties embedded) {
        DatabaseConnection connection = DatabaseConnection.resolve(environment, embedded);
        log.info("Database: {}", connection.description());
        return connection;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseConnection connection) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(connection.jdbcUrl())
                .username(connection.username())
                .password(connection.password())
                .build();
        dataSource.setPoolName("orchestrator");
        return dataSource;
    }

    /**
     * Flyway migrates as usual, after older tables of ours have been brought to their {@code ai_} names
     * ({@link LegacySchemaUpgrade}, decision 0010).
     */
    @Bean
    FlywayMigrationStrategy flywayMigrationStrategy() {
        return flyway -> {
            LegacySchemaUpgrade.apply(flyway);
            flyway.migrate();
        };
    }
}
