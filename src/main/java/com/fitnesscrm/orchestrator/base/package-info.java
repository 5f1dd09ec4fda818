/**
 * What every feature shares and that depends on no feature: the main layout, the database wiring (embedded or
 * external PostgreSQL), start-up configuration errors, and the problem+json helpers.
 */
package com.fitnesscrm.orchestrator.base;
