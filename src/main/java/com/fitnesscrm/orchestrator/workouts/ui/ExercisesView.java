package com.fitnesscrm.orchestrator.workouts.ui;

import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.workouts.Equipment;
import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.ExerciseFilter;
import com.fitnesscrm.orchestrator.workouts.Muscle;
import com.fitnesscrm.orchestrator.workouts.Pattern;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/** The exercise catalogue as stored: searchable by name, filtered by pattern, equipment and muscle, loaded lazily. */
@Route("exercises")
@PageTitle("Exercises · FitnessCRM AI Orchestrator")
@Menu(order = 6, icon = "vaadin:list", title = "Exercises")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
public class ExercisesView extends VerticalLayout {

    private final transient WorkoutService workouts;
    final TextField search = new TextField();
    final ComboBox<Pattern> pattern = filter("Pattern", Pattern.values());
    final ComboBox<Equipment> equipment = filter("Equipment", Equipment.values());
    final ComboBox<Muscle> muscle = filter("Muscle", Muscle.values());
    final Grid<Exercise> grid = new Grid<>(Exercise.class, false);

    public ExercisesView(WorkoutService workouts) {
        this.workouts = workouts;
        setSizeFull();
        search.setPlaceholder("Search by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("exercise-search");
        search.addValueChangeListener(event -> refresh());
        pattern.addValueChangeListener(event -> refresh());
        equipment.addValueChangeListener(event -> refresh());
        muscle.addValueChangeListener(event -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search, pattern, equipment, muscle);
        filters.setAlignItems(Alignment.BASELINE);
        add(new H2("Exercises"), filters, createGrid());
        refresh();
    }

    private Grid<Exercise> createGrid() {
        grid.addColumn(Exercise::name).setHeader("Exercise").setFlexGrow(1);
        grid.addColumn(exercise -> label(exercise.pattern())).setHeader("Pattern").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(exercise -> label(exercise.mechanics())).setHeader("Mechanics").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(exercise -> labels(exercise.primaryMuscles())).setHeader("Primary").setAutoWidth(true);
        grid.addColumn(exercise -> labels(exercise.secondaryMuscles())).setHeader("Secondary").setAutoWidth(true);
        grid.addColumn(exercise -> labels(exercise.equipment())).setHeader("Equipment").setAutoWidth(true);
        grid.addColumn(exercise -> label(exercise.level())).setHeader("Level").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(exercise -> labels(exercise.contraindications())).setHeader("Not for").setAutoWidth(true);
        grid.setSizeFull();
        return grid;
    }

    private void refresh() {
        ExerciseFilter filter = new ExerciseFilter(search.getValue(), pattern.getValue(), equipment.getValue(),
                muscle.getValue());
        grid.setItems(query -> workouts.exercises(filter, query.getOffset(), query.getLimit()).stream(),
                query -> workouts.countExercises(filter));
    }

    @SafeVarargs
    private static <E extends Enum<E>> ComboBox<E> filter(String label, E... values) {
        ComboBox<E> box = new ComboBox<>(label, values);
        box.setItemLabelGenerator(ExercisesView::label);
        box.setClearButtonVisible(true);
        return box;
    }

    private static String label(Enum<?> value) {
        return PlanInputForm.label(value);
    }

    private static String labels(List<? extends Enum<?>> values) {
        return values.stream().map(ExercisesView::label).collect(Collectors.joining(", "));
    }
}
