package com.fitnesscrm.orchestrator.progress.ui;

import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.progress.ProgressAnalysis.Series;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import com.fitnesscrm.orchestrator.progress.ProgressReport.GoalForecast;
import com.fitnesscrm.orchestrator.progress.ProgressReport.MetricAnalysis;
import com.fitnesscrm.orchestrator.progress.TrainerAnalysis;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An analysis as a trainer reads it: per metric a chart with its legend, the trend and rate (or that the readings are
 * stale), and the anomalies highlighted; then the goals, the insights, and the LLM's narrative when there is one (the
 * rules engine's narrative is its insights joined, which would say everything twice). Every text goes through
 * components that escape it; the chart's SVG is built from our own escaped labels, dates and numbers (see
 * {@link ProgressChart}).
 */
class ProgressResults extends Composite<VerticalLayout> {

    void show(TrainerAnalysis analysis) {
        VerticalLayout content = getContent();
        content.removeAll();
        ProgressReport report = analysis.report();
        report.metrics().forEach((code, metric) -> {
            Metric m = Metric.byName(code).orElseThrow();
            GoalForecast goal = report.goals().stream().filter(g -> g.metric().equals(code)).findFirst()
                    .orElse(null);
            content.add(new H3(capital(m.label())), createChart(code, analysis.series().get(m), goal, m.unit()),
                    createSummary(metric, report.asOf()));
            metric.anomalies().forEach(anomaly -> content.add(badge("Anomaly " + anomaly.date() + ": "
                    + anomaly.value() + " " + metric.unit() + " — " + anomaly.reason())));
        });
        if (!report.goals().isEmpty()) {
            content.add(new H3("Goals"));
            report.goals().forEach(goal -> content.add(createGoal(goal, report)));
        }
        content.add(new H3("Insights"));
        UnorderedList insights = new UnorderedList();
        insights.setId("progress-insights");
        report.insights().forEach(insight -> insights.add(new ListItem(insight)));
        content.add(insights);
        if (!isInsightsJoined(report)) {
            Paragraph narrative = new Paragraph(report.narrative());
            narrative.setId("progress-narrative");
            content.add(narrative);
        }
        content.add(new Paragraph(report.motivation()),
                new Span("Run #" + analysis.runId() + " · engine " + analysis.engine()));
    }

    /** The rules engine's narrative is its insights in one paragraph; only a rewritten one says something new. */
    private static boolean isInsightsJoined(ProgressReport report) {
        return report.narrative() == null || report.narrative().isBlank()
                || report.narrative().strip().equals(String.join(" ", report.insights()).strip());
    }

    /**
     * The chart drawn inline, so the theme's Lumo colours reach it (an {@code <img>} SVG cannot see the page's CSS:
     * it was a white box in the dark theme), and its legend as components.
     */
    private static Div createChart(String code, Series series, GoalForecast goal, String unit) {
        Div drawing = new Div();
        drawing.addClassName("progress-chart-drawing");
        drawing.getElement().setAttribute("role", "img");
        drawing.getElement().setAttribute("aria-label", "Chart of " + code + ": readings, trend, goal and ETA range");
        // The markup is ProgressChart's: every text in it is escaped there, and none is a user's or the LLM's.
        drawing.getElement().setProperty("innerHTML", ProgressChart.svg(series, goal, unit));
        Div legend = new Div();
        legend.addClassName("progress-chart-legend");
        ProgressChart.legend(series, goal, unit).forEach((name, css) -> {
            Span swatch = new Span();
            swatch.addClassNames("pc-swatch", css);
            Span item = new Span(swatch, new Text(name));
            item.addClassName("pc-legend-item");
            legend.add(item);
        });
        Div chart = new Div(drawing, legend);
        chart.setId("chart-" + code);
        chart.addClassName("progress-chart");
        return chart;
    }

    /** Whether the metric's last reading is too old to call its trend today's (the engine's own threshold). */
    static boolean isStale(MetricAnalysis metric, LocalDate asOf) {
        return asOf != null && metric.lastDate() != null
                && ChronoUnit.DAYS.between(metric.lastDate(), asOf) > ProgressReport.STALE_AFTER_DAYS;
    }

    private static Paragraph createGoal(GoalForecast goal, ProgressReport report) {
        MetricAnalysis metric = report.metrics().get(goal.metric());
        String status = "stale".equals(goal.status()) && metric != null
                ? "no readings since " + metric.lastDate() + " — stale"
                : goal.status().replace('_', ' ');
        Paragraph paragraph = new Paragraph(goal.metric() + " → " + goal.target() + " " + goal.unit() + ": " + status
                + (goal.eta() == null ? "" : ", " + goal.eta().earliest() + " to " + goal.eta().latest()
                + " (expected " + goal.eta().expected() + ")") + ". " + goal.note());
        paragraph.addClassName("progress-goal");
        return paragraph;
    }

    private static Span createSummary(MetricAnalysis metric, LocalDate asOf) {
        if (isStale(metric, asOf)) {
            Span stale = new Span("No readings since " + metric.lastDate() + " — stale · the trend was "
                    + metric.currentTrend() + " " + metric.unit() + " then; ask for a new measurement.");
            stale.addClassNames("status-badge", "status-badge-warning", "progress-stale");
            return stale;
        }
        String text = "Trend " + metric.currentTrend() + " " + metric.unit();
        if (metric.weeklyRate() != null) {
            text += " · rate " + metric.weeklyRate() + " " + metric.unit() + "/week (95% " + metric.weeklyRateCi()
                    .get(0) + " to " + metric.weeklyRateCi().get(1) + ", over " + metric.rateWindowDays() + " days)";
        } else {
            text += " · too few readings for a rate";
        }
        if (metric.plateau()) {
            text += " · plateau";
        }
        if (Boolean.TRUE.equals(metric.fastLoss())) {
            text += " · losing faster than 1% a week";
        }
        return new Span(text);
    }

    /** The app theme's badge classes (Lumo's badge theme would need an npm build; see decision 0007). */
    private static Span badge(String text) {
        Span badge = new Span(text);
        badge.addClassNames("status-badge", "status-badge-error", "progress-anomaly");
        return badge;
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
