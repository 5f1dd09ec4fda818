package com.fitnesscrm.orchestrator.progress;

import com.fitnesscrm.orchestrator.crm.CrmGoal;
import com.fitnesscrm.orchestrator.crm.CrmHistory;
import com.fitnesscrm.orchestrator.crm.CrmSession;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Session;
import com.fitnesscrm.orchestrator.progress.ProgressInput.SessionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the CRM holds of one client, in the Progress Monitor's terms: readings per source table, sessions, and the
 * CRM's goals as stored. Metrics the engine has no counterpart for (calf) and sessions whose status says nothing
 * about attendance are left out.
 */
record ClientRecords(String clientName, List<Reading> measurements, List<Reading> progressRecords,
                     List<Session> sessions, List<CrmGoal> goals) {

    static final ClientRecords NONE = new ClientRecords(null, List.of(), List.of(), List.of(), List.of());

    ClientRecords {
        measurements = List.copyOf(measurements);
        progressRecords = List.copyOf(progressRecords);
        sessions = List.copyOf(sessions);
        goals = List.copyOf(goals);
    }

    boolean isEmpty() {
        return measurements.isEmpty() && progressRecords.isEmpty() && sessions.isEmpty() && goals.isEmpty();
    }

    static ClientRecords of(String clientName, CrmHistory history, List<CrmSession> sessions, List<CrmGoal> goals) {
        List<Reading> measurements = new ArrayList<>();
        List<Reading> records = new ArrayList<>();
        for (CrmHistory.Reading reading : history.readings()) {
            Optional<Metric> metric = Metric.byName(reading.metric().code());
            if (metric.isEmpty()) {
                continue;
            }
            Reading converted = new Reading(reading.date(), metric.get(), reading.value());
            (reading.source() == CrmHistory.Source.MEASUREMENTS ? measurements : records).add(converted);
        }
        List<Session> attended = new ArrayList<>();
        for (CrmSession session : sessions) {
            SessionStatus status = switch (session.status()) {
                case COMPLETED -> SessionStatus.COMPLETED;
                case CANCELLED -> SessionStatus.CANCELLED;
                case NO_SHOW -> SessionStatus.NO_SHOW;
                case SCHEDULED -> SessionStatus.SCHEDULED;
                case OTHER -> null;
            };
            if (status != null) {
                attended.add(new Session(session.start().toLocalDate(), status));
            }
        }
        return new ClientRecords(clientName, measurements, records, attended, goals);
    }
}
