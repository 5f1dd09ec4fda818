/**
 * The dashboard: the first view after sign-in, showing what state the orchestrator is in right now (from the health
 * feature) and the CRM connection (from the crm feature). It owns no data and no endpoint of its own.
 */
package com.fitnesscrm.orchestrator.dashboard;
