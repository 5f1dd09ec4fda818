package com.fitnesscrm.orchestrator.security.ui;

import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.login.LoginOverlay;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** The login page; Spring Security handles the form's POST to {@code /login}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · FitnessCRM AI Orchestrator")
@AnonymousAllowed
public class LoginView extends LoginOverlay implements BeforeEnterObserver {

    private final transient AuthenticationContext authentication;

    public LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        setAction("login");
        setForgotPasswordButtonVisible(false);
        setI18n(createI18n());
        setOpened(true);
    }

    private static LoginI18n createI18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Header header = new LoginI18n.Header();
        header.setTitle("FitnessCRM AI Orchestrator");
        header.setDescription("AI agents, runs and health for your fitness business");
        i18n.setHeader(header);
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        error.setTitle("Wrong user name or password");
        error.setMessage("Check them and try again. After several wrong tries a user name is paused for 15 "
                + "minutes, and a disabled account cannot log in; an admin can help.");
        i18n.setErrorMessage(error);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            setOpened(false);
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("expired")) {
            // The POST came without this page's CSRF token: an old login page, or a form on another site.
            LoginI18n i18n = createI18n();
            i18n.getErrorMessage().setTitle("Please log in again");
            i18n.getErrorMessage().setMessage("The login page had expired, so you were not logged in. Enter your "
                    + "user name and password once more.");
            setI18n(i18n);
            setError(true);
            return;
        }
        setError(parameters.containsKey("error"));
    }
}
