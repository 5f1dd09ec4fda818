/**
 * Schedules (issue 17): admins run an agent (later a workflow, named by its target) on a cron expression in a time
 * zone ({@link com.fitnesscrm.orchestrator.schedules.ScheduleService}, {@code /api/schedules}, the Schedules view).
 * Each is a row of {@code ai_schedules} and a Quartz job and cron trigger in the clustered JDBC store, so that a
 * firing happens once in the cluster and survives restarts; a firing queues an async run recorded as
 * {@code schedule:<id>}, unless its previous run still goes and overlaps are skipped (docs/decisions/0025).
 */
package com.fitnesscrm.orchestrator.schedules;
