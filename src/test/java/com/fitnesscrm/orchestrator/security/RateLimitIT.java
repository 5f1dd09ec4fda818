package com.fitnesscrm.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.security.internal.RateLimitProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * Abusive callers get 429 problem+json with Retry-After and RateLimit-* headers; everyone else goes on. Addresses
 * are set with X-Forwarded-For, which the app trusts from loopback as from the proxy in front of it. Its own context
 * with the production defaults per address (the shared test profile lifts them for a whole suite on 127.0.0.1).
 */
@ServerIntegrationTest
@TestPropertySource(properties = {
        "orchestrator.rate-limit.anonymous.per-minute=60", "orchestrator.rate-limit.anonymous.burst=30",
        "orchestrator.rate-limit.login.per-minute=20", "orchestrator.rate-limit.login.burst=10"})
class RateLimitIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private ApiKeyService keys;
    @Autowired
    private RateLimitProperties limits;
    @Autowired
    private SecurityContextHolderStrategy securityContext;
    @LocalServerPort
    private int port;

    @Test
    void a_key_with_five_a_minute_gets_429_with_the_headers_after_five_requests_and_others_are_unaffected()
            throws Exception {
        String limited = RunAs.admin(securityContext, () -> {
            CreatedApiKey key = keys.create("five-" + UUID.randomUUID().toString().substring(0, 8),
                    EnumSet.of(ApiKeyScope.READ));
            keys.setRateLimit(key.key().id(), 5, 5);
            return key.secret();
        });
        String other = RunAs.admin(securityContext, () -> keys.create("other-" + UUID.randomUUID().toString()
                .substring(0, 8), EnumSet.of(ApiKeyScope.READ)).secret());

        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> answer = get("/api/agents", "X-API-Key", limited);
            assertThat(answer.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(answer.headers().firstValue("RateLimit-Limit")).hasValue("5");
            assertThat(answer.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(5 - i));
        }
        HttpResponse<String> refused = get("/api/agents", "Authorization", "Bearer " + limited);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429").contains("rate limit").doesNotContain("Exception");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 12L));
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("5");
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(refused.headers().firstValue("RateLimit-Reset")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("5;w=60;burst=5");

        assertThat(get("/api/agents", "X-API-Key", other).statusCode()).as("another key").isEqualTo(200);
        HttpResponse<String> mainBackend = get("/api/agents", "X-API-Key", MAIN_BACKEND_KEY);
        assertThat(mainBackend.statusCode()).as("the main backend's key").isEqualTo(200);
        assertThat(mainBackend.headers().firstValue("RateLimit-Limit"))
                .hasValue(Integer.toString(limits.environmentKey().perMinute()));
    }

    @Test
    void calls_without_a_valid_key_are_limited_per_client_address() throws Exception {
        String address = "203.0.113." + (10 + (int) (Math.random() * 200));
        int burst = limits.anonymous().burst();
        int allowed = 0;
        HttpResponse<String> answer;
        // Alternating no key and a guessed one: both spend the address's budget. A token comes back every second,
        // so a few more than the burst may pass while the test sends.
        do {
            answer = allowed % 2 == 0
                    ? get("/api/agents", "X-Forwarded-For", address)
                    : get("/api/agents", "X-Forwarded-For", address, "X-API-Key", "fco_guess" + allowed);
            if (answer.statusCode() == 401) {
                allowed++;
            }
        } while (answer.statusCode() == 401 && allowed <= burst + 5);
        assertThat(allowed).isBetween(burst, burst + 5);
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.headers().firstValue("RateLimit-Limit")).hasValue("60");

        assertThat(get("/api/agents", "X-Forwarded-For", "198.51.100.77").statusCode()).as("another address")
                .isEqualTo(401);
        assertThat(get("/api/agents", "X-Forwarded-For", address, "X-API-Key", MAIN_BACKEND_KEY).statusCode())
                .as("a valid key from that address counts on its own budget").isEqualTo(200);
    }

    @Test
    void the_login_form_is_limited_per_client_address() throws Exception {
        String address = "192.0.2." + (10 + (int) (Math.random() * 200));
        int burst = limits.login().burst();
        int allowed = 0;
        HttpResponse<String> answer;
        do {
            answer = postLogin(address);
            if (answer.statusCode() == 302) {
                allowed++;
            }
        } while (answer.statusCode() == 302 && allowed <= burst + 3);
        assertThat(allowed).isBetween(burst, burst + 3);
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(postLogin("192.0.2.250").statusCode()).as("another address").isEqualTo(302);
    }

    private HttpResponse<String> postLogin(String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=guess")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
