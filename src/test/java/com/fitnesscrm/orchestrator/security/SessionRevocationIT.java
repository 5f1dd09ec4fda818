package com.fitnesscrm.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A person logged in through the login form loses their open session at their next request when an admin disables
 * them, changes their role or resets their password.
 */
@ServerIntegrationTest
class SessionRevocationIT {

    private static final String PASSWORD = "a-good-long-password";
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    private int port;
    @Autowired
    private UserService users;
    @Autowired
    private SecurityContextHolderStrategy securityContext;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void disabling_a_user_ends_their_open_session() throws Exception {
        assertChangeEndsSession(trainer -> users.setEnabled(trainer.id(), false));
    }

    @Test
    void changing_a_users_role_ends_their_open_session() throws Exception {
        assertChangeEndsSession(trainer -> users.changeRole(trainer.id(), UserRole.ADMIN));
    }

    @Test
    void resetting_a_password_ends_the_open_session() throws Exception {
        assertChangeEndsSession(trainer -> users.resetPassword(trainer.id(), "a-brand-new-password"));
    }

    @Test
    void a_session_whose_account_did_not_change_goes_on() throws Exception {
        UserAccount trainer = asAdmin(() -> users.create(name(), PASSWORD, UserRole.TRAINER));
        HttpClient browser = logIn(trainer.username());
        asAdmin(() -> users.setEnabled(trainer.id(), true)); // no change: already enabled
        assertThat(get(browser, "/").statusCode()).isEqualTo(200);
    }

    private void assertChangeEndsSession(Consumer<UserAccount> change) throws Exception {
        UserAccount trainer = asAdmin(() -> users.create(name(), PASSWORD, UserRole.TRAINER));
        HttpClient browser = logIn(trainer.username());
        assertThat(get(browser, "/").statusCode()).as("signed in").isEqualTo(200);

        asAdmin(() -> {
            change.accept(trainer);
            return null;
        });

        HttpResponse<String> next = get(browser, "/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    /** Logs in through the login form as a browser does, keeping the session cookie. */
    private HttpClient logIn(String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> loginPage = get(browser, "/login");
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(PASSWORD) + "&_csrf="
                + encode(csrf.group(1));
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> T asAdmin(Supplier<T> action) {
        return RunAs.admin(securityContext, action);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String name() {
        return "session-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
