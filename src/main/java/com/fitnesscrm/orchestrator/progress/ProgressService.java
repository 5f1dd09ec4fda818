package com.fitnesscrm.orchestrator.progress;

import com.fitnesscrm.orchestrator.base.Numbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.crm.CrmClient;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.TypedRun;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import com.fitnesscrm.orchestrator.security.Permissions;
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
 * Runs of the Progress Monitor: the trainer view's analysis (the run's report plus the chart series its rules engine
 * drew, so one engine pass per click) and the main backend's prediction; and a client's history from the CRM.
 */
@Service
@PreAuthorize(Permissions.EXECUTE)
public class ProgressService {

    private final RunService runs;
    private final ProgressMonitorAgent agent;
    private final CrmDirectory crm;
    private final Clock clock;

    ProgressService(RunService runs, ProgressMonitorAgent agent, CrmDirectory crm, Clock clock) {
        this.runs = runs;
        this.agent = agent;
        this.crm = crm;
        this.clock = clock;
    }

    /**
     * Analyses a trainer's input as a recorded run; the chart comes from that run's engine pass, not a second one.
     *
     * @throws com.fitnesscrm.orchestrator.base.InvalidInputException naming the field the input breaks
     * @throws com.fitnesscrm.orchestrator.execution.RunNotSucceeded the run gave no result
     */
    public TrainerAnalysis analyse(JsonNode input) {
        // Read here first to know the input the run will read, and ask its engine pass to keep the chart. A bad input
        // is left to the run, which records the refusal and names the field.
        ProgressInput read = readOrNull(input);
        if (read != null) {
            agent.keepChart(read);
        }
        TypedRun<ProgressReport> run;
        try {
            run = runs.run(RunRequest.forTaskType(AgentType.PROGRESS_MONITORING.code(), input),
                    ProgressReport.class);
        } catch (RuntimeException e) {
            if (read != null) {
                agent.forgetChart(read);
            }
            throw e;
        }
        ProgressInput charted = read != null ? read : agent.readInput(input);
        return new TrainerAnalysis(run.id(), run.engine(), run.output(), agent.takeChart(charted));
    }

    private ProgressInput readOrNull(JsonNode input) {
        try {
            return agent.readInput(input);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The main backend's prediction: a run of the Progress Monitor, once per {@code idempotencyKey} (may be null).
     *
     * @throws com.fitnesscrm.orchestrator.base.InvalidInputException naming the field the input breaks
     * @throws com.fitnesscrm.orchestrator.execution.RunNotSucceeded the run gave no result
     */
    public TypedRun<ProgressReport> predict(JsonNode input, String idempotencyKey) {
        return runs.run(RunRequest.forTaskType(AgentType.PROGRESS_MONITORING.code(), input)
                .withIdempotencyKey(idempotencyKey), ProgressReport.class);
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
