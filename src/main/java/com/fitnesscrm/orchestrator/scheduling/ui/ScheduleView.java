package com.fitnesscrm.orchestrator.scheduling.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.ui.BackgroundWork;
import com.fitnesscrm.orchestrator.crm.CrmService;
import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import com.fitnesscrm.orchestrator.execution.RunNotSucceeded;
import com.fitnesscrm.orchestrator.execution.TypedRun;
import com.fitnesscrm.orchestrator.metrics.FeedbackService;
import com.fitnesscrm.orchestrator.metrics.ui.FeedbackSlot;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingService;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.security.UserPreferencesService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trainers pick a trainer (themselves, when linked to a CRM trainer) and a client from the CRM, say the client's
 * preferred times in their own words, and see the week: working hours, booked sessions and the suggested slots
 * coloured by how likely the client is to come. "Optimise week" lays out the week and shows the assignments, the
 * unassigned requests and the moves before anything happens. Nothing is written to the CRM: the chosen slots are
 * exported as an iCalendar file or CSV. Each click is a recorded run of Scheduling Intelligence.
 */
@Route("schedule")
@PageTitle("Schedule · FitnessCRM AI Orchestrator")
@Menu(order = 8, icon = "vaadin:calendar-clock", title = "Schedule")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
public class ScheduleView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ScheduleView.class);

    private final transient SchedulingService scheduling;
    private final transient BackgroundWork background;
    private final transient Clock clock;
    final ScheduleForm form;
    final Button suggest = new Button("Suggest slots", VaadinIcon.CALENDAR_CLOCK.create());
    final Button optimise = new Button("Optimise week", VaadinIcon.MAGIC.create());
    private final ProgressBar working = new ProgressBar();
    final Paragraph summary = new Paragraph();
    /** Thumbs up or down on the result shown. */
    final FeedbackSlot feedback;
    final WeekGrid grid = new WeekGrid(this::showDetails);
    final Div details = new Div();
    final WeekPlanPanel weekPlan = new WeekPlanPanel();
    final SlotList slots;

    /** What a run answered, with the trainer's booked sessions of the week around it. */
    private record Shown(long runId, SchedulingOutput output, List<Booking> booked) {
    }

    public ScheduleView(SchedulingService scheduling, BackgroundWork background, CrmService crm,
                        UserPreferencesService currentUser, Clock clock, FeedbackService votes) {
        this.scheduling = scheduling;
        this.feedback = new FeedbackSlot(votes);
        this.background = background;
        this.clock = clock;
        CrmTrainer signedIn = currentUser.crmTrainer().orElse(null);
        this.form = new ScheduleForm(crm, signedIn, LocalDate.now(clock));
        this.slots = new SlotList(() -> title(), clock);
        working.setIndeterminate(true);
        working.setVisible(false);
        summary.setId("schedule-summary");
        details.setId("schedule-slot-details");
        details.setVisible(false);
        add(new H2("Schedule"), form, createActions(), working, summary, feedback, grid, details, weekPlan, slots);
    }

    private HorizontalLayout createActions() {
        suggest.setId("schedule-suggest");
        suggest.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        suggest.addClickListener(event -> run(form::suggestionInput));
        optimise.setId("schedule-optimise");
        optimise.addClickListener(event -> run(form::weekInput));
        HorizontalLayout actions = new HorizontalLayout(suggest, optimise);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        return actions;
    }

    /** Runs the agent in the background: with an LLM layer switched on it may take seconds. */
    private void run(Supplier<JsonNode> input) {
        form.clearError();
        JsonNode json = input.get();
        Long trainerId = form.trainerId();
        LocalDate monday = form.monday();
        setWorking(true);
        background.start(this, () -> {
            TypedRun<SchedulingOutput> run = scheduling.suggest(json, null);
            SchedulingOutput output = run.output();
            List<Booking> booked = trainerId == null ? List.of() : scheduling.trainerSessions(trainerId,
                    monday.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    monday.plusDays(8).atStartOfDay(ZoneOffset.UTC).toInstant());
            return new Shown(run.id(), output, booked);
        }, shown -> {
            setWorking(false);
            show(shown, monday);
        }, failure -> {
            setWorking(false);
            if (failure instanceof InvalidInputException invalid) {
                form.showError(invalid);
            } else if (failure instanceof RunNotSucceeded || failure instanceof BackgroundWork.BusyException
                    || failure instanceof com.fitnesscrm.orchestrator.base.ConflictException
                    || failure instanceof com.fitnesscrm.orchestrator.base.UnavailableException) {
                form.showError(failure.getMessage());
            } else {
                log.error("Scheduling failed", failure);
                form.showError("The schedule could not be made because of a fault on the server; it is in the "
                        + "server's log.");
            }
        });
    }

    private void show(Shown shown, LocalDate monday) {
        SchedulingOutput output = shown.output();
        ZoneId zone = ZoneId.of(output.timezone());
        details.setVisible(false);
        List<Slot> shownSlots = new ArrayList<>();
        List<Booking> booked = shown.booked();
        if (output.week() != null) {
            output.week().assignments().forEach(a -> shownSlots.add(Slot.of(a, zone)));
            // A booked session the plan keeps or moves is drawn as its assignment, not twice.
            booked = booked.stream().filter(b -> shownSlots.stream().noneMatch(s -> sameSession(b, s))).toList();
            weekPlan.show(output.week(), zone);
        } else {
            output.suggestions().forEach(s -> shownSlots.add(Slot.of(s, output.clientId(), zone)));
            weekPlan.setVisible(false);
        }
        summary.setText(summary(output, shownSlots.size()));
        feedback.show(shown.runId());
        grid.show(monday, zone, output.availability(), booked, shownSlots);
        slots.show(shownSlots);
    }

    private static boolean sameSession(Booking booking, Slot slot) {
        if (booking.clientId() == null || !booking.clientId().equals(slot.clientId())) {
            return false;
        }
        Instant start = booking.start();
        return start.equals(slot.start().toInstant())
                || slot.movedFrom() != null && start.equals(Slot.at(slot.movedFrom(), ZoneOffset.UTC).toInstant());
    }

    private static String summary(SchedulingOutput output, int shownSlots) {
        StringBuilder text = new StringBuilder();
        text.append(output.week() != null ? shownSlots + " sessions proposed" : shownSlots == 0
                ? "No free slot fits in this week" : shownSlots + " slots suggested, best first");
        text.append(" · hours ").append(switch (output.availabilitySource()) {
            case "given" -> "as given";
            case "learned" -> "learned from the trainer's sessions";
            default -> "the default (no sessions to learn from)";
        }).append(" · times in ").append(output.timezone());
        if (!output.preferencesUnderstood().isEmpty()) {
            text.append(" · read: ").append(String.join("; ", output.preferencesUnderstood()));
        }
        if (!output.preferencesNotUnderstood().isEmpty()) {
            text.append(" · not understood: ").append(String.join("; ", output.preferencesNotUnderstood()));
        }
        return text.toString();
    }

    /** The clicked slot's reasons, for keyboard and touch users who cannot hover. */
    private void showDetails(Slot slot) {
        details.removeAll();
        UnorderedList reasons = new UnorderedList();
        slot.reasons().forEach(reason -> reasons.add(new ListItem(reason)));
        details.add(new H4(slot.text()), new Paragraph(slot.label()), reasons);
        details.setVisible(true);
    }

    private String title() {
        String client = form.client.client() == null ? null : form.client.client().name();
        String trainer = form.trainer.getValue() == null ? null : form.trainer.getValue().name();
        return "Training" + (client == null ? "" : ": " + client) + (trainer == null ? "" : " with " + trainer);
    }

    private void setWorking(boolean on) {
        working.setVisible(on);
        suggest.setEnabled(!on);
        optimise.setEnabled(!on);
    }
}
