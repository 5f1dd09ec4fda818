package com.fitnesscrm.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.security.LoginOverHttp.LoginPage;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Login CSRF: a form on another site (or a script) must not log a browser in, with the attacker's account or any
 * other. Only a POST carrying the token of the login page the browser opened, in that page's session, logs in.
 */
@ServerIntegrationTest
class LoginCsrfIT {

    private static final String PASSWORD = "trainer-password-for-csrf";

    @Autowired
    private UserService users;
    @Autowired
    private SecurityContextHolderStrategy securityContext;
    @LocalServerPort
    private int port;

    private LoginOverHttp login;
    private String trainer;

    @BeforeEach
    void createTrainer() {
        login = new LoginOverHttp(port);
        trainer = RunAs.admin(securityContext, () -> users.create("csrf-" + UUID.randomUUID().toString()
                .substring(0, 8), PASSWORD, UserRole.TRAINER).username());
    }

    @Test
    void the_login_page_carries_the_token_and_a_login_with_it_opens_the_dashboard() throws Exception {
        LoginPage page = login.openLoginPage();
        assertThat(page.csrfParameter()).isEqualTo("_csrf");
        assertThat(page.csrfToken()).isNotBlank();

        HttpResponse<String> response = login.logIn(page, trainer, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).isEqualTo(login.uri("/").toString()));
        String session = LoginOverHttp.sessionCookie(response).orElseThrow();
        assertThat(session).as("a fresh session id after login").isNotEqualTo(page.sessionCookie());
        assertThat(login.opensTheDashboard(session)).isTrue();
    }

    @Test
    void a_login_without_a_csrf_token_is_refused() throws Exception {
        LoginPage page = login.openLoginPage();
        assertRefused(login.postLogin(page.sessionCookie(), LoginOverHttp.fields(trainer, PASSWORD, null, null)),
                page.sessionCookie());
    }

    @Test
    void a_login_with_a_wrong_csrf_token_is_refused() throws Exception {
        LoginPage page = login.openLoginPage();
        assertRefused(login.postLogin(page.sessionCookie(), LoginOverHttp.fields(trainer, PASSWORD, "_csrf",
                "not-the-token-" + UUID.randomUUID())), page.sessionCookie());
    }

    @Test
    void a_login_with_the_token_of_another_session_is_refused() throws Exception {
        LoginPage victim = login.openLoginPage();
        LoginPage attacker = login.openLoginPage();
        assertRefused(login.postLogin(victim.sessionCookie(), LoginOverHttp.fields(trainer, PASSWORD, "_csrf",
                attacker.csrfToken())), victim.sessionCookie());
    }

    @Test
    void a_cross_site_login_without_a_cookie_is_refused() throws Exception {
        LoginPage attacker = login.openLoginPage();
        assertRefused(login.postLogin(null, LoginOverHttp.fields(trainer, PASSWORD, "_csrf", attacker.csrfToken()),
                "Origin", "http://evil.example", "Referer", "http://evil.example/login.html"), null);
    }

    /** Back to the login page saying why, and neither the page's session nor any new one is logged in. */
    private void assertRefused(HttpResponse<String> response, String pageSession) throws Exception {
        assertThat(response.statusCode()).as("refused, not logged in").isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login?expired"));
        assertThat(login.opensTheDashboard(pageSession)).as("the page's session is not logged in").isFalse();
        var newSession = LoginOverHttp.sessionCookie(response);
        if (newSession.isPresent()) {
            assertThat(login.opensTheDashboard(newSession.get())).as("nor a session made by the refusal").isFalse();
        }
    }
}
