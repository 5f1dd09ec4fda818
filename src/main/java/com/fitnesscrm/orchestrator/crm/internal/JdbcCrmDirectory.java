package com.fitnesscrm.orchestrator.crm.internal;

import com.fitnesscrm.orchestrator.crm.CrmClient;
import com.fitnesscrm.orchestrator.crm.CrmClientMatch;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmGoal;
import com.fitnesscrm.orchestrator.crm.CrmHistory;
import com.fitnesscrm.orchestrator.crm.CrmRecurringSession;
import com.fitnesscrm.orchestrator.crm.CrmSession;
import com.fitnesscrm.orchestrator.crm.CrmStatus;
import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Placeholder while the JDBC reader is written: behaves as a database without CRM tables. */
@Component
class JdbcCrmDirectory implements CrmDirectory {

    @Override
    public List<CrmClientMatch> searchClients(String text, Long trainerIdFirst, int limit) {
        return List.of();
    }

    @Override
    public Optional<CrmClient> client(long id) {
        return Optional.empty();
    }

    @Override
    public Optional<CrmTrainer> trainerByEmail(String email) {
        return Optional.empty();
    }

    @Override
    public Optional<CrmTrainer> trainer(long id) {
        return Optional.empty();
    }

    @Override
    public List<CrmTrainer> trainers() {
        return List.of();
    }

    @Override
    public Set<Long> assignedClientIds(long trainerId) {
        return Set.of();
    }

    @Override
    public CrmHistory history(long clientId) {
        return CrmHistory.empty(clientId);
    }

    @Override
    public List<CrmSession> sessions(long clientId, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<CrmSession> trainerSessions(long trainerId, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<CrmRecurringSession> recurringSessions(long clientId) {
        return List.of();
    }

    @Override
    public List<CrmGoal> goals(long clientId) {
        return List.of();
    }

    @Override
    public CrmStatus status() {
        return new CrmStatus(false, "app database", ZoneOffset.UTC, List.of(), Map.of(), Map.of(), List.of(), null,
                null, null);
    }

    @Override
    public CrmStatus refresh() {
        return status();
    }
}
