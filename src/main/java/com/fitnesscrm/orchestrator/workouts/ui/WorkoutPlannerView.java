package com.fitnesscrm.orchestrator.workouts.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.base.ui.BackgroundWork;
import com.fitnesscrm.orchestrator.crm.CrmClient;
import com.fitnesscrm.orchestrator.crm.CrmService;
import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import com.fitnesscrm.orchestrator.crm.ui.ClientPicker;
import com.fitnesscrm.orchestrator.execution.RunNotSucceeded;
import com.fitnesscrm.orchestrator.metrics.FeedbackService;
import com.fitnesscrm.orchestrator.metrics.ui.FeedbackSlot;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.security.UserPreferencesService;
import com.fitnesscrm.orchestrator.workouts.ClientProposal;
import com.fitnesscrm.orchestrator.workouts.GeneratedPlan;
import com.fitnesscrm.orchestrator.workouts.SavedPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutInputReader;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trainers pick a client from the CRM (which fills the goal and proposes contraindications from the client's medical
 * notes, for the trainer to confirm) or type an id, describe the client, generate a plan (a recorded run of the Workout Optimizer), read it as week and
 * session cards with a chart of the weekly sets per muscle, export it as CSV, save it to the client's history and
 * open a saved plan's print page.
 */
@Route("workouts")
@PageTitle("Workout planner · FitnessCRM AI Orchestrator")
@Menu(order = 5, icon = "vaadin:heart", title = "Workout planner")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
public class WorkoutPlannerView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(WorkoutPlannerView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient WorkoutService workouts;
    private final transient BackgroundWork background;
    final PlanInputForm form = new PlanInputForm();
    private final Button generate = new Button("Generate", VaadinIcon.MAGIC.create(), event -> generate());
    private final ProgressBar generating = new ProgressBar();
    final Div result = new Div();
    /** Thumbs up or down on the plan shown. */
    final FeedbackSlot feedback;
    final Grid<SavedPlan> history = new Grid<>(SavedPlan.class, false);
    final Button save = new Button("Save to history", VaadinIcon.DOWNLOAD_ALT.create());
    final ClientPicker client;
    final ClientProposalNote proposal = new ClientProposalNote();
    private transient GeneratedPlan current;

    public WorkoutPlannerView(WorkoutService workouts, BackgroundWork background, CrmService crm,
                              UserPreferencesService currentUser, FeedbackService votes) {
        this.workouts = workouts;
        this.feedback = new FeedbackSlot(votes);
        this.background = background;
        this.client = new ClientPicker(crm, currentUser.crmTrainer().map(CrmTrainer::id).orElse(null));
        client.setId("workout-client");
        client.addValueChangeListener(event -> pick(client.client()));
        proposal.addApplyListener(event -> applyProposal(event.contraindications()));
        result.setWidthFull();
        generating.setIndeterminate(true);
        generating.setVisible(false);
        add(new H2("Workout planner"), client, proposal, form, createActions(), generating, result,
                createHistory());
        form.clientId.addValueChangeListener(event -> {
            if (event.isFromClient() && client.client() != null
                    && !String.valueOf(client.client().id()).equals(event.getValue().strip())) {
                client.clear(); // a typed id that is not the picked client's: the picker no longer tells the truth
            }
            // The plan on screen was made for the previous client: it is not saved to this one's history.
            current = null;
            save.setEnabled(false);
            refreshHistory();
        });
    }

    /** Fills the client's id and goal from the CRM and shows the proposed contraindications; applies none. */
    private void pick(CrmClient picked) {
        if (picked == null) {
            proposal.show(null);
            return;
        }
        form.clientId.setValue(String.valueOf(picked.id()));
        ClientProposal proposed = workouts.proposalFor(picked.id()).orElse(null);
        // Nothing of the previous client's carries over: the goal is this client's (or the default), and
        // contraindications are only what the trainer confirms for this one.
        form.goal.setValue(proposed != null && proposed.goal() != null ? proposed.goal()
                : WorkoutInputReader.DEFAULT_GOAL);
        form.contraindications.clear();
        proposal.show(proposed);
    }

    private void applyProposal(Set<Contraindication> proposed) {
        Set<Contraindication> chosen = EnumSet.noneOf(Contraindication.class);
        chosen.addAll(form.contraindications.getValue());
        chosen.addAll(proposed);
        form.contraindications.setValue(chosen);
        proposal.setVisible(false);
    }

    private HorizontalLayout createActions() {
        generate.setId("generate");
        generate.setDisableOnClick(true); // a double click must not start two (billed) runs
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-plan");
        save.setEnabled(false);
        save.addClickListener(event -> openSaveDialog());
        return new HorizontalLayout(generate, save);
    }

    private VerticalLayout createHistory() {
        history.addColumn(SavedPlan::name).setHeader("Saved plan").setFlexGrow(1);
        history.addColumn(SavedPlan::goal).setHeader("Goal").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(SavedPlan::weeks).setHeader("Weeks").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(SavedPlan::engine).setHeader("Written by").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(plan -> TIME.format(plan.savedAt())).setHeader("Saved").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(plan -> new RouterLink("Print", SavedPlanView.class,
                new RouteParameters("id", String.valueOf(plan.id())))).setHeader("").setAutoWidth(true)
                .setFlexGrow(0);
        history.setAllRowsVisible(true);
        VerticalLayout section = new VerticalLayout(new H3("Client's saved plans"), history);
        section.setPadding(false);
        return section;
    }

    /** Runs the agent in the background: with an LLM a plan may take a minute, and the session stays usable. */
    void generate() {
        ObjectNode input = form.toInput();
        setGenerating(true);
        background.start(this, () -> workouts.generate(input), this::show, failure -> {
            setGenerating(false);
            if (failure instanceof InvalidInputException invalid) {
                if (!form.showError(invalid.field(), invalid.getMessage())) {
                    notify(invalid.getMessage(), NotificationVariant.LUMO_ERROR);
                }
            } else if (failure instanceof RunNotSucceeded failed) {
                notify("The planner failed (run " + failed.executionId() + "): " + failed.getMessage(),
                        NotificationVariant.LUMO_ERROR);
            } else if (failure instanceof ConflictException || failure instanceof UnavailableException
                    || failure instanceof NotFoundException || failure instanceof BackgroundWork.BusyException) {
                notify(failure.getMessage(), NotificationVariant.LUMO_ERROR); // e.g. the agent is disabled
            } else {
                log.error("Generating a workout plan failed", failure);
                notify("The plan could not be made because of a fault on the server; it is in the server's log.",
                        NotificationVariant.LUMO_ERROR);
            }
        });
    }

    private void show(GeneratedPlan plan) {
        setGenerating(false);
        current = plan;
        result.removeAll();
        feedback.show(current.executionId());
        result.add(feedback, new PlanCards(current.plan(), current.engine(), PlanCards.csvDownload(current.plan())));
        save.setEnabled(current.plan().clientId() != null);
        save.setTooltipText(current.plan().clientId() == null ? "Enter a client id to save the plan" : null);
    }

    private void setGenerating(boolean on) {
        generating.setVisible(on);
        generate.setEnabled(!on);
    }

    private void openSaveDialog() {
        SavePlanDialog dialog = new SavePlanDialog(current.plan().goal().replace('_', ' ') + " plan, "
                + current.plan().weeks().size() + " weeks");
        dialog.addSaveListener(event -> {
            SavedPlan saved = workouts.save(current, event.name());
            notify("Saved “" + saved.name() + "” to client " + saved.clientId() + "'s history.",
                    NotificationVariant.LUMO_SUCCESS);
            refreshHistory();
        });
        dialog.open();
    }

    private void refreshHistory() {
        history.setItems(workouts.savedPlans(form.clientId.getValue()));
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification notification = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
