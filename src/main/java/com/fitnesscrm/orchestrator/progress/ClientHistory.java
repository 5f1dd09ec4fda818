package com.fitnesscrm.orchestrator.progress;

import java.time.LocalDate;
import java.util.Map;

/**
 * A CRM client's history as the Client progress view loads it with one click: the measurements as the view's CSV
 * (still editable), and the client's first open body-metric goal from the CRM's {@code goals}, if any.
 *
 * @param csv         {@code date,weight_kg,body_fat_pct,...}, one line a day, canonical units; the header names only
 *                    the columns that have a value
 * @param goalMetric  the goal's metric, or {@code null} when the CRM has no body-metric goal
 * @param target      the goal's target in the metric's unit, or {@code null}
 * @param byDate      the goal's target date, or {@code null}
 * @param sources     readings per source: {@code measurements}, {@code progress_records}, {@code sessions}
 * @param lastReading the latest day measured, or {@code null}
 * @param stale       the latest reading is older than {@link ProgressReport#STALE_AFTER_DAYS} days
 */
public record ClientHistory(long clientId, String clientName, String csv, Metric goalMetric, Double target,
                            LocalDate byDate, Map<String, Integer> sources, LocalDate lastReading, boolean stale) {
}
