package com.fitnesscrm.orchestrator.workouts.ui;

import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.workouts.Exercise;
import com.fitnesscrm.orchestrator.workouts.ExerciseFilter;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Muscle;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Pattern;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The exercise catalogue as stored: searchable by name, filtered by pattern, equipment and muscle, loaded lazily; a
 * row opens the exercise in full with its substitutes.
 */
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
        // On a phone the four filters wrap onto more lines instead of running off the screen.
        filters.getStyle().set("flex-wrap", "wrap");
        filters.setWidthFull();
        add(new H2("Exercises"), filters, createGrid());
        refresh();
    }

    private Grid<Exercise> createGrid() {
        // The name keeps room for itself (the lists beside it used to squeeze it to a few letters); the lists take
        // what is left and show their whole text on hover.
        grid.addColumn(Exercise::name).setKey("name").setHeader("Exercise").setWidth("16em").setFlexGrow(2)
                .setFrozen(true).setTooltipGenerator(Exercise::name);
        grid.addColumn(exercise -> label(exercise.pattern())).setHeader("Pattern").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(exercise -> label(exercise.mechanics())).setHeader("Mechanics").setAutoWidth(true)
                .setFlexGrow(0);
        listColumn("Primary", exercise -> labels(exercise.primaryMuscles()));
        listColumn("Secondary", exercise -> labels(exercise.secondaryMuscles()));
        listColumn("Equipment", exercise -> labels(exercise.equipment()));
        grid.addColumn(exercise -> label(exercise.level())).setHeader("Level").setAutoWidth(true).setFlexGrow(0);
        listColumn("Not for", exercise -> labels(exercise.contraindications()));
        grid.addItemClickListener(event -> open(event.getItem()));
        grid.setSizeFull();
        return grid;
    }

    private void listColumn(String header, ValueProvider<Exercise, String> text) {
        grid.addColumn(text).setHeader(header).setWidth("9em").setFlexGrow(1).setTooltipGenerator(text::apply);
    }

    void open(Exercise exercise) {
        new ExerciseDialog(exercise, workouts.substitutes(exercise)).open();
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
