package com.fitnesscrm.orchestrator.dashboard.ui;

import com.fitnesscrm.orchestrator.base.ui.StatusCard;
import com.fitnesscrm.orchestrator.base.ui.StatusCard.Level;
import com.fitnesscrm.orchestrator.dashboard.SystemStatus;
import com.fitnesscrm.orchestrator.dashboard.SystemStatusService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The live state of the orchestrator. {@code /gui}, where the original service kept its GUI, opens it too.
 * Refreshes itself every 15 seconds while open.
 */
@Route("")
@RouteAlias("gui")
@PageTitle("Dashboard · FitnessCRM AI Orchestrator")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Dashboard")
@PermitAll
public class DashboardView extends VerticalLayout {

    private static final int REFRESH_MILLIS = 15_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private final transient SystemStatusService status;
    private final Div cards = new Div();
    private final Span checkedAt = new Span();
    private Registration polling;

    public DashboardView(SystemStatusService status) {
        this.status = status;
        cards.addClassName("status-cards");
        add(createHeader(), cards);
        refresh();
    }

    private HorizontalLayout createHeader() {
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), event -> refresh());
        refresh.setId("refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        checkedAt.addClassName("checked-at");
        HorizontalLayout header = new HorizontalLayout(new H2("Dashboard"), refresh, checkedAt);
        header.setAlignItems(Alignment.BASELINE);
        return header;
    }

    void refresh() {
        SystemStatus snapshot = status.snapshot();
        cards.removeAll();
        cards.add(databaseCard(snapshot.database()), schedulerCard(snapshot.scheduler()),
                applicationCard(snapshot.application()), llmCard(snapshot.llm()));
        checkedAt.setText("Checked " + TIME.format(snapshot.checkedAt()));
    }

    private static StatusCard databaseCard(SystemStatus.Database db) {
        StatusCard card = db.reachable()
                ? new StatusCard("database-card", "Database", Level.OK, "Reachable")
                : new StatusCard("database-card", "Database", Level.DOWN, "Unreachable: " + db.error());
        card.row("Version", db.version())
                .row("Latency", db.latency() == null ? null : millis(db.latency()))
                .row("Connection", db.connection());
        if (db.maxConnections() > 0) {
            card.row("Pool", db.activeConnections() + " in use, " + db.idleConnections() + " idle, "
                    + db.maxConnections() + " max");
        }
        return card;
    }

    private static StatusCard schedulerCard(SystemStatus.Scheduler scheduler) {
        StatusCard card;
        if (scheduler.error() != null) {
            card = new StatusCard("scheduler-card", "Scheduler", Level.DOWN, "Unavailable: " + scheduler.error());
        } else {
            card = new StatusCard("scheduler-card", "Scheduler",
                    scheduler.running() ? Level.OK : Level.WARNING, scheduler.running() ? "Running" : "Not running");
        }
        card.row("Mode", scheduler.clustered() ? "Clustered (JDBC job store)" : "Not clustered")
                .row("Instance", scheduler.instanceId())
                .row("Threads", String.valueOf(scheduler.threads()));
        if (scheduler.jobs().isEmpty()) {
            card.row("Jobs", "None scheduled");
        }
        for (SystemStatus.Job job : scheduler.jobs()) {
            String next = job.nextFireTime() == null ? "no next run" : "next " + TIME.format(job.nextFireTime());
            card.row(job.group() + "." + job.name(), job.state().toLowerCase(Locale.ROOT) + ", " + next);
        }
        return card;
    }

    private static StatusCard applicationCard(SystemStatus.Application app) {
        return new StatusCard("application-card", "Application", Level.OK, "Version " + app.version())
                .row("Java", app.javaVersion())
                .row("Virtual threads", app.virtualThreads() ? "On" : "Off (needs Java 21+)")
                .row("Up for", uptime(app.uptime()));
    }

    private static StatusCard llmCard(SystemStatus.Llm llm) {
        if (!llm.configured()) {
            return new StatusCard("llm-card", "LLM provider", Level.INFO, "Not configured")
                    .row("Agents run on", "their rules engines only")
                    .row("To enable", "set OPENAI_API_KEY (and OPENAI_MODEL, OPENAI_BASE_URL)");
        }
        return new StatusCard("llm-card", "LLM provider", Level.OK, "Configured")
                .row("Model", llm.model())
                .row("Endpoint", llm.providerHost());
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1_000_000.0);
    }

    private static String uptime(Duration uptime) {
        long minutes = uptime.toMinutes();
        return minutes < 60 ? minutes + " min" : uptime.toHours() + " h " + uptime.toMinutesPart() + " min";
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(REFRESH_MILLIS);
        polling = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
        super.onDetach(event);
    }
}
