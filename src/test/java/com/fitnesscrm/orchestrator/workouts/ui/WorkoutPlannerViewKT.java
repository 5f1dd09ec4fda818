package com.fitnesscrm.orchestrator.workouts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.execution.RunFilter;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.workouts.SavedPlan;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Trainers plan a client's training in the Workout planner, save it to the history and open its print page. */
class WorkoutPlannerViewKT extends KaribuTest {

    @Autowired
    private RunService executions;

    private WorkoutPlannerView view;

    @BeforeEach
    void openPlanner() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(WorkoutPlannerView.class);
        view = _get(WorkoutPlannerView.class);
    }

    @Test
    void generating_shows_the_plan_as_week_and_session_cards_with_a_chart_and_a_csv_export_from_a_recorded_run() {
        long runsBefore = executions.page(RunFilter.any(), 1, 1).total();
        view.form.goal.setValue(Goal.STRENGTH);
        view.form.days.setValue(4);
        view.form.weeks.setValue(6);

        generate();

        assertThat(_get(view.result, H3.class).getText()).as("the split as trainers say it, not its code").isEqualTo("Strength plan · Upper/lower · 6 weeks");
        assertThat(_get(view.result, Span.class, spec -> spec.withId("plan-engine")).getText())
                .isEqualTo("Written by: rules");
        assertThat(_find(view.result, Details.class)).hasSize(6)
                .anySatisfy(week -> assertThat(week.getSummaryText()).isEqualTo("Week 6 · deload"));
        assertThat(_find(view.result, ListItem.class)).isNotEmpty();
        assertThat(_get(view.result, Image.class, spec -> spec.withId("volume-chart")).getAlt())
                .hasValueSatisfying(alt -> assertThat(alt).contains("Weekly sets per muscle"));
        assertThat(_get(view.result, Anchor.class, spec -> spec.withId("export-csv")).getText())
                .isEqualTo("Export CSV");
        assertThat(executions.page(RunFilter.any(), 1, 1).total()).isEqualTo(runsBefore + 1);
        // no client id: nothing to save to
        assertThat(view.save.isEnabled()).isFalse();
    }

    @Test
    void focus_areas_picked_in_the_form_shape_the_plan_and_the_plan_says_what_they_did() {
        assertThat(view.form.focusAreas.getLabel()).isEqualTo("Focus areas");
        assertThat(view.form.focusAreas.getListDataView().getItems()).contains(FocusArea.CHEST, FocusArea.LEGS,
                FocusArea.CARDIO, FocusArea.FLEXIBILITY, FocusArea.STRENGTH, FocusArea.CORE);
        assertThat(view.form.focusAreas.getItemLabelGenerator().apply(FocusArea.UPPER_BODY)).isEqualTo("Upper body");
        view.form.focusAreas.setValue(EnumSet.of(FocusArea.CHEST, FocusArea.CARDIO));

        generate();

        assertThat(_find(_get(view.result, UnorderedList.class, spec -> spec.withId("plan-focus")), ListItem.class))
                .extracting(ListItem::getText)
                // chest gains what the 60 minutes leave beside the cardio bout, and says what capped it
                .anySatisfy(text -> assertThat(text).startsWith("Focus chest: chest +").contains("MRV 22"))
                .anySatisfy(text -> assertThat(text).startsWith("Focus cardio: conditioning closes 3 of 3 sessions"));
    }

    @Test
    void the_chart_says_its_numbers_and_unit_and_export_csv_sits_in_the_plans_toolbar_above_it() {
        view.form.goal.setValue(Goal.HYPERTROPHY);
        view.form.weeks.setValue(6);

        generate();

        HorizontalLayout toolbar = _get(view.result, HorizontalLayout.class, spec -> spec.withId("plan-toolbar"));
        assertThat(_get(toolbar, Anchor.class, spec -> spec.withId("export-csv")).getText()).isEqualTo("Export CSV");
        assertThat(_get(toolbar, H3.class).getText()).startsWith("Hypertrophy plan");
        Image chart = _get(view.result, Image.class, spec -> spec.withId("volume-chart"));
        assertThat(chart.getAlt()).hasValueSatisfying(alt -> assertThat(alt).contains("in sets / week")
                .contains("Weeks 1–5: chest ").contains("Week 6 · deload: chest ").contains("MRV"));
        // the toolbar comes before the chart, in its own row
        List<Component> children = _get(view.result, PlanCards.class).getChildren().toList();
        assertThat(children.indexOf(toolbar)).isLessThan(children.indexOf(chart));
    }

    @Test
    void an_input_the_agent_refuses_is_shown_at_its_field() {
        view.form.minutes.setValue(200);

        generate();

        assertThat(view.form.minutes.isInvalid()).isTrue();
        assertThat(view.form.minutes.getErrorMessage()).contains("from 15 to 180");
        assertThat(_find(view.result, H3.class)).isEmpty();
    }

    @Test
    void a_client_with_bad_knees_and_dumbbells_only_gets_no_knee_loading_exercises() {
        view.form.equipment.setValue(EnumSet.of(Equipment.DUMBBELL));
        view.form.contraindications.setValue(EnumSet.of(Contraindication.KNEE));

        generate();

        assertThat(_find(view.result, ListItem.class)).extracting(item -> item.getChildren().findFirst()
                .map(child -> ((Span) child).getText()).orElse("")).doesNotContain("Barbell back squat",
                "Dumbbell walking lunge", "Leg press", "Dumbbell goblet squat");
    }

    @Test
    void a_saved_plan_appears_in_the_clients_history_and_opens_on_its_print_page() {
        String client = "kt-" + UUID.randomUUID().toString().substring(0, 8);
        view.form.clientId.setValue(client);
        generate();
        assertThat(view.save.isEnabled()).isTrue();

        _click(view.save);
        SavePlanDialog dialog = _get(SavePlanDialog.class);
        dialog.name.setValue("Spring block");
        _click(_get(Button.class, spec -> spec.withId("save-plan-confirm")));

        assertThat(GridKt._size(view.history)).isEqualTo(1);
        SavedPlan saved = GridKt._get(view.history, 0);
        assertThat(saved.name()).isEqualTo("Spring block");
        assertThat(saved.clientId()).isEqualTo(client);
        assertThat(saved.savedBy()).isEqualTo(TRAINER_USERNAME);

        UI.getCurrent().navigate("workouts/plans/" + saved.id());
        SavedPlanView page = _get(SavedPlanView.class);
        assertThat(_get(page, H2.class).getText()).isEqualTo("Spring block");
        assertThat(_find(page, Details.class)).allSatisfy(week -> assertThat(week.isOpened()).isTrue());
        assertThat(_find(page, RouterLink.class)).extracting(RouterLink::getText).contains("Back to the planner");
        assertThat(_get(page, Button.class, spec -> spec.withId("print")).getText()).isEqualTo("Print");
    }

    @Test
    void an_unknown_saved_plan_says_so() {
        UI.getCurrent().navigate("workouts/plans/999999999");
        assertThat(_get(_get(SavedPlanView.class), H2.class).getText()).isEqualTo("No saved plan 999999999");
    }

    /** Clicks Generate and waits for the plan (or the refusal) to be pushed, as the trainer would. */
    private static void generate() {
        Button generate = _get(Button.class, spec -> spec.withId("generate"));
        _click(generate);
        awaitPush(generate::isEnabled);
    }
}
