package com.fitnesscrm.orchestrator.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.Lumo;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every view: the product's name, navigation to the views the signed-in user may open (collected
 * from their {@code @Menu} annotations, so there is never a link to a view that does not exist or is forbidden), a
 * light/dark switch remembered per user, and log out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    static final String PRODUCT_NAME = "FitnessCRM AI Orchestrator";

    private final transient AuthenticationContext authentication;
    private final transient ThemePreferenceStore themePreferences;
    private final Button themeToggle = new Button();

    public MainLayout(AuthenticationContext authentication, ThemePreferenceStore themePreferences) {
        this.authentication = authentication;
        this.themePreferences = themePreferences;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), createHeader());
        addToDrawer(createTitle(), createNavigation());
    }

    private Span createTitle() {
        Span title = new Span(PRODUCT_NAME);
        title.addClassName("app-title");
        return title;
    }

    private SideNav createNavigation() {
        SideNav nav = new SideNav();
        nav.addClassName("app-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(createNavItem(entry)));
        return nav;
    }

    private static SideNavItem createNavItem(MenuEntry entry) {
        return entry.icon() == null
                ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
    }

    private HorizontalLayout createHeader() {
        String username = authentication.getPrincipalName().orElse("");
        Span user = new Span(new Icon(VaadinIcon.USER), new Span(username));
        user.addClassName("app-user");

        themeToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        themeToggle.setId("theme-toggle");
        themeToggle.addClickListener(event -> {
            boolean dark = !isDark();
            themePreferences.setPrefersDarkTheme(dark);
            applyTheme(dark);
        });

        Button logout = new Button("Log out", new Icon(VaadinIcon.SIGN_OUT), event -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(user, themeToggle, logout);
        header.addClassName("app-header");
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        return header;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        applyTheme(themePreferences.prefersDarkTheme());
    }

    private boolean isDark() {
        return UI.getCurrent().getElement().getThemeList().contains(Lumo.DARK);
    }

    private void applyTheme(boolean dark) {
        var themes = UI.getCurrent().getElement().getThemeList();
        if (dark) {
            themes.add(Lumo.DARK);
        } else {
            themes.remove(Lumo.DARK);
        }
        themeToggle.setIcon(new Icon(dark ? VaadinIcon.SUN_O : VaadinIcon.MOON_O));
        themeToggle.setText(dark ? "Light" : "Dark");
        themeToggle.setAriaLabel(dark ? "Switch to the light theme" : "Switch to the dark theme");
    }
}
