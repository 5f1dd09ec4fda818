package com.fitnesscrm.orchestrator.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.crm.CrmClient;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.execution.Execution;
import com.fitnesscrm.orchestrator.execution.ExecutionService;
import com.fitnesscrm.orchestrator.execution.ExecutionStatus;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.security.Permissions;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
    private final CrmDirectory crm;
    private final Clock clock;

    ProgressService(ExecutionService executions, ProgressMonitorAgent agent, ObjectMapper objectMapper,
                    CrmDirectory crm, Clock clock) {
        this.executions = executions;
        this.agent = agent;
        this.objectMapper = objectMapper;
        this.crm = crm;
        this.clock = clock;
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
    public Optional<ClientHistory> clientHistory(long clientId) {
        Optional<CrmClient> client = crm.client(clientId);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        ClientRecords records = agent.records(clientId, today, client.get().name());
        List<Reading> readings = new ArrayList<>();
        List<ProgressInput.Session> sessions = new ArrayList<>();
        Map<String, Integer> sources = new LinkedHashMap<>();
        ProgressInputReader.merge(readings, sessions, records, today, sources);
        if (readings.isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = readings.stream().map(Reading::date).max(LocalDate::compareTo).orElseThrow();
        var goal = GoalCategories.fromCrm(records.goals(), readings).stream().findFirst()
                .map(GoalCategories.Mapped::goal);
        return Optional.of(new ClientHistory(clientId, client.get().name(), csv(readings),
                goal.map(ProgressInput.Goal::metric).orElse(null), goal.map(g -> Numbers.round(g.target(), 2))
                .orElse(null), goal.map(ProgressInput.Goal::byDate).orElse(null), sources, last,
                last.until(today, ChronoUnit.DAYS) > ProgressReport.STALE_AFTER_DAYS));
    }

    /** One line a day, a column per metric measured, in the CSV the Client progress view reads back. */
    static String csv(List<Reading> readings) {
        Map<LocalDate, Map<Metric, Double>> days = new TreeMap<>();
        for (Reading reading : readings) {
            days.computeIfAbsent(reading.date(), d -> new EnumMap<>(Metric.class))
                    .putIfAbsent(reading.metric(), reading.value());
        }
        List<Metric> columns = Arrays.stream(Metric.values())
                .filter(metric -> readings.stream().anyMatch(r -> r.metric() == metric)).toList();
        StringBuilder csv = new StringBuilder("date");
        columns.forEach(metric -> csv.append(',').append(metric.code()));
        days.forEach((day, values) -> {
            csv.append('\n').append(day);
            for (Metric metric : columns) {
                Double value = values.get(metric);
                csv.append(',').append(value == null ? "" : Numbers.plain(Numbers.round(value, 2)));
            }
        });
        return csv.append('\n').toString();
    }
}
