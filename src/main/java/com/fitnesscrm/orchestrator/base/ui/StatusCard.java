package com.fitnesscrm.orchestrator.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A card with a title, a status line that says its state in words as well as colour, and label/value rows. All text
 * goes through components that escape it.
 */
public class StatusCard extends Div {

    public enum Level {
        OK(VaadinIcon.CHECK_CIRCLE, "status-ok"),
        INFO(VaadinIcon.INFO_CIRCLE, "status-info"),
        WARNING(VaadinIcon.WARNING, "status-warning"),
        DOWN(VaadinIcon.CLOSE_CIRCLE, "status-down");

        private final VaadinIcon icon;
        private final String className;

        Level(VaadinIcon icon, String className) {
            this.icon = icon;
            this.className = className;
        }
    }

    private final Div rows = new Div();

    public StatusCard(String id, String title, Level level, String status) {
        setId(id);
        addClassName("status-card");
        Icon icon = level.icon.create();
        Span statusLine = new Span(icon, new Span(status));
        statusLine.addClassNames("status-line", level.className);
        statusLine.getElement().setAttribute("data-level", level.name());
        rows.addClassName("status-rows");
        add(new H3(title), statusLine, rows);
    }

    public StatusCard row(String label, String value) {
        return row(label, new Span(value == null ? "—" : value));
    }

    public StatusCard row(String label, Component value) {
        Span labelSpan = new Span(label);
        labelSpan.addClassName("status-label");
        Div row = new Div(labelSpan, value);
        row.addClassName("status-row");
        rows.add(row);
        return this;
    }
}
