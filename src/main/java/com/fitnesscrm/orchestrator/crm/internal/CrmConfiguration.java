package com.fitnesscrm.orchestrator.crm.internal;

import com.fitnesscrm.orchestrator.base.StartupConfigurationException;
import com.fitnesscrm.orchestrator.base.database.DatabaseConfigurationException;
import com.fitnesscrm.orchestrator.base.database.DatabaseUrl;
import com.zaxxer.hikari.HikariDataSource;
import java.time.DateTimeException;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The CRM's connection: the app's own data source by default, or a small read-only pool of its own when
 * {@code CRM_DATABASE_URL} is set. Both settings are checked at start; a wrong one stops the start with one line.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrmProperties.class)
class CrmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CrmConfiguration.class);

    @Bean(destroyMethod = "close")
    CrmDatabase crmDatabase(CrmProperties properties, DataSource dataSource) {
        ZoneId zone = zone(properties.timeZone());
        int timeout = (int) Math.max(1, properties.queryTimeout().toSeconds());
        if (!StringUtils.hasText(properties.databaseUrl())) {
            log.info("CRM: read from the app database, times in {}", zone);
            return new CrmDatabase(dataSource, false, "app database", zone, timeout);
        }
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(properties.databaseUrl(), "CRM_DATABASE_URL");
        } catch (DatabaseConfigurationException e) {
            throw new StartupConfigurationException(e.getMessage(), "Set CRM_DATABASE_URL to the FitnessCRM main "
                    + "backend's database as postgresql://user:password@host:port/database, or leave it unset to read "
                    + "the CRM from the app's own database.");
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("crm");
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setJdbcUrl(url.jdbcUrl());
        pool.setUsername(url.username());
        pool.setPassword(url.password());
        pool.setMaximumPoolSize(Math.max(1, properties.poolSize()));
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(5000);
        // Read-only three times over: the JDBC flag, every session's default, and each transaction (CrmDatabase).
        pool.setReadOnly(true);
        pool.setConnectionInitSql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        pool.addDataSourceProperty("readOnlyMode", "always");
        // No connection at start: an unreachable CRM must not stop the orchestrator, it only degrades the agents.
        pool.setInitializationFailTimeout(-1);
        String description = describe(url.jdbcUrl());
        log.info("CRM: read from {} (CRM_DATABASE_URL), times in {}", description, zone);
        return new CrmDatabase(pool, true, description, zone, timeout);
    }

    static ZoneId zone(String value) {
        try {
            return ZoneId.of(value == null || value.isBlank() ? "UTC" : value.strip());
        } catch (DateTimeException e) {
            throw new StartupConfigurationException("CRM_TIME_ZONE is not a time zone: '" + value + "'.",
                    "Set CRM_TIME_ZONE to the gym's zone as a region name such as Europe/Berlin or America/New_York "
                            + "(or UTC, the default).");
        }
    }

    /** host:port/database of a JDBC URL: enough to recognise it on the dashboard, no user or password. */
    static String describe(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        int query = rest.indexOf('?');
        rest = query < 0 ? rest : rest.substring(0, query);
        int at = rest.lastIndexOf('@');
        return at < 0 ? rest : rest.substring(at + 1);
    }
}
