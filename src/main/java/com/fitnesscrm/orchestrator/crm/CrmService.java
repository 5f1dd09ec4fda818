package com.fitnesscrm.orchestrator.crm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * {@link CrmDirectory} for views and controllers, behind method security: people and keys that may read see the
 * CRM's clients; the connection's status and a manual refresh are for admins. Transactions are the directory's own
 * (read-only, on the CRM's connection), so none is opened here.
 *
 * <p>The expressions are {@code security.Permissions}' READ and ADMIN spelt out: the Users view (in {@code security})
 * links users to CRM trainers through this class, so {@code crm} must not depend on {@code security}.
 */
@Service
@PreAuthorize(CrmService.READ)
public class CrmService {

    static final String READ = "hasAnyRole('ADMIN','TRAINER') or hasAuthority('SCOPE_read')";
    static final String ADMIN = "hasRole('ADMIN') or hasAuthority('SCOPE_admin')";

    private final CrmDirectory directory;

    CrmService(CrmDirectory directory) {
        this.directory = directory;
    }

    /** @see CrmDirectory#searchClients */
    public List<CrmClientMatch> searchClients(String text, Long trainerIdFirst, int limit) {
        return directory.searchClients(text, trainerIdFirst, limit);
    }

    public Optional<CrmClient> client(long id) {
        return directory.client(id);
    }

    public Optional<CrmTrainer> trainerByEmail(String email) {
        return directory.trainerByEmail(email);
    }

    public Optional<CrmTrainer> trainer(long id) {
        return directory.trainer(id);
    }

    public List<CrmTrainer> trainers() {
        return directory.trainers();
    }

    public Set<Long> assignedClientIds(long trainerId) {
        return directory.assignedClientIds(trainerId);
    }

    public CrmHistory history(long clientId) {
        return directory.history(clientId);
    }

    public List<CrmSession> sessions(long clientId, Instant from, Instant to) {
        return directory.sessions(clientId, from, to);
    }

    public List<CrmGoal> goals(long clientId) {
        return directory.goals(clientId);
    }

    /** The dashboard's CRM card. */
    @PreAuthorize(ADMIN)
    public CrmStatus status() {
        return directory.status();
    }

    @PreAuthorize(ADMIN)
    public CrmStatus refresh() {
        return directory.refresh();
    }
}
