package com.fitnesscrm.orchestrator.progress;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The Progress Monitor's answer: the JSON the main backend and the views read. Every number is the engine's; the LLM layer
 * may only rewrite {@code narrative} and {@code motivation}, and {@code ProgressEngine.check} holds it to that.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProgressReport(String clientId, LocalDate asOf, Map<String, MetricAnalysis> metrics,
                             List<GoalForecast> goals, List<LiftTrend> lifts, Adherence adherence,
                             List<String> insights, String narrative, String motivation, String engine,
                             String basis, Map<String, Integer> sources) {

    /**
     * A series whose last reading is older than this is not today's trend: its goals are {@code stale}, no ETA. Here
     * rather than in the engine because the views and the input reader judge staleness too.
     */
    public static final int STALE_AFTER_DAYS = 28;

    /** {@link #basis()} when the CRM's history was merged in. */
    public static final String CRM_HISTORY = "crm_history";
    /** {@link #basis()} when everything came from the request. */
    public static final String REQUEST = "request";

    /**
     * @param basis   where the data came from: {@code request}, or {@code crm_history} when the client's history was
     *                read from the CRM and merged with the request
     * @param sources readings per source: {@code request}, {@code measurements}, {@code progress_records},
     *                {@code sessions}
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public ProgressReport {
    }

    /** A report of data from the request alone. */
    public ProgressReport(String clientId, LocalDate asOf, Map<String, MetricAnalysis> metrics,
                          List<GoalForecast> goals, List<LiftTrend> lifts, Adherence adherence, List<String> insights,
                          String narrative, String motivation, String engine) {
        this(clientId, asOf, metrics, goals, lifts, adherence, insights, narrative, motivation, engine, REQUEST,
                null);
    }

    public ProgressReport withText(String newNarrative, String newMotivation, String newEngine) {
        return new ProgressReport(clientId, asOf, metrics, goals, lifts, adherence, insights, newNarrative,
                newMotivation, newEngine, basis, sources);
    }

    /**
     * One metric's trend.
     *
     * @param currentTrend   the EMA (α = 0.1) of the first reading of each day, gaps interpolated, on the last day
     * @param weeklyRate     units a week by Theil–Sen over {@code rateWindowDays}; {@code null} with too little data
     * @param weeklyRateCi   its 95% interval {@code [low, high]} (Sen's method)
     * @param weeklyRatePct  the rate as % of the current trend a week
     * @param trendStatus    {@code measured} or {@code insufficient_data}
     * @param fastLoss       weight only: losing more than 1% of body weight a week
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MetricAnalysis(String unit, int readings, LocalDate firstDate, LocalDate lastDate,
                                 double latestValue, double currentTrend, String trendStatus, Double weeklyRate,
                                 List<Double> weeklyRateCi, Double weeklyRatePct, LocalDate rateWindowStart,
                                 Integer rateWindowDays, Change change, boolean plateau, List<Anomaly> anomalies,
                                 Boolean fastLoss) {
    }

    /** The trend now minus the trend 1, 2 and 4 weeks ago; {@code null} where the history is shorter. */
    public record Change(@JsonProperty("vs_1_week") Double vs1Week, @JsonProperty("vs_2_weeks") Double vs2Weeks,
                         @JsonProperty("vs_4_weeks") Double vs4Weeks) {
    }

    public record Anomaly(LocalDate date, double value, String reason) {
    }

    /**
     * A goal's forecast.
     *
     * @param status    {@code on_track | reached | plateau | wrong_direction | insufficient_data | stale} ({@code stale}:
     *                  the last reading is older than {@value ProgressReport#STALE_AFTER_DAYS} days, so no date)
     * @param eta       {@code null} when the status says why there is no date
     * @param note      why the dates are what they are, in a sentence
     * @param crmGoalId the CRM's {@code goals} row the goal was matched to, or {@code null}
     * @param crmStatus that row's status as the CRM has it, or {@code null}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GoalForecast(String metric, double target, String unit, LocalDate byDate, double current,
                               String status, Eta eta, Boolean meetsByDate, String note, Long crmGoalId,
                               String crmStatus) {

        @com.fasterxml.jackson.annotation.JsonCreator
        public GoalForecast {
        }

        public GoalForecast(String metric, double target, String unit, LocalDate byDate, double current,
                            String status, Eta eta, Boolean meetsByDate, String note) {
            this(metric, target, unit, byDate, current, status, eta, meetsByDate, note, null, null);
        }
    }

    /**
     * Dates the goal is reached between.
     *
     * @param basis {@code measured_trend} (from the rate interval) or {@code safe_rate} (no trend: assumed rates)
     */
    public record Eta(LocalDate earliest, LocalDate expected, LocalDate latest, String basis) {
    }

    /** Best estimated one-rep max per session of one exercise, its trend and whether it has stalled. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LiftTrend(String exercise, List<SessionBest> sessions, double bestE1rmKg, double currentE1rmKg,
                            Double weeklyRateKg, boolean stalled, String suggestion) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SessionBest(LocalDate date, double e1rmKg) {
    }

    /** Sessions up to {@code as_of}: completed of planned, and the dropout risk. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Adherence(int planned, int completed, int cancelled, int noShow, Double completionRate,
                            Integer daysSinceLastSession, int booked, String risk, List<String> reasons) {
    }
}
