/**
 * Who may use the orchestrator: users stored in PostgreSQL with BCrypt hashes, the roles ADMIN and TRAINER, login
 * and logout, the Users view, and the security filter chains for the web UI, {@code /api/**} and Actuator.
 * <p>
 * {@link com.fitnesscrm.orchestrator.security.UserService} is the API other code and the UI call; it is secured
 * with method security as well as by the views' own annotations.
 */
package com.fitnesscrm.orchestrator.security;
