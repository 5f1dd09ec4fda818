package com.fitnesscrm.orchestrator.workouts.ui;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A plan as people read it: the coach's explanation, the weekly sets per muscle as a chart, and each week as a row
 * of session cards. Every text goes through components that escape it (plans may come from an LLM).
 */
class PlanCards extends Div {

    /** Splits as trainers say them ("Full body A/B/C"), not as the plan's JSON codes them ("full_body_abc"). */
    private static final Map<String, String> SPLITS = Map.of(
            "full_body", "Full body",
            "full_body_ab", "Full body A/B",
            "full_body_abc", "Full body A/B/C",
            "upper_lower", "Upper/lower",
            "upper_lower_push_pull_legs", "Upper/lower + push/pull/legs",
            "push_pull_legs", "Push/pull/legs",
            "push_pull_legs_active_recovery", "Push/pull/legs + active recovery");

    static String splitLabel(String code) {
        return SPLITS.getOrDefault(code, code.replace('_', ' '));
    }

    /** @param export the plan's Export CSV link, shown in the plan's toolbar beside its title; or {@code null} */
    PlanCards(WorkoutPlan plan, String engine, Anchor export) {
        addClassName("workout-plan");
        H3 title = new H3(PlanInputForm.label(Coded.find(Goal.class, plan.goal()).orElseThrow())
                + " plan · " + splitLabel(plan.split()) + " · " + plan.weeks().size() + " weeks");
        // The toolbar is a row of its own, so nothing of it overlaps the chart below.
        HorizontalLayout toolbar = new HorizontalLayout(title);
        toolbar.setId("plan-toolbar");
        toolbar.addClassName("workout-plan-toolbar");
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        toolbar.getStyle().set("flex-wrap", "wrap");
        if (export != null) {
            toolbar.add(export);
        }
        add(toolbar);
        Span source = new Span("Written by: " + engine);
        source.getElement().getThemeList().add("badge");
        source.setId("plan-engine");
        add(source);
        if (plan.coachExplanation() != null) {
            add(new Paragraph(plan.coachExplanation()));
        }
        if (plan.cardio() != null) {
            add(new Paragraph(plan.cardio().advice()));
        }
        focus(plan);
        add(new H4("Weekly sets per muscle"), chart(plan));
        for (WorkoutPlan.Week week : plan.weeks()) {
            Div sessions = new Div();
            sessions.addClassName("workout-week");
            week.sessions().forEach(session -> sessions.add(card(session)));
            Details details = new Details("Week " + week.week() + (week.deload() ? " · deload" : ""), sessions);
            details.setOpened(week.week() == 1);
            add(details);
        }
    }

    /** What the focus did, from the plan's rules_checked, and what was not understood. */
    private void focus(WorkoutPlan plan) {
        var sentences = plan.rulesChecked() == null ? List.<String>of()
                : plan.rulesChecked().stream().filter(rule -> rule.startsWith("Focus ")).toList();
        if (sentences.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("plan-focus");
        sentences.forEach(sentence -> list.add(new ListItem(sentence)));
        add(new H4("Focus"), list);
    }

    static Image chart(WorkoutPlan plan) {
        byte[] svg = VolumeChart.svg(plan).getBytes(StandardCharsets.UTF_8);
        // The alternative text carries every bar's number, for screen readers and as the chart's text form.
        Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(svg), "weekly-sets.svg", "image/svg+xml", svg.length)),
                VolumeChart.description(plan));
        image.setId("volume-chart");
        // Scales down on a phone keeping its proportions, never wider than drawn.
        image.setMaxWidth("100%");
        image.getStyle().set("height", "auto").set("display", "block");
        return image;
    }

    static Anchor csvDownload(WorkoutPlan plan) {
        byte[] csv = PlanCsv.of(plan).getBytes(StandardCharsets.UTF_8);
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(csv), "workout-plan.csv", "text/csv", csv.length)), "Export CSV");
        anchor.setId("export-csv");
        return anchor;
    }

    private static Div card(WorkoutPlan.Session session) {
        Div card = new Div();
        card.addClassName("workout-session");
        card.add(new H4("Day " + session.day() + " · " + session.name()), new Span("about "
                + session.estimatedMinutes() + " min"));
        UnorderedList exercises = new UnorderedList();
        for (WorkoutPlan.PlannedExercise exercise : session.exercises()) {
            String dose = exercise.minutes() != null ? exercise.minutes() + " min"
                    : exercise.sets() + " × " + exercise.reps().min() + "–" + exercise.reps().max() + ", rest "
                    + exercise.restSeconds() + " s";
            ListItem item = new ListItem(new Span(exercise.name()), new Span(" — " + dose + (exercise.intensity()
                    == null ? "" : ", " + exercise.intensity().description())));
            item.setTitle(exercise.reason() == null ? "" : exercise.reason());
            exercises.add(item);
        }
        card.add(exercises);
        return card;
    }
}
