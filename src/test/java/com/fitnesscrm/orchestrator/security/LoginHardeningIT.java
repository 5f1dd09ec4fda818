package com.fitnesscrm.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.security.LoginOverHttp.LoginPage;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionTrackingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * What a browser and a scraper see of the login hardening: the login form and HTTP Basic throttle apart, the
 * session cookie and the headers of UI pages and of the API.
 */
@ServerIntegrationTest
class LoginHardeningIT {

    private static final String PASSWORD = "trainer-password-for-hardening";

    @Autowired
    private ServletContext servletContext;
    @Autowired
    private UserService users;
    @Autowired
    private SecurityContextHolderStrategy securityContext;
    @LocalServerPort
    private int port;
    private LoginOverHttp login;

    @BeforeEach
    void setUp() {
        login = new LoginOverHttp(port);
    }

    @Test
    void a_name_paused_at_the_login_form_can_still_use_http_basic() throws Exception {
        String trainer = trainer();
        LoginPage page = login.openLoginPage();
        for (int i = 0; i < 5; i++) {
            assertThat(login.logIn(page, trainer, "not-the-password").headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        }
        assertThat(login.logIn(page, trainer, PASSWORD).headers().firstValue("Location"))
                .as("paused at the login form").hasValueSatisfying(location ->
                        assertThat(location).endsWith("/login?error"));

        // Authenticated over Basic (a trainer may not read metrics: 403), not refused as paused (401).
        assertThat(basic("/actuator/prometheus", trainer, PASSWORD).statusCode()).isEqualTo(403);
    }

    @Test
    void a_name_paused_over_http_basic_can_still_log_in_at_the_form() throws Exception {
        String trainer = trainer();
        for (int i = 0; i < 5; i++) {
            assertThat(basic("/actuator/prometheus", trainer, "not-the-password").statusCode()).isEqualTo(401);
        }
        assertThat(basic("/actuator/prometheus", trainer, PASSWORD).statusCode()).as("paused over Basic")
                .isEqualTo(401);

        HttpResponse<String> response = login.logIn(login.openLoginPage(), trainer, PASSWORD);
        assertThat(response.headers().firstValue("Location")).hasValue(login.uri("/").toString());
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_never_travels_in_a_url() throws Exception {
        HttpResponse<String> loginPage = login.send(HttpRequest.newBuilder(login.uri("/login")));
        assertThat(loginPage.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly"));
        assertThat(loginPage.body()).doesNotContainIgnoringCase(";jsessionid=");

        HttpResponse<String> redirect = login.send(HttpRequest.newBuilder(login.uri("/agents")));
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).doesNotContainIgnoringCase("jsessionid"));

        // A session id in the URL is not a way in, even a logged-in one.
        String trainer = trainer();
        String session = LoginOverHttp.sessionCookie(login.logIn(login.openLoginPage(), trainer, PASSWORD))
                .orElseThrow();
        HttpResponse<String> byUrl = login.send(HttpRequest.newBuilder(login.uri("/;jsessionid="
                + session.substring("JSESSIONID=".length()))));
        assertThat(byUrl.statusCode()).isNotEqualTo(200);
        // The firewall refuses ';' anyway; what keeps ids out of every URL the server writes is cookie-only tracking.
        assertThat(servletContext.getEffectiveSessionTrackingModes()).containsExactly(SessionTrackingMode.COOKIE);
    }

    @Test
    void ui_pages_send_a_content_security_policy_a_referrer_policy_and_a_permissions_policy() throws Exception {
        for (String path : new String[] {"/login", "/"}) {
            HttpResponse<String> page = login.send(HttpRequest.newBuilder(login.uri(path)));
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'").contains("connect-src 'self'")
                            .contains("img-src 'self' data:").contains("frame-ancestors 'none'")
                            .contains("object-src 'none'").doesNotContain("*"));
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path)
                    .hasValue("strict-origin-when-cross-origin");
            assertThat(page.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("camera=()").contains("microphone=()").contains("geolocation=()"));
        }
    }

    @Test
    void the_api_sends_a_content_security_policy_that_allows_nothing_and_no_referrer() throws Exception {
        for (String path : new String[] {"/api/health", "/api/agents"}) {
            HttpResponse<String> answer = login.send(HttpRequest.newBuilder(login.uri(path)));
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("camera=()"));
        }
    }

    private String trainer() {
        return RunAs.admin(securityContext, () -> users.create("hard-" + UUID.randomUUID().toString()
                .substring(0, 8), PASSWORD, UserRole.TRAINER).username());
    }

    private HttpResponse<String> basic(String path, String user, String password) throws Exception {
        return login.send(HttpRequest.newBuilder(login.uri(path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }
}
