/**
 * The Health Checker's rules: {@link com.fitnesscrm.orchestrator.health.engine.HealthEngine#evaluate} turns what the
 * probes measured ({@link com.fitnesscrm.orchestrator.health.engine.HealthReadings}) into a status per component.
 * Plain Java: no Spring, no database, no clock of its own.
 */
package com.fitnesscrm.orchestrator.health.engine;
