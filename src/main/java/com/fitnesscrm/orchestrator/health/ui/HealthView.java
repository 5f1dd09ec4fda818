package com.fitnesscrm.orchestrator.health.ui;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.base.ui.BackgroundWork;
import com.fitnesscrm.orchestrator.execution.RunNotSucceeded;
import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthCheckService;
import com.fitnesscrm.orchestrator.health.HealthOverview;
import com.fitnesscrm.orchestrator.health.HealthTimeline;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Health Checker for admins (docs/decisions/0021, "The Health view"): a tile per component of the latest check,
 * each component's history over 24 h or 7 d, "Check now" (a recorded {@code health_check} run, in the background),
 * the remediation log's place, and the alert log with each delivery's status.
 */
@Route("health")
@PageTitle("Health · FitnessCRM AI Orchestrator")
@Menu(order = 25, icon = "vaadin:heart-o", title = "Health")
@RolesAllowed(Roles.ADMIN)
public class HealthView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(HealthView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private final transient HealthCheckService health;
    private final transient BackgroundWork background;
    private final Span overall = new Span();
    private final Span checkedAt = new Span();
    private final Button checkNow = new Button("Check now", VaadinIcon.REFRESH.create());
    private final Div tiles = new Div();
    private final RadioButtonGroup<HealthTimeline.Window> window = new RadioButtonGroup<>();
    private final Div chart = new Div();
    private final AlertLogGrid alertLog = new AlertLogGrid();

    public HealthView(HealthCheckService health, BackgroundWork background) {
        this.health = health;
        this.background = background;
        tiles.setId("health-tiles");
        tiles.addClassName("status-cards");
        add(createHeader(), tiles, createHistory(), createRemediationLog(), new H3("Alerts"), alertLog);
        refresh();
    }

    private HorizontalLayout createHeader() {
        checkNow.setId("check-now");
        checkNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checkNow.addClickListener(event -> checkNow());
        overall.setId("health-overall");
        checkedAt.setId("health-checked-at");
        checkedAt.addClassName("checked-at");
        HorizontalLayout header = new HorizontalLayout(new H2("Health"), overall, checkNow, checkedAt);
        header.setAlignItems(Alignment.BASELINE);
        return header;
    }

    private VerticalLayout createHistory() {
        window.setId("history-window");
        window.setItems(HealthTimeline.Window.values());
        window.setItemLabelGenerator(w -> w == HealthTimeline.Window.DAY ? "24 h" : "7 d");
        window.setValue(HealthTimeline.Window.DAY);
        window.addValueChangeListener(event -> showChart());
        chart.setId("health-history");
        chart.setWidthFull();
        VerticalLayout history = new VerticalLayout(new H3("History"), window, chart);
        history.setPadding(false);
        return history;
    }

    /**
     * REMEDIATION LOG — placeholder. Self-healing (issue 16, branch {@code heal}) brings the remediation log with
     * undo; the lead puts it here when merging. Until then this says so.
     */
    private Div createRemediationLog() {
        Div remediations = new Div(new H3("Remediations"),
                new Paragraph("Self-healing's log of remediations, each with undo, will be shown here."));
        remediations.setId("remediation-log");
        return remediations;
    }

    /** Reads the latest check, the history and the alert log again. */
    void refresh() {
        HealthOverview latest = health.overview(1);
        overall.setText("Overall: " + HealthTiles.word(latest.overall()));
        overall.getElement().setAttribute("data-level", HealthTiles.level(latest.overall()).name());
        overall.setClassName("status-line " + switch (latest.overall()) {
            case HEALTHY -> "status-ok";
            case WARNING -> "status-warning";
            case CRITICAL -> "status-down";
        });
        checkedAt.setText(latest.checkedAt() == null ? "" : "Checked " + TIME.format(latest.checkedAt())
                + (latest.fromMemory() ? " (kept in memory: the database does not answer)" : ""));
        tiles.removeAll();
        for (ComponentHealth component : latest.components()) {
            tiles.add(HealthTiles.tile(component));
        }
        showChart();
        alertLog.show(health.alerts());
    }

    private void showChart() {
        HealthTimeline timeline = health.timeline(window.getValue());
        byte[] svg = HealthChart.svg(timeline, ZoneId.systemDefault()).getBytes(StandardCharsets.UTF_8);
        Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(svg), "health-history.svg", "image/svg+xml", svg.length)),
                HealthChart.description(timeline));
        image.setId("health-history-chart");
        image.setMaxWidth("100%");
        image.getStyle().set("height", "auto").set("display", "block");
        chart.removeAll();
        chart.add(image);
    }

    private void checkNow() {
        checkNow.setEnabled(false);
        checkNow.setText("Checking…");
        background.start(this, health::checkNow, report -> {
            checkNow.setEnabled(true);
            checkNow.setText("Check now");
            refresh();
        }, failure -> {
            checkNow.setEnabled(true);
            checkNow.setText("Check now");
            String message;
            if (failure instanceof RunNotSucceeded || failure instanceof ConflictException
                    || failure instanceof UnavailableException || failure instanceof BackgroundWork.BusyException) {
                message = failure.getMessage(); // e.g. the Health Checker agent is disabled
            } else {
                log.error("Check now failed", failure);
                message = "The check could not be made because of a fault on the server; it is in the server's log.";
            }
            Notification.show(message, 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        });
    }
}
