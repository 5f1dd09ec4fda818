package com.fitnesscrm.orchestrator.base.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** A list view's heading and its actions on one line, as every admin list (agents, keys, users, runs) opens. */
public class ViewToolbar extends HorizontalLayout {

    public ViewToolbar(String title, Component... actions) {
        add(new H2(title));
        add(actions);
        setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    /** The view's main action, e.g. "New agent": a primary button with an icon and an id for tests. */
    public static Button primary(String label, VaadinIcon icon, String id,
                                 ComponentEventListener<ClickEvent<Button>> listener) {
        return button(label, icon, id, listener, ButtonVariant.LUMO_PRIMARY);
    }

    /** A secondary action, e.g. "Refresh". */
    public static Button tertiary(String label, VaadinIcon icon, String id,
                                  ComponentEventListener<ClickEvent<Button>> listener) {
        return button(label, icon, id, listener, ButtonVariant.LUMO_TERTIARY);
    }

    private static Button button(String label, VaadinIcon icon, String id,
                                 ComponentEventListener<ClickEvent<Button>> listener, ButtonVariant variant) {
        Button button = new Button(label, icon.create(), listener);
        button.setId(id);
        button.addThemeVariants(variant);
        return button;
    }
}
