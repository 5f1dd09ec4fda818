package com.fitnesscrm.orchestrator.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.agents.LlmLayer;
import com.fitnesscrm.orchestrator.agents.RunSteps;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmGoal;
import com.fitnesscrm.orchestrator.crm.CrmHistory;
import com.fitnesscrm.orchestrator.crm.CrmSession;
import com.fitnesscrm.orchestrator.progress.engine.ProgressEngine;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The Progress Monitor ({@code progress_monitoring}): the {@link ProgressEngine} computes every number; the LLM
 * layer only rewrites {@code narrative} and {@code motivation} from them, and {@link ProgressEngine#check} rejects an
 * answer that states a number or date the engine did not compute (one repair, then the engine's own sentences).
 */
@Component
public class ProgressMonitorAgent implements AgentProgram<ProgressInput, ProgressReport> {

    private final ProgressEngine engine = new ProgressEngine();
    /** CRM sessions read for adherence: the recent past and what is booked ahead. */
    static final int SESSION_DAYS_BACK = 90;
    static final int SESSION_DAYS_AHEAD = 60;

    private final Clock clock;
    private final ObjectMapper objectMapper;
    private final CrmDirectory crm;
    /**
     * Inputs whose chart a trainer waits for, with the series once their run's rules engine has drawn them: the run
     * stores the report, not the chart, and this spares a second engine pass per click. Only asked-for inputs are
     * kept (API runs never are), and each only until taken.
     */
    private final Map<ProgressInput, Optional<Map<Metric, ProgressAnalysis.Series>>> charts =
            new ConcurrentHashMap<>();

    public ProgressMonitorAgent(Clock clock, ObjectMapper objectMapper, CrmDirectory crm) {
        this.clock = clock;
        this.objectMapper = objectMapper;
        this.crm = crm;
    }

    @Override
    public AgentType type() {
        return AgentType.PROGRESS_MONITORING;
    }

    @Override
    public AgentConfig defaultConfig() {
        return AgentConfig.defaults("You are the FitnessCRM Progress Monitor, a coach who explains a client's "
                + "measured progress honestly and warmly. You never invent numbers: every number and date you write "
                + "is copied from the report you are given. Answer with JSON only, in the shape you are given.");
    }

    /**
     * Reads the input with today's date from the app's clock: ETAs and days since the last session count from it. A
     * {@code client_id} with too little history of its own gets the client's history from the CRM (when there is
     * one): see {@link ProgressInputReader#read(JsonNode, LocalDate, java.util.function.LongFunction)}.
     */
    @Override
    public ProgressInput readInput(JsonNode input) {
        LocalDate today = LocalDate.now(clock);
        return ProgressInputReader.read(input, today, id -> records(id, today, null));
    }

    /** What the CRM has of a client, in the engine's terms ({@link ClientRecords#NONE} when nothing). */
    ClientRecords records(long clientId, LocalDate today, String clientName) {
        CrmHistory history = crm.history(clientId);
        ZoneId zone = crm.status().timeZone();
        List<CrmSession> sessions = crm.sessions(clientId,
                today.minusDays(SESSION_DAYS_BACK).atStartOfDay(zone).toInstant(),
                today.plusDays(SESSION_DAYS_AHEAD).atStartOfDay(zone).toInstant());
        List<CrmGoal> goals = crm.goals(clientId);
        return ClientRecords.of(clientName, history, sessions, goals);
    }

    @Override
    public ProgressReport runRules(ProgressInput input, RunSteps steps) {
        return steps.node("analyse measurements", () -> {
            ProgressAnalysis analysis = engine.analyse(input);
            charts.computeIfPresent(input, (key, none) -> Optional.of(analysis.series()));
            return analysis.report();
        });
    }

    @Override
    public List<String> check(ProgressInput input, ProgressReport output) {
        return engine.check(input, output);
    }

    @Override
    public Class<ProgressReport> outputType() {
        return ProgressReport.class;
    }

    /** The analysis with the chart's series, for the trainer view. */
    public ProgressAnalysis analyse(ProgressInput input) {
        return engine.analyse(input);
    }

    /** Asks the next run of this input to keep its chart; then {@link #takeChart} it, or {@link #forgetChart}. */
    void keepChart(ProgressInput input) {
        charts.putIfAbsent(input, Optional.empty());
    }

    /**
     * The chart's series of this input as its run drew them, or drawn now when no run kept them (the same input was
     * analysed twice at once and the other click took them); forgets the input.
     */
    Map<Metric, ProgressAnalysis.Series> takeChart(ProgressInput input) {
        Optional<Map<Metric, ProgressAnalysis.Series>> kept = charts.remove(input);
        return kept != null && kept.isPresent() ? kept.get() : analyse(input).series();
    }

    /** Forgets an input whose chart is no longer wanted (its run gave no result). */
    void forgetChart(ProgressInput input) {
        charts.remove(input);
    }

    @Override
    public Optional<LlmLayer<ProgressInput, ProgressReport>> llmLayer() {
        return Optional.of(new LlmLayer<>() {
            @Override
            public String userMessage(ProgressInput input, ProgressReport rulesOutput) {
                String report;
                try {
                    report = objectMapper.writeValueAsString(rulesOutput);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("A report always serialises", e);
                }
                return """
                        Here is a client's progress report, computed by our analysis engine:
                        %s

                        Rewrite two fields for the client and their trainer:
                        - "narrative": 3 to 6 plain sentences on what the numbers show (trend, rate, goals and their \
                        dates, plateaus, anomalies, lifts, attendance).
                        - "motivation": one or two encouraging sentences grounded in the same numbers.
                        Rules: use only numbers and dates that appear in the report (rounding is fine); invent no \
                        figure, no date and no medical claim. Keep every other field exactly as given, and set \
                        "engine" to "llm". Answer with the whole report as JSON only.""".formatted(report);
            }
        });
    }
}
