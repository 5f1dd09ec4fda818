package com.fitnesscrm.orchestrator.progress.ui;

import com.fasterxml.jackson.databind.JsonNode;
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
import com.fitnesscrm.orchestrator.progress.ClientHistory;
import com.fitnesscrm.orchestrator.progress.ProgressService;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.security.UserPreferencesService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trainers pick a client from the CRM and load their history with one click, or paste or upload measurements, and see
 * the trend, the rate with its interval, the goal's date range, anomalies and insights. The loaded history stays
 * editable: what the form holds is what is analysed. Each analysis is a recorded run of the Progress Monitor.
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
    /** Thumbs up or down on the analysis shown. */
    final FeedbackSlot feedback;
    private final ProgressBar analysing = new ProgressBar();
    final ClientPicker client;
    final Button loadHistory = new Button("Load history", VaadinIcon.DOWNLOAD_ALT.create());

    public ClientProgressView(ProgressService progress, BackgroundWork background, CrmService crm,
                              UserPreferencesService currentUser, FeedbackService votes) {
        this.progress = progress;
        this.feedback = new FeedbackSlot(votes);
        this.background = background;
        this.client = new ClientPicker(crm, currentUser.crmTrainer().map(CrmTrainer::id).orElse(null));
        form.addAnalyseListener(this::analyse);
        analysing.setIndeterminate(true);
        analysing.setVisible(false);
        add(new H2("Client progress"), createClientBar(), form, analysing, feedback, results);
    }

    private HorizontalLayout createClientBar() {
        client.setId("progress-client");
        loadHistory.setId("progress-load-history");
        loadHistory.setEnabled(false);
        loadHistory.addClickListener(event -> loadHistory());
        client.addValueChangeListener(event -> loadHistory.setEnabled(event.getValue() != null));
        HorizontalLayout bar = new HorizontalLayout(client, loadHistory);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setVisible(client.isVisible());
        return bar;
    }

    /** Fills the form from the CRM: the measurements as CSV and the client's goal, all still editable. */
    void loadHistory() {
        CrmClient picked = client.client();
        if (picked == null) {
            return;
        }
        ClientHistory history = progress.clientHistory(picked.id()).orElse(null);
        if (history == null) {
            notify("The CRM has no measurements for " + picked.name() + " yet.", NotificationVariant.LUMO_CONTRAST);
            return;
        }
        form.clearError();
        form.csv.setValue(history.csv());
        if (history.goalMetric() != null && history.target() != null) {
            form.goalMetric.setValue(history.goalMetric());
            form.target.setValue(history.target());
        }
        form.byDate.setValue(history.byDate());
        String message = "Loaded " + describe(history.sources()) + " for " + picked.name()
                + (history.lastReading() == null ? "" : "; last reading " + history.lastReading())
                + (history.stale() ? " — weeks old: ask for a new weigh-in." : ".");
        notify(message, history.stale() ? NotificationVariant.LUMO_WARNING : NotificationVariant.LUMO_SUCCESS);
    }

    private static String describe(Map<String, Integer> sources) {
        return sources.entrySet().stream().filter(source -> source.getValue() > 0)
                .map(source -> source.getValue() + " " + source.getKey().replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }

    /** Reads the measurements here; the run itself goes to the background, as with an LLM it takes a while. */
    private void analyse(MeasurementsForm.AnalyseEvent event) {
        form.clearError();
        JsonNode input;
        try {
            if (ProgressCsv.needsDateOrder(event.csv()) && !form.askDateOrder()) {
                form.analyse.setEnabled(true); // asked now; the next click analyses with the answer
                return;
            }
            input = ProgressCsv.input(event.csv(), event.dateOrder(), event.metric(), event.target(),
                    event.byDate());
        } catch (InvalidInputException e) {
            form.showError(ProgressCsv.describe(e, event.csv()));
            form.analyse.setEnabled(true);
            return;
        }
        setAnalysing(true);
        background.start(this, () -> progress.analyse(input), analysis -> {
            setAnalysing(false);
            results.show(analysis);
            feedback.show(analysis.runId());
        }, failure -> {
            setAnalysing(false);
            if (failure instanceof InvalidInputException invalid) {
                form.showError(ProgressCsv.describe(invalid, event.csv()));
            } else if (failure instanceof RunNotSucceeded || failure instanceof ConflictException
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
