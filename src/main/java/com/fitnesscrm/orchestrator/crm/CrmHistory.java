package com.fitnesscrm.orchestrator.crm;

import com.fitnesscrm.orchestrator.base.Coded;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A client's body measurements from {@code measurements} and {@code progress_records}, oldest first, every value in
 * its metric's canonical unit (pounds and inches converted). Bounded: at most the last
 * {@code orchestrator.crm.history-years} years and {@code orchestrator.crm.max-rows-per-source} rows per table, the
 * most recent kept; {@code truncated} says when a bound cut something off.
 *
 * @param since the earliest date read (the bound), not the first reading
 */
public record CrmHistory(long clientId, List<Reading> readings, LocalDate since, boolean truncated) {

    public CrmHistory {
        readings = readings.stream().sorted(Comparator.comparing(Reading::date)).toList();
    }

    public static CrmHistory empty(long clientId) {
        return new CrmHistory(clientId, List.of(), null, false);
    }

    public boolean isEmpty() {
        return readings.isEmpty();
    }

    /** How many readings came from this table. */
    public int count(Source source) {
        return (int) readings.stream().filter(r -> r.source() == source).count();
    }

    /** The date of the latest reading of any metric. */
    public Optional<LocalDate> lastDate() {
        return readings.isEmpty() ? Optional.empty() : Optional.of(readings.get(readings.size() - 1).date());
    }

    /**
     * One value of one metric on one day (the day in the gym's time zone).
     *
     * @param value         in {@link CrmMetric#unit()}
     * @param recordedValue as the CRM stores it
     * @param recordedUnit  the CRM's unit for it ({@code lbs}, {@code inches}, …), or the canonical unit when the CRM
     *                      names none
     */
    public record Reading(LocalDate date, CrmMetric metric, double value, Source source, double recordedValue,
                          String recordedUnit) {
    }

    /** The table a reading comes from; {@code code()} is the table's name. */
    public enum Source implements Coded {
        MEASUREMENTS, PROGRESS_RECORDS
    }
}
