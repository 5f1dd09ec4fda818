package com.fitnesscrm.orchestrator.crm.internal;

import java.time.ZoneId;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connection to the CRM's tables, and the only way to run SQL on them: {@link #read} opens a read-only
 * transaction of its own ({@code SET TRANSACTION READ ONLY}, so PostgreSQL itself refuses any write) on a
 * transaction manager of its own.
 *
 * <p>On the app's database the data source is wrapped, so that Spring's transaction synchronisation (keyed by the
 * data source object) never lets a CRM read join a read-write transaction of the app that happens to be open on the
 * same thread: it always takes its own connection and its own read-only transaction.
 */
final class CrmDatabase implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final String description;
    private final ZoneId zone;
    private final AutoCloseable pool;

    CrmDatabase(DataSource dataSource, boolean ownPool, String description, ZoneId zone, int queryTimeoutSeconds) {
        DataSource isolated = ownPool ? dataSource : new DelegatingDataSource(dataSource);
        this.jdbc = new JdbcTemplate(isolated);
        this.jdbc.setQueryTimeout(queryTimeoutSeconds);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(isolated);
        manager.setEnforceReadOnly(true);
        this.readOnly = new TransactionTemplate(manager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.readOnly.setTimeout(queryTimeoutSeconds * 2);
        this.description = description;
        this.zone = zone;
        this.pool = ownPool && dataSource instanceof AutoCloseable closeable ? closeable : null;
    }

    /** Runs {@code work} in a read-only transaction on the CRM's connection. */
    <T> T read(Function<JdbcTemplate, T> work) {
        return readOnly.execute(status -> work.apply(jdbc));
    }

    String description() {
        return description;
    }

    ZoneId zone() {
        return zone;
    }

    @Override
    public void close() throws Exception {
        if (pool != null) {
            pool.close();
        }
    }
}
