package com.fitnesscrm.orchestrator.security.ui;

import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.login.LoginOverlay;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** The login page; Spring Security handles the form's POST to {@code /login}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · FitnessCRM AI Orchestrator")
@AnonymousAllowed
public class LoginView extends LoginOverlay implements BeforeEnterObserver {

    private final transient AuthenticationContext authentication;
    /** The texts on show (the overlay gives them to the browser and keeps no getter). */
    LoginI18n texts;

    public LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        setAction("login");
        setForgotPasswordButtonVisible(false);
        setI18n(createI18n());
        setOpened(true);
    }

    @Override
    public void setI18n(LoginI18n i18n) {
        super.setI18n(i18n);
        this.texts = i18n;
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
        if (parameters.containsKey("error") && lastFailure() instanceof LockedException paused) {
            // The throttle pauses any name tried too often, known or not, so saying so tells no one who exists.
            LoginI18n i18n = createI18n();
            i18n.getErrorMessage().setTitle("Sign-in is paused for this user name");
            i18n.getErrorMessage().setMessage(paused.getMessage() + " Even the right password is refused until "
                    + "then; an admin can reset the password meanwhile.");
            setI18n(i18n);
            setError(true);
            return;
        }
        setError(parameters.containsKey("error"));
    }

    /** Why the last login failed, as Spring Security's failure handler keeps it in the session. */
    private static Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
