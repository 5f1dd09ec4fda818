package com.fitnesscrm.orchestrator.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.TypedRun;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.security.Permissions;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Runs of Scheduling Intelligence: slot suggestions for the main backend's endpoint and the trainer view. */
@Service
@PreAuthorize(Permissions.EXECUTE)
public class SchedulingService {

    private final RunService runs;
    private final CrmDirectory crm;

    SchedulingService(RunService runs, CrmDirectory crm) {
        this.runs = runs;
        this.crm = crm;
    }

    /**
     * Suggests slots as a recorded run, once per {@code idempotencyKey} (may be null).
     *
     * @throws com.fitnesscrm.orchestrator.base.InvalidInputException naming the field the input breaks
     * @throws com.fitnesscrm.orchestrator.execution.RunNotSucceeded the run gave no result
     */
    public TypedRun<SchedulingOutput> suggest(JsonNode input, String idempotencyKey) {
        return runs.run(RunRequest.forTaskType(AgentType.SCHEDULING.code(), input).withIdempotencyKey(idempotencyKey),
                SchedulingOutput.class);
    }

    /**
     * The trainer's CRM sessions starting in [{@code from}, {@code to}), as the engine sees them (the Schedule view's
     * week); empty without a CRM.
     */
    public List<Booking> trainerSessions(long trainerId, Instant from, Instant to) {
        return crm.trainerSessions(trainerId, from, to).stream().map(SchedulingAgent::booking).toList();
    }
}
