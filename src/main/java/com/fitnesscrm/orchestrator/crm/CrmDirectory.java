package com.fitnesscrm.orchestrator.crm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The main backend's data, read-only, for agents and services. Every method answers from what the CRM has: a table or
 * column it lacks gives empty results (and a line in {@link #status()}), never an exception; so does a CRM that cannot
 * be reached (logged, counted in the status). Every read is bounded; none writes.
 *
 * <p>No method security: agents call this from runs that have no signed-in user. Views use {@link CrmService}.
 */
public interface CrmDirectory {

    /** Default and largest {@code limit} of {@link #searchClients}. */
    int MAX_SEARCH_RESULTS = 50;

    /**
     * Clients whose name or e-mail contains {@code text} (case-insensitive; blank: all clients), at most {@code limit}
     * (capped at {@value #MAX_SEARCH_RESULTS}). With {@code trainerIdFirst}, that trainer's assigned clients come
     * first (flagged); then by name.
     */
    List<CrmClientMatch> searchClients(String text, Long trainerIdFirst, int limit);

    Optional<CrmClient> client(long id);

    /** The trainer with this e-mail, case-insensitive (how a user of ours is linked to a CRM trainer). */
    Optional<CrmTrainer> trainerByEmail(String email);

    Optional<CrmTrainer> trainer(long id);

    /** Every trainer, by name (bounded: at most 1,000). */
    List<CrmTrainer> trainers();

    /** The clients with an assignment to this trainer that is not ended ({@code status} null or active-like). */
    Set<Long> assignedClientIds(long trainerId);

    /** The client's measurements and progress records, unit-normalised, bounded (see {@link CrmHistory}). */
    CrmHistory history(long clientId);

    /**
     * The client's sessions starting in [{@code from}, {@code to}), oldest first, at most
     * {@code orchestrator.crm.max-rows-per-source}; either bound may be null (open).
     */
    List<CrmSession> sessions(long clientId, Instant from, Instant to);

    /** A trainer's sessions starting in [{@code from}, {@code to}), as {@link #sessions}. */
    List<CrmSession> trainerSessions(long trainerId, Instant from, Instant to);

    /**
     * Every client's sessions starting in [{@code from}, {@code to}), as {@link #sessions}: the newest
     * {@code orchestrator.crm.max-rows-per-source} of them (the gym's show-up rates).
     */
    List<CrmSession> allSessions(Instant from, Instant to);

    /** The client's standing bookings (active or not), newest first. */
    List<CrmRecurringSession> recurringSessions(long clientId);

    /** The client's goals, open ones first, then by target date. */
    List<CrmGoal> goals(long clientId);

    /** Found or not, which tables, row counts, time of the last read, what is degraded. Cheap: no query. */
    CrmStatus status();

    /** Looks up tables and columns again now (also done at start and every {@code orchestrator.crm.refresh}). */
    CrmStatus refresh();
}
