package com.fitnesscrm.orchestrator.progress;

import com.fitnesscrm.orchestrator.base.Numbers;
import com.fitnesscrm.orchestrator.progress.ProgressReport.GoalForecast;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The main backend's {@code {prediction, estimated_weeks, confidence}} from a report's first goal, with real
 * numbers: weeks until the expected date, and a confidence that shrinks as the date range widens (halved when the
 * dates are assumed safe rates rather than a measured trend). See docs/decisions/0009-progress-monitor.md.
 *
 * <p>{@code basis}: {@code measured_trend} (the request's own history), {@code crm_history} (a trend measured on the
 * client's history read from the CRM; with a goal {@code stale} or without date also when the CRM was read),
 * {@code safe_rate} (no trend: assumed rates).
 *
 * @param estimatedWeeks {@code null} when there is no date (plateau, wrong direction, no goal); 0 when reached
 * @param confidence     0–1; {@code null} with no date
 * @param status         the first goal's status; with no goal {@code insufficient_data} when nothing could be
 *                       measured, else {@code null}
 */
@com.fasterxml.jackson.databind.annotation.JsonNaming(com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProgressPrediction(String prediction, Double estimatedWeeks, Double earliestWeeks,
                                 Double latestWeeks, Double confidence, String status, String basis,
                                 LocalDate estimatedDate) {

    public static ProgressPrediction of(ProgressReport report) {
        if (report.goals().isEmpty()) {
            String first = report.insights().isEmpty() ? "No measurements to analyse." : report.insights().get(0);
            // Nothing measured at all (no trend of a metric or a lift): say it in the status too, not only in words.
            boolean measured = report.metrics().values().stream().anyMatch(m -> m.weeklyRate() != null)
                    || report.lifts().stream().anyMatch(l -> l.weeklyRateKg() != null || l.stalled());
            return new ProgressPrediction(first + " No goal was given, so there is no date to predict.", null, null,
                    null, null, measured ? null : "insufficient_data", null, null);
        }
        GoalForecast goal = report.goals().get(0);
        // Where the data came from when the CRM's history was used, unless the dates are assumed safe rates.
        boolean crm = ProgressReport.CRM_HISTORY.equals(report.basis());
        if (goal.status().equals("reached")) {
            return new ProgressPrediction(goal.note(), 0.0, 0.0, 0.0, 1.0, goal.status(),
                    crm ? ProgressReport.CRM_HISTORY : "measured_trend", report.asOf());
        }
        if (goal.eta() == null) {
            return new ProgressPrediction(goal.note(), null, null, null, null, goal.status(),
                    crm ? ProgressReport.CRM_HISTORY : null, null);
        }
        LocalDate asOf = report.asOf();
        double expected = weeks(asOf, goal.eta().expected());
        double earliest = weeks(asOf, goal.eta().earliest());
        double latest = weeks(asOf, goal.eta().latest());
        // Width relative to the distance ahead: a ±10% range is confident, a range as wide as the wait is not.
        double relativeWidth = (latest - earliest) / Math.max(expected, 1);
        double confidence = 1 / (1 + relativeWidth);
        boolean assumed = goal.eta().basis().equals("safe_rate");
        if (assumed) {
            confidence /= 2;
        }
        String label = Metric.byName(goal.metric()).map(Metric::label).orElse(goal.metric());
        String prediction = (assumed ? "Assuming a safe rate, " : "At the measured rate, ") + label + " reaches "
                + Numbers.plain(goal.target()) + " " + goal.unit() + " in about " + Numbers.plain(Numbers.round(
                expected, 1)) + " weeks (" + goal.eta().expected() + "; between " + goal.eta().earliest() + " and "
                + goal.eta().latest() + "). " + goal.note();
        return new ProgressPrediction(prediction, Numbers.round(expected, 1), Numbers.round(earliest, 1),
                Numbers.round(latest, 1), Numbers.round(confidence, 2), goal.status(),
                crm && !assumed ? ProgressReport.CRM_HISTORY : goal.eta().basis(), goal.eta().expected());
    }

    private static double weeks(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / 7.0;
    }
}
