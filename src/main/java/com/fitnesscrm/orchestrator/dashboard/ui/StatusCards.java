package com.fitnesscrm.orchestrator.dashboard.ui;

import com.fitnesscrm.orchestrator.base.ui.StatusCard;
import com.fitnesscrm.orchestrator.base.ui.StatusCard.Level;
import com.fitnesscrm.orchestrator.crm.CrmStatus;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import com.fitnesscrm.orchestrator.health.SystemStatus;
import com.fitnesscrm.orchestrator.health.SystemSummary;
import com.fitnesscrm.orchestrator.health.ui.HealthView;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The dashboard's cards, one per component, built from a status snapshot. */
final class StatusCards {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private StatusCards() {
    }

    static StatusCard database(SystemStatus.Database db) {
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

    static StatusCard scheduler(SystemStatus.Scheduler scheduler) {
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

    static StatusCard application(SystemStatus.Application app) {
        return new StatusCard("application-card", "Application", Level.OK, "Version " + app.version())
                .row("Java", app.javaVersion())
                .row("Virtual threads", app.virtualThreads() ? "On" : "Off (needs Java 21+)")
                .row("Up for", uptime(app.uptime()));
    }

    static StatusCard llm(SystemStatus.Llm llm) {
        if (!llm.configured()) {
            return new StatusCard("llm-card", "LLM provider", Level.INFO, "Not configured")
                    .row("Agents run on", "their rules engines only")
                    .row("To enable", "set OPENAI_API_KEY (and OPENAI_MODEL, OPENAI_BASE_URL)");
        }
        StatusCard card = new StatusCard("llm-card", "LLM provider", Level.OK, "Configured").row("Model", llm.model());
        if (llm.providerHost() != null) {
            card.row("Endpoint", llm.providerHost());
        }
        return card;
    }

    /** The main backend's CRM data the agents read: found or not, its tables and rows, the last read. */
    static StatusCard crm(CrmStatus crm) {
        StatusCard card;
        if (crm.error() != null) {
            card = new StatusCard("crm-card", "CRM data", Level.DOWN, "Unreachable: " + crm.error());
        } else if (!crm.found()) {
            card = new StatusCard("crm-card", "CRM data", Level.INFO, "Not found")
                    .row("Agents use", "what each request carries")
                    .row("To connect", "share the main backend's database, or set CRM_DATABASE_URL");
        } else {
            card = new StatusCard("crm-card", "CRM data", crm.degraded().isEmpty() ? Level.OK : Level.WARNING,
                    crm.degraded().isEmpty() ? "Connected" : "Connected, partly");
        }
        card.row("Source", crm.source()).row("Time zone", crm.timeZone() == null ? null : crm.timeZone().getId());
        if (crm.found()) {
            card.row("Tables", crm.tables().stream()
                    .map(table -> table + " (" + rows(crm.rowCounts().get(table)) + ")")
                    .collect(Collectors.joining(", ")));
        }
        crm.degraded().forEach(limit -> card.row("Limited", limit));
        card.row("Last read", crm.lastRead() == null ? "never" : TIME.format(crm.lastRead()))
                .row("Last looked up", crm.lastDiscovery() == null ? "never" : TIME.format(crm.lastDiscovery()));
        return card;
    }

    private static String rows(Long count) {
        if (count == null || count < 0) {
            return "rows unknown";
        }
        return count == 1 ? "1 row" : String.format(Locale.ROOT, "%,d rows", count);
    }

    static StatusCard summary(SystemSummary summary) {
        StatusCard card = summary.healthy()
                ? new StatusCard("system-card", "System", Level.OK, "All systems working")
                : new StatusCard("system-card", "System", Level.DOWN, "Degraded: some parts are not working; "
                        + "please tell an admin");
        return card.row("Database", summary.databaseReachable() ? "Working" : "Not reachable")
                .row("Scheduler", summary.schedulerRunning() ? "Working" : "Not running")
                .row("Version", summary.version());
    }

    /**
     * The Health Checker's overall status. Admins: the status word and a link to the Health view. Everyone else: a
     * plain sentence, no component, number or link (docs/decisions/0021, "The Health view").
     */
    static StatusCard health(Optional<HealthStatus> overall, boolean admin) {
        if (overall.isEmpty()) {
            StatusCard card = new StatusCard("health-card", admin ? "Health checks" : "System health", Level.INFO,
                    "Not checked yet");
            return admin ? card.row("Details", new RouterLink("Open Health", HealthView.class)) : card;
        }
        HealthStatus status = overall.get();
        Level level = switch (status) {
            case HEALTHY -> Level.OK;
            case WARNING -> Level.WARNING;
            case CRITICAL -> Level.DOWN;
        };
        if (!admin) {
            return new StatusCard("health-card", "System health", level, switch (status) {
                case HEALTHY -> "Everything is working normally";
                case WARNING -> "Working, but some parts need attention";
                case CRITICAL -> "Some parts are not working; the admins can see the details";
            });
        }
        RouterLink open = new RouterLink("Open Health", HealthView.class);
        open.setId("open-health");
        String word = status.code().substring(0, 1).toUpperCase(Locale.ROOT) + status.code().substring(1);
        return new StatusCard("health-card", "Health checks", level, "Overall: " + word).row("Details", open);
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1_000_000.0);
    }

    private static String uptime(Duration uptime) {
        long minutes = uptime.toMinutes();
        return minutes < 60 ? minutes + " min" : uptime.toHours() + " h " + uptime.toMinutesPart() + " min";
    }
}
