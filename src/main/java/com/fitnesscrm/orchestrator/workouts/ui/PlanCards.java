package com.fitnesscrm.orchestrator.workouts.ui;

import com.fitnesscrm.orchestrator.workouts.Goal;
import com.fitnesscrm.orchestrator.workouts.PlanCsv;
import com.fitnesscrm.orchestrator.workouts.VolumeChart;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
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
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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

    PlanCards(WorkoutPlan plan, String engine) {
        addClassName("workout-plan");
        add(new H3(PlanInputForm.label(Goal.find(plan.goal()).orElseThrow())
                + " plan · " + splitLabel(plan.split()) + " · " + plan.weeks().size() + " weeks"));
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

    static Image chart(WorkoutPlan plan) {
        byte[] svg = VolumeChart.svg(plan).getBytes(StandardCharsets.UTF_8);
        Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(svg), "weekly-sets.svg", "image/svg+xml", svg.length)),
                "Weekly sets per muscle for each week of the plan");
        image.setId("volume-chart");
        image.setMaxWidth("100%");
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
