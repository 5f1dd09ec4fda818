/**
 * Health: whether the orchestrator can work right now — its database, its scheduler, its version and the LLM
 * provider — read live from the components themselves each time it is asked. It owns {@code GET /api/health} for
 * monitors and the status the dashboard shows ({@link com.fitnesscrm.orchestrator.health.SystemStatusService}), and the
 * Health Checker: {@link com.fitnesscrm.orchestrator.health.HealthChecker} measures every component (probes in
 * {@code internal}), judges each healthy, warning or critical ({@code engine}), keeps the checks in
 * {@code ai_system_health} on a schedule and answers {@code GET /api/health-status}; after each check it heals what
 * is safe to heal ({@link com.fitnesscrm.orchestrator.health.SelfHealingService}: the remediation log, undo;
 * {@code SELF_HEALING}); alerts a person of each change and recovery by webhook and e-mail
 * ({@code internal.HealthAlerts}, {@code ai_health_alerts}); and shows admins the Health view ({@code ui})
 * (docs/decisions/0021).
 */
package com.fitnesscrm.orchestrator.health;
