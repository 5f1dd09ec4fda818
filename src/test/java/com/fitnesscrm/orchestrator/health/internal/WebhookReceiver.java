package com.fitnesscrm.orchestrator.health.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A local webhook receiver for the alerts' tests (a JDK HttpServer): keeps every request it got and answers 500 to
 * the first {@link #failNext} of them, 200 to the rest.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            received.add(new Received(headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code count} requests are answered 500. */
    public void failNext(int count) {
        failNext.set(count);
    }

    /** The requests whose body contains {@code text}, in the order received. */
    public List<Received> about(String text) {
        return received.stream().filter(r -> r.body().contains(text)).toList();
    }

    /** Waits up to 15 s until {@code condition} holds of the requests about {@code text}. */
    public List<Received> awaitAbout(String text, Predicate<List<Received>> condition) throws InterruptedException {
        return awaitAbout(text, condition, Duration.ofSeconds(15));
    }

    /** Waits up to {@code within} until {@code condition} holds of the requests about {@code text}. */
    public List<Received> awaitAbout(String text, Predicate<List<Received>> condition, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.test(about(text)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return about(text);
    }

    /** Points {@code alerts} at this receiver (format and secret as given) and {@code mail}, retrying after 200 ms. */
    public void use(HealthAlerts alerts, String format, String secret, List<String> emailTo, JavaMailSender mail) {
        alerts.use(new AlertSettings(url(), format, secret, emailTo, null, null), mail, Duration.ofMillis(200));
    }

    /** Back to no channel at all, as the tests' configuration has it. */
    public static void reset(HealthAlerts alerts) {
        alerts.use(AlertSettings.none(), null, Duration.ofSeconds(1));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
