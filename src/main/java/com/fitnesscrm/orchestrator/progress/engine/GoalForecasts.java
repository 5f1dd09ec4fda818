package com.fitnesscrm.orchestrator.progress.engine;

import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.base.Numbers;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Goal;
import com.fitnesscrm.orchestrator.progress.ProgressReport.Eta;
import com.fitnesscrm.orchestrator.progress.ProgressReport.GoalForecast;
import com.fitnesscrm.orchestrator.progress.ProgressReport.MetricAnalysis;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import com.fitnesscrm.orchestrator.progress.engine.RobustStats.Line;
import java.time.LocalDate;

/**
 * A goal's status and dates. Measured: the dates come from the rate's 95% interval, widened by the uncertainty of
 * the level the line starts from. Not measurable: the metric's evidence-based safe rates, saying so. No date at all
 * when the goal is reached, the trend is flat, it goes the wrong way, or the last reading is older than
 * {@value ProgressReport#STALE_AFTER_DAYS} days ({@code stale}).
 */
final class GoalForecasts {

    /** Efficiency of the median against the mean for normal data: the level's standard error is this × σ/√n. */
    private static final double MEDIAN_SE_FACTOR = 1.2533;
    /** Further than this and a date means nothing; such an ETA is cut here and said to be so. */
    private static final int MAX_DAYS = 3650;

    private GoalForecasts() {
    }

    static GoalForecast forecast(Goal goal, ProgressEngine.Fit fit, LocalDate asOf) {
        Metric metric = goal.metric();
        MetricAnalysis analysis = fit.analysis();
        double current = analysis.currentTrend();
        double target = goal.target();
        int direction = (int) Math.signum(target - fit.firstTrend());
        if (direction == 0) {
            direction = (int) Math.signum(target - current);
        }
        long idle = analysis.lastDate().until(asOf, java.time.temporal.ChronoUnit.DAYS);
        if (idle > ProgressReport.STALE_AFTER_DAYS) {
            // A trend that ended weeks ago says nothing about today: a date from it would be "today" or earlier.
            return result(goal, current, "stale", null, "No date: the last " + metric.label() + " reading is from "
                    + analysis.lastDate() + ", " + idle + " days ago; a new " + (metric == Metric.WEIGHT_KG
                    ? "weigh-in" : "measurement") + " is needed before a forecast.");
        }
        if (direction == 0 || (current - target) * direction >= 0) {
            return result(goal, current, "reached", null, "The " + metric.label() + " trend (" + Numbers.plain(current)
                    + " " + metric.unit() + ") is at or past the target of " + Numbers.plain(target) + " "
                    + metric.unit() + ".");
        }
        Line line = fit.line();
        if (line == null) {
            return safeRate(goal, current, direction, asOf, "No trend can be measured from " + analysis.readings()
                    + " reading(s)");
        }
        String interval = "[" + Numbers.plain(analysis.weeklyRateCi().get(0)) + ", "
                + Numbers.plain(analysis.weeklyRateCi().get(1)) + "] " + metric.unit() + " a week";
        if (analysis.plateau()) {
            return result(goal, current, "plateau", null, "No date: the rate's 95% interval " + interval
                    + " includes 0 over the last " + analysis.rateWindowDays() + " days.");
        }
        double slow = Math.min(line.low() * direction, line.high() * direction);
        double fast = Math.max(line.low() * direction, line.high() * direction);
        if (fast < 0) {
            return result(goal, current, "wrong_direction", null, "No date: the " + metric.label() + " is moving "
                    + "away from the target, rate interval " + interval + ".");
        }
        if (slow <= 0) {
            return safeRate(goal, current, direction, asOf, "The rate interval " + interval + " includes 0 but "
                    + "covers only " + analysis.rateWindowDays() + " days");
        }
        double rate = line.slope() * direction;
        double distance = (target - line.level()) * direction;
        double levelError = RobustStats.Z95 * MEDIAN_SE_FACTOR * line.spread() / Math.sqrt(line.n());
        LocalDate origin = fit.origin();
        LocalDate expected = date(origin, asOf, line.center() + distance / rate);
        LocalDate earliest = date(origin, asOf, line.center() + (distance - levelError) / fast);
        LocalDate latest = date(origin, asOf, line.center() + (distance + levelError) / slow);
        Eta eta = new Eta(earliest, expected, latest, "measured_trend");
        String note = "Dates from the measured rate " + Numbers.plain(analysis.weeklyRate()) + " " + metric.unit()
                + " a week, 95% interval " + interval + ".";
        if (latest.equals(asOf.plusDays(MAX_DAYS))) {
            note += " The slow end of the interval is close to 0, so the latest date is cut at 10 years.";
        }
        return new GoalForecast(metric.code(), target, metric.unit(), goal.byDate(), current, "on_track", eta,
                goal.byDate() == null ? null : !expected.isAfter(goal.byDate()), note, goal.crmGoalId(),
                goal.crmStatus());
    }

    private static GoalForecast safeRate(Goal goal, double current, int direction, LocalDate asOf, String why) {
        Metric metric = goal.metric();
        double[] weekly = metric.safeWeeklyRate(current, direction);
        double distance = Math.abs(goal.target() - current);
        // Capped like measured dates: an absurd target must not overflow a date (the reader's ranges stop most).
        LocalDate earliest = asOf.plusDays(capped(Math.floor(distance / weekly[1] * 7)));
        LocalDate expected = asOf.plusDays(capped(Math.round(distance / ((weekly[0] + weekly[1]) / 2) * 7)));
        LocalDate latest = asOf.plusDays(capped(Math.ceil(distance / weekly[0] * 7)));
        Eta eta = new Eta(earliest, expected, latest, "safe_rate");
        return new GoalForecast(metric.code(), goal.target(), metric.unit(), goal.byDate(), current,
                "insufficient_data", eta, goal.byDate() == null ? null : !expected.isAfter(goal.byDate()),
                why + "; these dates are not a measurement but assume the evidence-based safe rate of "
                        + metric.safeRateText(direction) + ".", goal.crmGoalId(), goal.crmStatus());
    }

    private static long capped(double days) {
        return (long) Math.min(Math.max(days, 0), MAX_DAYS);
    }

    private static GoalForecast result(Goal goal, double current, String status, Eta eta, String note) {
        Metric metric = goal.metric();
        return new GoalForecast(metric.code(), goal.target(), metric.unit(), goal.byDate(), current, status, eta,
                null, note, goal.crmGoalId(), goal.crmStatus());
    }

    private static LocalDate date(LocalDate origin, LocalDate asOf, double day) {
        long fromOrigin = Math.round(day);
        long fromToday = Math.min(Math.max(fromOrigin - origin.until(asOf, java.time.temporal.ChronoUnit.DAYS), 0),
                MAX_DAYS);
        return asOf.plusDays(fromToday);
    }
}
