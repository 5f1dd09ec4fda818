package com.fitnesscrm.orchestrator.progress.ui;

import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.progress.ProgressCsv;
import com.fitnesscrm.orchestrator.progress.ProgressService;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Trainers paste or upload a client's measurements and see the trend, the rate with its interval, the goal's date
 * range, anomalies and insights. Each analysis is a recorded run of the Progress Monitor.
 */
@Route("client-progress")
@PageTitle("Client progress · FitnessCRM AI Orchestrator")
@Menu(order = 50, icon = "vaadin:chart-line", title = "Client progress")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
public class ClientProgressView extends VerticalLayout {

    private final transient ProgressService progress;
    final MeasurementsForm form = new MeasurementsForm();
    final ProgressResults results = new ProgressResults();

    public ClientProgressView(ProgressService progress) {
        this.progress = progress;
        form.addAnalyseListener(this::analyse);
        add(new H2("Client progress"), form, results);
    }

    private void analyse(MeasurementsForm.AnalyseEvent event) {
        form.clearError();
        try {
            results.show(progress.analyse(ProgressCsv.input(event.csv(), event.metric(), event.target(),
                    event.byDate())));
        } catch (InvalidInputException e) {
            form.showError(ProgressCsv.describe(e, event.csv()));
        } catch (IllegalStateException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
