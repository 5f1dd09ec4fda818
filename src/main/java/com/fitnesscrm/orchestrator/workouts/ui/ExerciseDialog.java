package com.fitnesscrm.orchestrator.workouts.ui;

import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.stream.Collectors;

/** One exercise in full: what it trains, with what, for whom it is not, and what may replace it. */
class ExerciseDialog extends Dialog {

    final FormLayout details = new FormLayout();

    ExerciseDialog(Exercise exercise, List<Exercise> substitutes) {
        setHeaderTitle(exercise.name());
        details.setId("exercise-details");
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        item("Pattern", PlanInputForm.label(exercise.pattern()));
        item("Mechanics", PlanInputForm.label(exercise.mechanics()));
        item("Primary muscles", labels(exercise.primaryMuscles()));
        item("Secondary muscles", labels(exercise.secondaryMuscles()));
        item("Equipment", labels(exercise.equipment()));
        item("Level", PlanInputForm.label(exercise.level()) + " and above");
        item("Not for", exercise.contraindications().isEmpty() ? "No contraindication"
                : labels(exercise.contraindications()));
        item("Substitutes", substitutes.isEmpty() ? "None in the catalogue"
                : substitutes.stream().map(Exercise::name).collect(Collectors.joining(", ")));
        add(details);
        setWidth("min(32em, 95vw)");
        getFooter().add(new Button("Close", event -> close()));
    }

    private void item(String label, String value) {
        Span text = new Span(value);
        text.addClassName("exercise-" + label.toLowerCase().replace(' ', '-'));
        details.addFormItem(text, label);
    }

    static String labels(List<? extends Enum<?>> values) {
        return values.isEmpty() ? "—" : values.stream().map(PlanInputForm::label).collect(Collectors.joining(", "));
    }
}
