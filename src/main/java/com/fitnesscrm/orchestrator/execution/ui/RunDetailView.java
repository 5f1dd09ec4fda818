package com.fitnesscrm.orchestrator.execution.ui;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.base.ui.JsonView;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One run in full: its facts, input and output as JSON trees, error and the timeline of its steps. While the run is
 * queued, running or waiting the view follows it by server push (every {@link #REFRESH}), and it can be cancelled; any
 * run can be run again as it was, or replayed with other input or config ({@link ReplayDialog}).
 */
@Route("executions/:id([0-9]{1,18})")
@PageTitle("Run · FitnessCRM AI Orchestrator")
@RolesAllowed(Roles.ADMIN)
public class RunDetailView extends VerticalLayout implements BeforeEnterObserver {

    static final Duration REFRESH = Duration.ofMillis(500);

    private final transient RunService runs;
    private final transient Clock clock;
    private final PushRefresher refresher = new PushRefresher(REFRESH);
    final H2 title = new H2();
    final RunHeader header = new RunHeader();
    final JsonView input = new JsonView();
    final JsonView output = new JsonView();
    final Paragraph error = new Paragraph();
    final StepTimeline timeline = new StepTimeline();
    final Button cancel = new Button("Cancel run", VaadinIcon.STOP.create(), event -> cancel());
    final Button runAgain = new Button("Run again", VaadinIcon.REFRESH.create(), event -> runAgain());
    final Button replay = new Button("Replay…", VaadinIcon.EDIT.create(), event -> openReplay());
    private final Div body = new Div();
    /** What other features show for a finished run ({@link RunDetailExtension}). */
    final Div extensions = new Div();
    /** What other features show for a run of any status ({@link RunDetailExtension#forRun}). */
    final Div runExtensions = new Div();
    final RunLineage lineage = new RunLineage();
    private final transient List<RunDetailExtension> extenders;
    private Long extendedRun;
    /** The run and status {@link #runExtensions} were built for: {@code "<id>:<status>"}. */
    private String runExtendedFor;
    private Run run;

    public RunDetailView(RunService runs, Clock clock, ObjectProvider<RunDetailExtension> extenders) {
        this.runs = runs;
        this.clock = clock;
        this.extenders = extenders.orderedStream().toList();
        extensions.addClassName("run-extensions");
        runExtensions.addClassName("run-extensions");
        setWidthFull();
        input.setId("run-input");
        output.setId("run-output");
        error.addClassName("form-error");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(new RouterLink("All runs", RunsView.class), cancel,
                runAgain, replay);
        actions.setAlignItems(Alignment.BASELINE);
        body.setWidthFull();
        body.add(header, lineage, runExtensions, extensions, new H3("Input"), input, new H3("Output"), output, error,
                new H3("Steps"), timeline);
        add(title, actions, body);
    }

    /** A link to run {@code id}'s detail view. */
    public static RouterLink link(long id, String text) {
        return new RouterLink(text, RunDetailView.class, parameters(id));
    }

    /** Opens run {@code id}'s detail view; the same run again shows it afresh (e.g. after an approval). */
    public static void navigate(long id) {
        UI.getCurrent().navigate(RunDetailView.class, parameters(id));
    }

    private static RouteParameters parameters(long id) {
        return new RouteParameters("id", String.valueOf(id));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresher.stop(); // the same view may be reused for another run
        runExtendedFor = null; // and shown again to be shown afresh
        long id = event.getRouteParameters().getLong("id").orElseThrow();
        try {
            show(runs.get(id));
            watchWhileUnfinished();
        } catch (NotFoundException e) {
            showMissing(id);
        }
    }

    private void show(Run shown) {
        run = shown;
        title.setText("Run #" + shown.id() + " · " + shown.agentName());
        header.show(shown);
        input.show(shown.input());
        output.show(shown.output());
        error.setText(shown.error() == null ? "" : "Error: " + shown.error());
        error.setVisible(shown.error() != null);
        timeline.show(shown, runs.steps(shown.id()), clock.instant());
        cancel.setVisible(!shown.status().isFinished());
        if (shown.status().isFinished()) {
            refresher.stop();
            extend(shown);
        } else {
            extensions.removeAll();
            extendedRun = null;
        }
        extendAnyStatus(shown);
        lineage.show(shown);
        runAgain.setVisible(true);
        runAgain.setEnabled(shown.agentId() != null);
        replay.setVisible(true);
        replay.setEnabled(shown.agentId() != null);
        body.setVisible(true);
    }

    /** Asks the other features once per finished run (the thumbs keep their state while the run is shown). */
    private void extend(Run shown) {
        if (Long.valueOf(shown.id()).equals(extendedRun)) {
            return;
        }
        extensions.removeAll();
        extendedRun = shown.id();
        for (RunDetailExtension extender : extenders) {
            com.vaadin.flow.component.Component extra = extender.forFinishedRun(shown);
            if (extra != null) {
                extensions.add(extra);
            }
        }
    }

    /**
     * Asks the other features for a run of any status when its status changed, and on each refresh while it executes;
     * a waiting run keeps its components (an approver's note is not wiped by the next refresh).
     */
    private void extendAnyStatus(Run shown) {
        String key = shown.id() + ":" + shown.status().code();
        boolean executing = shown.status() == RunStatus.QUEUED || shown.status() == RunStatus.RUNNING;
        if (key.equals(runExtendedFor) && !executing) {
            return;
        }
        runExtensions.removeAll();
        runExtendedFor = key;
        for (RunDetailExtension extender : extenders) {
            com.vaadin.flow.component.Component extra = extender.forRun(shown);
            if (extra != null) {
                runExtensions.add(extra);
            }
        }
    }

    private void showMissing(long id) {
        run = null;
        extensions.removeAll();
        extendedRun = null;
        runExtensions.removeAll();
        runExtendedFor = null;
        replay.setVisible(false);
        title.setText("No run with id " + id);
        body.setVisible(false);
        cancel.setVisible(false);
        runAgain.setVisible(false);
    }

    /** Reloads the run; {@code true} while there is more to wait for. */
    boolean refresh() {
        if (run == null) {
            return false;
        }
        show(runs.get(run.id()));
        return !run.status().isFinished();
    }

    private void watchWhileUnfinished() {
        if (run != null && !run.status().isFinished()) {
            getUI().ifPresent(ui -> refresher.start(ui, this::refresh));
        }
    }

    /** Whether the view is following its run by push (for tests). */
    boolean isFollowing() {
        return refresher.isRunning();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        watchWhileUnfinished();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        refresher.stop();
        super.onDetach(event);
    }

    private void cancel() {
        try {
            show(runs.cancel(run.id()));
            notify("Run #" + run.id() + " is cancelled", NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException | NotFoundException refused) {
            notify(refused.getMessage(), NotificationVariant.LUMO_ERROR);
            refresh();
        }
    }

    private void runAgain() {
        try {
            navigate(runs.rerun(run.id()).id());
        } catch (ConflictException | InvalidInputException | UnavailableException | NotFoundException refused) {
            notify(refused.getMessage(), NotificationVariant.LUMO_ERROR);
        }
    }

    private void openReplay() {
        new ReplayDialog(runs, run).open();
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification.show(message, variant == NotificationVariant.LUMO_ERROR ? 6000 : 3000,
                variant == NotificationVariant.LUMO_ERROR ? Notification.Position.MIDDLE
                        : Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
