package com.fitnesscrm.orchestrator.health.ui;

import com.fitnesscrm.orchestrator.base.ui.StatusCard;
import com.fitnesscrm.orchestrator.base.ui.StatusCard.Level;
import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** A tile per component: its status in colour and in words, its message, and its key numbers. */
final class HealthTiles {

    /** Numbers beyond these are in the run's record and {@code /api/health-status}; a tile stays short. */
    private static final int MAX_NUMBERS = 6;

    private HealthTiles() {
    }

    static StatusCard tile(ComponentHealth component) {
        StatusCard card = new StatusCard("health-tile-" + component.component(), title(component.component()),
                level(component.status()), word(component.status()));
        card.addClassName("health-tile");
        Paragraph message = new Paragraph(component.message());
        message.addClassName("health-message");
        card.add(message);
        component.metrics().entrySet().stream().filter(HealthTiles::scalar).limit(MAX_NUMBERS)
                .forEach(metric -> card.row(metric.getKey().replace('_', ' '), String.valueOf(metric.getValue())));
        return card;
    }

    static Level level(HealthStatus status) {
        return switch (status) {
            case HEALTHY -> Level.OK;
            case WARNING -> Level.WARNING;
            case CRITICAL -> Level.DOWN;
        };
    }

    /** "Healthy", "Warning", "Critical": the status said in words as well as in colour. */
    static String word(HealthStatus status) {
        String code = status.code();
        return code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
    }

    private static String title(String component) {
        return component.replace('_', ' ');
    }

    /** Numbers, texts and yes/no: lists and nested objects (per agent, per job) are too long for a tile. */
    private static boolean scalar(Map.Entry<String, Object> metric) {
        return metric.getValue() != null && !(metric.getValue() instanceof Collection<?>)
                && !(metric.getValue() instanceof Map<?, ?>);
    }
}
