package com.fitnesscrm.orchestrator.health.ui;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import com.fitnesscrm.orchestrator.base.ui.BackgroundWork;
import com.fitnesscrm.orchestrator.execution.RunNotSucceeded;
import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthCheckService;
import com.fitnesscrm.orchestrator.health.HealthOverview;
import com.fitnesscrm.orchestrator.health.HealthTimeline;
import com.fitnesscrm.orchestrator.health.Remediation;
import com.fitnesscrm.orchestrator.health.SelfHealingService;
import com.fitnesscrm.orchestrator.health.UndoResult;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The Health Checker for admins (docs/decisions/0021, "The Health view"): a tile per component of the latest check,
 * each component's history over 24 h or 7 d, "Check now" (a recorded {@code health_check} run, in the background),
 * self-healing's remediation log with undo, and the alert log with each delivery's status.
 */
@Route("health")
@PageTitle("Health · FitnessCRM AI Orchestrator")
@Menu(order = 25, icon = "vaadin:heart-o", title = "Health")
@RolesAllowed(Roles.ADMIN)
public class HealthView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(HealthView.class);
    /** Remediations listed, newest first; older ones are in {@code GET /api/health/remediations}. */
    static final int REMEDIATIONS_SHOWN = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private final transient HealthCheckService health;
    private final transient BackgroundWork background;
    private final transient SelfHealingService selfHealing;
    private final transient AuthenticationContext authentication;
    private final Span overall = new Span();
    private final Span checkedAt = new Span();
    private final Button checkNow = new Button("Check now", VaadinIcon.REFRESH.create());
    private final Div tiles = new Div();
    private final RadioButtonGroup<HealthTimeline.Window> window = new RadioButtonGroup<>();
    private final Div chart = new Div();
    private final AlertLogGrid alertLog = new AlertLogGrid();
    private final Paragraph selfHealingMode = new Paragraph();
    private final RemediationLogGrid remediationLog = new RemediationLogGrid(this::confirmUndo);

    public HealthView(HealthCheckService health, BackgroundWork background, SelfHealingService selfHealing,
                      AuthenticationContext authentication) {
        this.health = health;
        this.background = background;
        this.selfHealing = selfHealing;
        this.authentication = authentication;
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

    private VerticalLayout createRemediationLog() {
        selfHealingMode.setId("self-healing-mode");
        VerticalLayout remediations = new VerticalLayout(new H3("Remediations"), selfHealingMode, remediationLog);
        remediations.setPadding(false);
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
        selfHealingMode.setText(switch (selfHealing.mode()) {
            case ON -> "Self-healing is on (SELF_HEALING): what is safe to heal is healed and logged here.";
            case DRY_RUN -> "Self-healing is a dry run (SELF_HEALING=dry_run): what would be done is logged here, "
                    + "nothing is done.";
            case OFF -> "Self-healing is off (SELF_HEALING=off): nothing is healed; recommendations say what to do.";
        });
        try {
            remediationLog.show(selfHealing.list(1, REMEDIATIONS_SHOWN));
        } catch (DataAccessException e) {
            // the database is away: the tiles say so; the log is shown again at the next refresh
            remediationLog.show(List.of());
        }
        alertLog.show(health.alerts());
    }

    private void confirmUndo(Remediation entry) {
        ConfirmDialog confirm = new ConfirmDialog("Undo remediation " + entry.id() + "?",
                entry.what() + ". " + (entry.kind().whyNoReversal() == null
                        ? "This reverses it now."
                        : "There is nothing to reverse; it is recorded as undone. " + entry.kind().whyNoReversal()),
                "Undo", event -> undo(entry));
        confirm.setCancelable(true);
        confirm.open();
    }

    private void undo(Remediation entry) {
        String by = authentication.getPrincipalName().orElseThrow(); // the view is for signed-in admins only
        try {
            UndoResult result = selfHealing.undo(entry.id(), by);
            Notification.show(result.message(), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException | NotFoundException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
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
