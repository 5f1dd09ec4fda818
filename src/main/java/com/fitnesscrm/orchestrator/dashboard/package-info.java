/**
 * The dashboard: what state the orchestrator is in right now (database, scheduler, version, LLM provider), read
 * live from the components themselves each time it is asked.
 */
package com.fitnesscrm.orchestrator.dashboard;
