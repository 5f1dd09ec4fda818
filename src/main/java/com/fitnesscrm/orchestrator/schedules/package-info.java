/**
 * Schedules (issue 17): admins run an agent (later a workflow, named by its target) on a cron expression in a time
 * zone, stored by Quartz in its clustered JDBC store so that each firing happens once in the cluster. This package so
 * far holds the schedule's definition and how it becomes a Quartz {@link org.quartz.CronTrigger}
 * ({@link com.fitnesscrm.orchestrator.schedules.ScheduleTriggers}); the service, the REST API and the view are to come.
 */
package com.fitnesscrm.orchestrator.schedules;
