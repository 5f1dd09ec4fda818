package com.fitnesscrm.orchestrator.health.ui;

import com.fitnesscrm.orchestrator.health.HealthAlert;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The alert log: one row per alert per channel, newest first, with how its delivery went. */
class AlertLogGrid extends Grid<HealthAlert> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    AlertLogGrid() {
        super(HealthAlert.class, false);
        setId("alert-log");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(alert -> TIME.format(alert.createdAt())).setHeader("When").setAutoWidth(true);
        addColumn(HealthAlert::component).setHeader("Component").setAutoWidth(true);
        addColumn(alert -> alert.kind().code()).setHeader("Kind").setAutoWidth(true);
        addColumn(alert -> alert.from().code() + " → " + alert.to().code()).setHeader("Status").setAutoWidth(true);
        addColumn(HealthAlert::channel).setHeader("Channel").setAutoWidth(true);
        addColumn(AlertLogGrid::delivery).setHeader("Delivery").setAutoWidth(true);
        addColumn(HealthAlert::message).setHeader("Message").setFlexGrow(1);
        setEmptyStateText("No alert yet: every component has been healthy since alerts were first recorded.");
    }

    void show(List<HealthAlert> alerts) {
        setItems(alerts);
    }

    static String delivery(HealthAlert alert) {
        String attempts = alert.attempts() == 1 ? "1 attempt" : alert.attempts() + " attempts";
        return switch (alert.delivery()) {
            case "sent" -> "sent " + TIME.format(alert.sentAt()) + " (" + attempts + ")";
            case "pending" -> "sending (" + attempts + (alert.lastError() == null ? "" : ", last: "
                    + alert.lastError()) + ")";
            case "failed" -> "failed after " + attempts + ": " + alert.lastError();
            case "not_configured" -> "no channel configured";
            default -> alert.delivery();
        };
    }
}
