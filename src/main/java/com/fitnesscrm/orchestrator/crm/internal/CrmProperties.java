package com.fitnesscrm.orchestrator.crm.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orchestrator.crm.*}: where the main backend's tables are read and how much of them.
 *
 * @param enabled           false: behave as if there were no CRM tables
 * @param databaseUrl       {@code CRM_DATABASE_URL}; empty: the app's own database
 * @param timeZone          {@code CRM_TIME_ZONE}: the zone the CRM's zone-less timestamps are in
 * @param refresh           how often tables and columns are looked up again
 * @param historyYears      how far back a client's history is read
 * @param maxRowsPerSource  most rows read per table per request (the newest are kept)
 * @param queryTimeout      longest a single CRM query may take
 * @param poolSize          connections of the separate pool (only with {@code databaseUrl})
 */
@ConfigurationProperties("orchestrator.crm")
record CrmProperties(@DefaultValue("true") boolean enabled, String databaseUrl, @DefaultValue("UTC") String timeZone,
                     @DefaultValue("5m") Duration refresh, @DefaultValue("5") int historyYears,
                     @DefaultValue("5000") int maxRowsPerSource, @DefaultValue("10s") Duration queryTimeout,
                     @DefaultValue("3") int poolSize) {
}
