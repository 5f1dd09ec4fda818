/**
 * Metrics: whether the AI is worth it. A clustered Quartz job rolls the runs up per agent, hour and day into
 * {@code ai_agent_metrics} ({@link com.fitnesscrm.orchestrator.metrics.MetricType}); the dashboard, {@code GET
 * /api/metrics} and the health checks read those roll-ups ({@link com.fitnesscrm.orchestrator.metrics.MetricsReader}),
 * never raw runs. People vote on results ({@code POST /api/feedback}, the thumbs in the views, {@code ai_feedback}),
 * retention trims old runs' payloads, admins schedule agents on cron expressions, and Prometheus sees the same
 * numbers under {@code /actuator/prometheus}.
 */
package com.fitnesscrm.orchestrator.metrics;
