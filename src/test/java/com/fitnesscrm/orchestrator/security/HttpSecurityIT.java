package com.fitnesscrm.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** What anonymous callers, trainers and admins get over plain HTTP. */
@ServerIntegrationTest
class HttpSecurityIT {

    private static final String TRAINER_PASSWORD = "trainer-password-for-http";
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private UserService users;
    @Autowired
    private SecurityContextHolderStrategy securityContext;

    @LocalServerPort
    private int port;

    @Test
    void anonymous_visitors_of_the_ui_are_redirected_to_the_login_page() throws Exception {
        HttpResponse<String> root = get("/", null);
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
    }

    @Test
    void every_page_has_the_products_icon_even_before_login() throws Exception {
        for (String icon : new String[] {"/favicon.ico", "/icons/icon.png"}) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + icon)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(icon).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(icon).hasValueSatisfying(
                    type -> assertThat(type).startsWith("image/"));
            assertThat(response.body()).as(icon).hasSizeGreaterThan(100);
        }
        assertThat(get("/login", null).body()).contains("icons/icon.png");
    }

    @Test
    void the_liveness_and_readiness_probes_are_open_to_load_balancers_and_nothing_else_is() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(probe, null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health/db", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
    }

    @Test
    void behind_a_tls_proxy_redirects_stay_on_https() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "orchestrator.example.com")
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://orchestrator.example.com/login");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
    }

    @Test
    void prometheus_metrics_need_an_admin() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("admin", "wrong-password-here")).statusCode()).isEqualTo(401);

        HttpResponse<String> metrics = get("/actuator/prometheus", basic("admin", IntegrationTest.ADMIN_PASSWORD));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections_active").contains("jvm_memory_used_bytes");
    }

    @Test
    void a_trainer_is_refused_the_metrics_with_403_as_problem_json() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", basic(trainer(), TRAINER_PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Only admins may read this.");
    }

    @Test
    void the_api_answers_anonymous_callers_with_401_as_problem_json() throws Exception {
        HttpResponse<String> response = get("/api/agents", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.body()).contains("\"status\":401").contains("Authentication is required.");
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_is_refused_for_a_while() throws Exception {
        String trainer = trainer();
        for (int i = 0; i < 5; i++) {
            assertThat(get("/actuator/prometheus", basic(trainer, "not-the-password")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> response = get("/actuator/prometheus", basic(trainer, TRAINER_PASSWORD));
        assertThat(response.statusCode()).as("locked, not merely forbidden").isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic(trainer(), TRAINER_PASSWORD)).statusCode())
                .as("another user is not affected").isEqualTo(403);
    }

    @Test
    void a_persons_password_does_not_open_the_api() throws Exception {
        HttpResponse<String> response = get("/api/agents", basic("admin", IntegrationTest.ADMIN_PASSWORD));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private String trainer() {
        return RunAs.admin(securityContext, () -> users.create("http-" + UUID.randomUUID().toString().substring(0, 8),
                TRAINER_PASSWORD, UserRole.TRAINER).username());
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
