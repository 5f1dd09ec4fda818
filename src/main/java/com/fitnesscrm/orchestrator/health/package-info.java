/**
 * Health: whether the orchestrator can work right now — its database, its scheduler, its version and the LLM
 * provider — read live from the components themselves each time it is asked. It owns {@code GET /api/health} for
 * monitors and the status the dashboard shows; the Health Checker agent's scheduled checks grow here.
 */
package com.fitnesscrm.orchestrator.health;
