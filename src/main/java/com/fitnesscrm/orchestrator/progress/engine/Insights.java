package com.fitnesscrm.orchestrator.progress.engine;

import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.base.Numbers;
import com.fitnesscrm.orchestrator.progress.ProgressReport.Adherence;
import com.fitnesscrm.orchestrator.progress.ProgressReport.GoalForecast;
import com.fitnesscrm.orchestrator.progress.ProgressReport.LiftTrend;
import com.fitnesscrm.orchestrator.progress.ProgressReport.MetricAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The engine's plain sentences: each states a number of the report, so a trainer can trace it. */
final class Insights {

    static final String NOT_ENOUGH_DATA = "Not enough data to analyse yet: log dated measurements such as weight, "
            + "lifts over several sessions, or sessions, and a goal to forecast.";

    private Insights() {
    }

    static List<String> of(Map<String, MetricAnalysis> metrics, List<GoalForecast> goals, List<LiftTrend> lifts,
                           Adherence adherence) {
        return of(metrics, goals, lifts, adherence, List.of());
    }

    /** With {@code notes} about the input itself (a goal that is no body metric, where data came from) first. */
    static List<String> of(Map<String, MetricAnalysis> metrics, List<GoalForecast> goals, List<LiftTrend> lifts,
                           Adherence adherence, List<String> notes) {
        List<String> insights = new ArrayList<>(notes);
        metrics.forEach((code, m) -> {
            String label = capital(Metric.byName(code).map(Metric::label).orElse(code));
            if (m.weeklyRate() == null) {
                insights.add(label + " is " + Numbers.plain(m.currentTrend()) + " " + m.unit() + "; " + m.readings()
                        + " reading(s) are too few to measure a trend.");
                return;
            }
            if (m.plateau()) {
                insights.add(label + " has plateaued at " + Numbers.plain(m.currentTrend()) + " " + m.unit()
                        + ": no measurable change over the last " + m.rateWindowDays() + " days.");
            } else {
                insights.add(label + " trend " + Numbers.plain(m.currentTrend()) + " " + m.unit() + ", "
                        + (m.weeklyRate() < 0 ? "falling " : "rising ") + Numbers.plain(Math.abs(m.weeklyRate()))
                        + " " + m.unit() + " a week (95% interval " + Numbers.plain(m.weeklyRateCi().get(0)) + " to "
                        + Numbers.plain(m.weeklyRateCi().get(1)) + ").");
            }
            if (Boolean.TRUE.equals(m.fastLoss())) {
                insights.add("Weight is falling " + Numbers.plain(Math.abs(m.weeklyRatePct())) + "% a week, faster "
                        + "than the safe 1% of body weight: check energy intake and recovery.");
            }
            if (!m.anomalies().isEmpty()) {
                var first = m.anomalies().get(0);
                insights.add(m.anomalies().size() + " " + label.toLowerCase() + " reading(s) look like errors or "
                        + "one-off events, e.g. " + Numbers.plain(first.value()) + " " + m.unit() + " on "
                        + first.date() + "; they are left out of the trend.");
            }
        });
        for (GoalForecast goal : goals) {
            String label = Metric.byName(goal.metric()).map(Metric::label).orElse(goal.metric());
            String target = Numbers.plain(goal.target()) + " " + goal.unit();
            switch (goal.status()) {
                case "reached" -> insights.add("Goal reached: " + label + " is at " + Numbers.plain(goal.current())
                        + " " + goal.unit() + " against a target of " + target + ".");
                case "on_track" -> insights.add("At the measured rate " + label + " reaches " + target + " between "
                        + goal.eta().earliest() + " and " + goal.eta().latest() + ", most likely "
                        + goal.eta().expected() + (Boolean.FALSE.equals(goal.meetsByDate()) ? ", after the target "
                        + "date " + goal.byDate() : "") + ".");
                case "plateau" -> insights.add("No date for " + label + " " + target + " while the trend is flat.");
                case "wrong_direction" -> insights.add(capital(label) + " is moving away from " + target + ".");
                case "stale" -> insights.add("No " + label + " reading since " + metrics.get(goal.metric()).lastDate()
                        + ": ask the client for a new " + (goal.metric().equals(Metric.WEIGHT_KG.code()) ? "weigh-in"
                        : "measurement") + " to forecast " + target + ".");
                default -> insights.add("Assuming a safe rate, " + label + " could reach " + target + " between "
                        + goal.eta().earliest() + " and " + goal.eta().latest() + "; no trend is measured yet.");
            }
        }
        for (LiftTrend lift : lifts) {
            if (lift.stalled()) {
                insights.add(lift.exercise() + ": estimated 1RM " + Numbers.plain(lift.currentE1rmKg()) + " kg, no "
                        + "new best above " + Numbers.plain(lift.bestE1rmKg()) + " kg in 3 weeks; suggest a deload.");
            } else if (lift.weeklyRateKg() != null) {
                insights.add(lift.exercise() + ": estimated 1RM " + Numbers.plain(lift.currentE1rmKg()) + " kg, "
                        + "trend " + Numbers.plain(lift.weeklyRateKg()) + " kg a week.");
            }
        }
        if (adherence != null) {
            insights.add("Attended " + adherence.completed() + " of " + adherence.planned() + " planned sessions"
                    + (adherence.daysSinceLastSession() == null ? "" : "; last one " + adherence.daysSinceLastSession()
                    + " days ago") + "; dropout risk " + adherence.risk() + ".");
        }
        if (insights.isEmpty()) {
            // No measurement, no lift with a trend, no session: say so rather than answer with no words at all.
            insights.add(NOT_ENOUGH_DATA);
        }
        return insights;
    }

    /** One encouraging sentence built from the same numbers. */
    static String motivation(Map<String, MetricAnalysis> metrics, List<GoalForecast> goals) {
        for (GoalForecast goal : goals) {
            String label = Metric.byName(goal.metric()).map(Metric::label).orElse(goal.metric());
            if (goal.status().equals("reached")) {
                return "You reached your " + label + " goal of " + Numbers.plain(goal.target()) + " " + goal.unit()
                        + ": set the next one.";
            }
            if (goal.status().equals("on_track")) {
                return "Your " + label + " is moving the right way: keep the routine that got you here and "
                        + Numbers.plain(goal.target()) + " " + goal.unit() + " is in sight.";
            }
        }
        if (metrics.values().stream().anyMatch(MetricAnalysis::plateau)) {
            return "Plateaus are normal: small changes to food or training usually restart progress.";
        }
        return "Every reading you log makes the next forecast sharper: weigh in a few times a week.";
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
