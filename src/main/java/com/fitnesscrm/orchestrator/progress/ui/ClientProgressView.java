package com.fitnesscrm.orchestrator.progress.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.base.ui.BackgroundWork;
import com.fitnesscrm.orchestrator.progress.ProgressCsv;
import com.fitnesscrm.orchestrator.progress.ProgressService;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trainers paste or upload a client's measurements and see the trend, the rate with its interval, the goal's date
 * range, anomalies and insights. Each analysis is a recorded run of the Progress Monitor.
 */
@Route("client-progress")
@PageTitle("Client progress · FitnessCRM AI Orchestrator")
@Menu(order = 7, icon = "vaadin:chart-line", title = "Client progress")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
public class ClientProgressView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ClientProgressView.class);

    private final transient ProgressService progress;
    private final transient BackgroundWork background;
    final MeasurementsForm form = new MeasurementsForm();
    final ProgressResults results = new ProgressResults();
    private final ProgressBar analysing = new ProgressBar();

    public ClientProgressView(ProgressService progress, BackgroundWork background) {
        this.progress = progress;
        this.background = background;
        form.addAnalyseListener(this::analyse);
        analysing.setIndeterminate(true);
        analysing.setVisible(false);
        add(new H2("Client progress"), form, analysing, results);
    }

    /** Reads the measurements here; the run itself goes to the background, as with an LLM it takes a while. */
    private void analyse(MeasurementsForm.AnalyseEvent event) {
        form.clearError();
        JsonNode input;
        try {
            input = ProgressCsv.input(event.csv(), event.metric(), event.target(), event.byDate());
        } catch (InvalidInputException e) {
            form.showError(ProgressCsv.describe(e, event.csv()));
            form.analyse.setEnabled(true);
            return;
        }
        setAnalysing(true);
        background.start(this, () -> progress.analyse(input), analysis -> {
            setAnalysing(false);
            results.show(analysis);
        }, failure -> {
            setAnalysing(false);
            if (failure instanceof InvalidInputException invalid) {
                form.showError(ProgressCsv.describe(invalid, event.csv()));
            } else if (failure instanceof IllegalStateException || failure instanceof ConflictException
                    || failure instanceof UnavailableException || failure instanceof NotFoundException
                    || failure instanceof BackgroundWork.BusyException) {
                showError(failure.getMessage()); // e.g. the agent is disabled
            } else {
                log.error("Analysing progress failed", failure);
                showError("The analysis could not be made because of a fault on the server; it is in the server's "
                        + "log.");
            }
        });
    }

    private static void showError(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void setAnalysing(boolean on) {
        analysing.setVisible(on);
        form.analyse.setEnabled(!on);
    }
}
