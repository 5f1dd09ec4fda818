package com.fitnesscrm.orchestrator.workouts.ui;

import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.workouts.SavedPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/**
 * One saved plan on a page of its own, without the app's navigation, for printing: the print styles in the theme
 * open every week and hide the buttons.
 */
@Route(value = "workouts/plans/:id([0-9]{1,18})", autoLayout = false)
@PageTitle("Workout plan · FitnessCRM AI Orchestrator")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
public class SavedPlanView extends Div implements BeforeEnterObserver {

    private final transient WorkoutService workouts;

    public SavedPlanView(WorkoutService workouts) {
        this.workouts = workouts;
        addClassName("workout-print");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        SavedPlan saved;
        try {
            saved = workouts.savedPlan(id);
        } catch (NotFoundException e) {
            add(new H2("No saved plan " + id), new RouterLink("Back to the planner", WorkoutPlannerView.class));
            return;
        }
        Button print = new Button("Print", VaadinIcon.PRINT.create(),
                click -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.setId("print");
        HorizontalLayout actions = new HorizontalLayout(new RouterLink("Back to the planner",
                WorkoutPlannerView.class), PlanCards.csvDownload(saved.plan()), print);
        actions.addClassName("workout-print-actions");
        PlanCards cards = new PlanCards(saved.plan(), saved.engine(), null);
        cards.getChildren().filter(child -> child instanceof com.vaadin.flow.component.details.Details)
                .forEach(child -> ((com.vaadin.flow.component.details.Details) child).setOpened(true));
        add(actions, new H2(saved.name()), new Paragraph("Client " + saved.clientId() + " · saved by "
                + saved.savedBy()), cards);
    }
}
