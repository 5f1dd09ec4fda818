/**
 * The FitnessCRM main backend's own data, read-only: clients, trainers, assignments, sessions, recurring sessions,
 * measurements, progress records and goals, as typed records in canonical units (kg, cm, %, bpm) and with the gym's
 * time zone applied.
 *
 * <p>{@link com.fitnesscrm.orchestrator.crm.CrmDirectory} is what agents and services call (no method security: agent
 * runs have no signed-in user); {@link com.fitnesscrm.orchestrator.crm.CrmService} is the same for views, secured.
 * Nothing here ever throws to a user because the CRM is missing: with no CRM tables every lookup is empty and
 * {@link com.fitnesscrm.orchestrator.crm.CrmStatus} says why. Every query runs in a read-only transaction; SQL lives
 * only in {@code crm.internal}. See docs/decisions/0013-crm-read-only.md.
 */
package com.fitnesscrm.orchestrator.crm;
