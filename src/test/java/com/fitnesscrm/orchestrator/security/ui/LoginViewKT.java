package com.fitnesscrm.orchestrator.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** What the login page says after a refused login, as Spring Security leaves the reason in the session. */
class LoginViewKT extends KaribuTest {

    @Test
    void a_paused_user_name_is_told_that_sign_in_is_paused_not_that_the_password_is_wrong() {
        refusedBecause(new LockedException("Too many failed logins; try again in 14 minutes."));

        LoginView login = _get(LoginView.class);
        assertThat(login.isError()).isTrue();
        assertThat(login.texts.getErrorMessage().getTitle()).isEqualTo("Sign-in is paused for this user name");
        assertThat(login.texts.getErrorMessage().getMessage()).startsWith("Too many failed logins; try again "
                + "in 14 minutes.");
    }

    @Test
    void a_wrong_password_still_says_so() {
        refusedBecause(new BadCredentialsException("Bad credentials"));

        LoginView login = _get(LoginView.class);
        assertThat(login.isError()).isTrue();
        assertThat(login.texts.getErrorMessage().getTitle()).isEqualTo("Wrong user name or password");
    }

    private static void refusedBecause(Exception reason) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, reason);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
    }
}
