package com.fitnesscrm.orchestrator.progress.ui;

import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.progress.ProgressAnalysis.Series;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import com.fitnesscrm.orchestrator.progress.ProgressReport.GoalForecast;
import com.fitnesscrm.orchestrator.progress.ProgressReport.MetricAnalysis;
import com.fitnesscrm.orchestrator.progress.TrainerAnalysis;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * An analysis as a trainer reads it: per metric a chart, the trend and rate, and the anomalies highlighted; then the
 * goals, the insights and the narrative. Every text goes through components that escape it.
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
            content.add(new H3(capital(m.label())), createChart(code, analysis.series().get(m), goal, metric.unit()),
                    createSummary(metric));
            metric.anomalies().forEach(anomaly -> content.add(badge("Anomaly " + anomaly.date() + ": "
                    + anomaly.value() + " " + metric.unit() + " — " + anomaly.reason())));
        });
        if (!report.goals().isEmpty()) {
            content.add(new H3("Goals"));
            report.goals().forEach(goal -> content.add(new Paragraph(goal.metric() + " → " + goal.target() + " "
                    + goal.unit() + ": " + goal.status().replace('_', ' ') + (goal.eta() == null ? ""
                    : ", " + goal.eta().earliest() + " to " + goal.eta().latest() + " (expected "
                    + goal.eta().expected() + ")") + ". " + goal.note())));
        }
        content.add(new H3("Insights"));
        UnorderedList insights = new UnorderedList();
        insights.setId("progress-insights");
        report.insights().forEach(insight -> insights.add(new ListItem(insight)));
        content.add(insights);
        Paragraph narrative = new Paragraph(report.narrative());
        narrative.setId("progress-narrative");
        content.add(narrative, new Paragraph(report.motivation()),
                new Span("Run #" + analysis.runId() + " · engine " + analysis.engine()));
    }

    private static Image createChart(String code, Series series, GoalForecast goal, String unit) {
        byte[] svg = ProgressChart.svg(series, goal, unit).getBytes(StandardCharsets.UTF_8);
        Image chart = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(svg), code + ".svg", "image/svg+xml", svg.length)),
                "Chart of " + code + ": readings, trend, goal and ETA range");
        chart.setId("chart-" + code);
        chart.setMaxWidth("100%");
        return chart;
    }

    private static Span createSummary(MetricAnalysis metric) {
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
