package com.fitnesscrm.orchestrator.crm;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The CRM connection as the dashboard shows it.
 *
 * @param found         whether any CRM table was found (false: the agents work from their requests alone)
 * @param source        where the CRM is read: {@code "app database"} or the host/database of {@code CRM_DATABASE_URL}
 *                      (never the password)
 * @param timeZone      the gym's zone, {@code CRM_TIME_ZONE}
 * @param tables        the CRM tables found, in a fixed order
 * @param rowCounts     rows per table found, counted at the last discovery ({@code -1}: the count failed)
 * @param missingColumns per table found, the columns we read that it lacks
 * @param degraded      one sentence per feature that works less well because of a missing table or column
 * @param lastDiscovery when tables and columns were last looked up, or {@code null} before the first time
 * @param lastRead      when any client data was last read, or {@code null} if never
 * @param error         why the CRM could not be reached at the last discovery, or {@code null}
 */
public record CrmStatus(boolean found, String source, ZoneId timeZone, List<String> tables,
                        Map<String, Long> rowCounts, Map<String, List<String>> missingColumns, List<String> degraded,
                        Instant lastDiscovery, Instant lastRead, String error) {

    public CrmStatus {
        tables = List.copyOf(tables);
        rowCounts = Map.copyOf(rowCounts);
        missingColumns = Map.copyOf(missingColumns);
        degraded = List.copyOf(degraded);
    }

    /** The tables the CRM feature reads, in the order the dashboard lists them. */
    public static final List<String> TABLES = List.of("clients", "trainers", "assignments", "sessions",
            "recurring_sessions", "measurements", "progress_records", "goals");
}
