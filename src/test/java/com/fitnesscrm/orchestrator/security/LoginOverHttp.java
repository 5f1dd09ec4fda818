package com.fitnesscrm.orchestrator.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The login form spoken over plain HTTP, as a browser (or a forger) would: the login page with its session cookie
 * and the CSRF token in {@code <meta name="_csrf">}, and POSTs to {@code /login}. No redirect is followed and no
 * cookie kept unless passed in, so a test sees exactly what each answer sets.
 */
final class LoginOverHttp {

    /** The login page as a browser got it: its session and the token the form must send. */
    record LoginPage(String sessionCookie, String csrfParameter, String csrfToken) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    LoginOverHttp(int port) {
        this.port = port;
    }

    LoginPage openLoginPage() throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
        String cookie = sessionCookie(page).orElseThrow(() -> new AssertionError("the login page set no session"));
        return new LoginPage(cookie, meta(page.body(), "_csrf_parameter"), meta(page.body(), "_csrf"));
    }

    /** POSTs the form fields, with the cookie ({@code null} for none) and extra headers as name, value pairs. */
    HttpResponse<String> postLogin(String cookie, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** The form a browser sends from this login page. */
    HttpResponse<String> logIn(LoginPage page, String username, String password, String... headers)
            throws IOException, InterruptedException {
        return postLogin(page.sessionCookie(), fields(username, password, page.csrfParameter(), page.csrfToken()),
                headers);
    }

    /** Whether this cookie ({@code null} for none) opens the dashboard rather than being sent to the login page. */
    boolean opensTheDashboard(String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/")).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request).statusCode() == 200;
    }

    static Map<String, String> fields(String username, String password, String csrfParameter, String csrfToken) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        if (csrfParameter != null) {
            fields.put(csrfParameter, csrfToken);
        }
        return fields;
    }

    static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String meta(String html, String name) {
        Matcher matcher = Pattern.compile("<meta[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*content=\"([^\"]*)\"")
                .matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("the login page has no <meta name=\"" + name + "\">");
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
