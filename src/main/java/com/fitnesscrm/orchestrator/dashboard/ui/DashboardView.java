package com.fitnesscrm.orchestrator.dashboard.ui;

import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.crm.CrmService;
import com.fitnesscrm.orchestrator.health.HealthCheckService;
import com.fitnesscrm.orchestrator.health.SystemStatus;
import com.fitnesscrm.orchestrator.health.SystemStatusService;
import com.fitnesscrm.orchestrator.health.SystemSummary;
import com.fitnesscrm.orchestrator.metrics.MetricsReader;
import com.fitnesscrm.orchestrator.security.Roles;
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
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;

/**
 * The live state of the orchestrator: every component in detail for admins, whether it works for trainers, and the
 * Health Checker's overall status (with a link to the Health view for admins only).
 * Below, the metrics of the roll-ups ({@link MetricsPanel}): key figures for a range and agent, charts and a CSV
 * export; trainers see their own tools' numbers, without costs or errors.
 * {@code /gui}, where the original service kept its GUI, opens it too. Refreshes itself every 15 seconds while open,
 * the metrics every 60 seconds (the roll-ups change no faster).
 */
@Route("")
@RouteAlias("gui")
@PageTitle("Dashboard · FitnessCRM AI Orchestrator")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Dashboard")
@PermitAll
public class DashboardView extends VerticalLayout {

    private static final int REFRESH_MILLIS = 15_000;
    private static final int METRICS_EVERY_POLLS = 4;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private final transient SystemStatusService status;
    private final transient CrmService crm;
    private final transient HealthCheckService health;
    private final boolean admin;
    private final Div cards = new Div();
    private final Span checkedAt = new Span();
    final MetricsPanel metrics;
    private Registration polling;
    private int polls;

    public DashboardView(SystemStatusService status, CrmService crm, HealthCheckService health,
                         AuthenticationContext authentication, MetricsReader metricsReader, AgentService agents,
                         Clock clock, @Value("${orchestrator.llm.daily-budget-usd:#{null}}") BigDecimal dailyBudget) {
        this.status = status;
        this.crm = crm;
        this.health = health;
        this.admin = authentication.hasRole(Roles.ADMIN);
        cards.addClassName("status-cards");
        metrics = new MetricsPanel(metricsReader, agents.list(), admin, dailyBudget, clock);
        add(createHeader(), cards, metrics);
        refresh();
    }

    private HorizontalLayout createHeader() {
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), event -> {
            refresh();
            metrics.refresh();
        });
        refresh.setId("refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        checkedAt.addClassName("checked-at");
        HorizontalLayout header = new HorizontalLayout(new H2("Dashboard"), refresh, checkedAt);
        header.setAlignItems(Alignment.BASELINE);
        return header;
    }

    void refresh() {
        if (admin) {
            show(status.snapshot());
        } else {
            show(status.summary());
        }
    }

    /** Every component in detail, for admins. */
    void show(SystemStatus snapshot) {
        cards.removeAll();
        cards.add(StatusCards.health(health.overall(), true),
                StatusCards.database(snapshot.database()), StatusCards.scheduler(snapshot.scheduler()),
                StatusCards.application(snapshot.application()), StatusCards.llm(snapshot.llm()),
                StatusCards.crm(crm.status()));
        showCheckedAt(snapshot.checkedAt());
    }

    /** Whether the system works, without infrastructure details, for everyone else. */
    void show(SystemSummary summary) {
        cards.removeAll();
        cards.add(StatusCards.summary(summary), StatusCards.health(health.overall(), false),
                StatusCards.llm(summary.llm()));
        showCheckedAt(summary.checkedAt());
    }

    private void showCheckedAt(Instant instant) {
        checkedAt.setText("Checked " + TIME.format(instant));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(REFRESH_MILLIS);
        polling = event.getUI().addPollListener(poll -> {
            refresh();
            if (++polls % METRICS_EVERY_POLLS == 0) {
                metrics.refresh();
            }
        });
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
