package com.fitnesscrm.orchestrator.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI chat-completions stub for the benchmarks: every request is answered after {@code delay} with one
 * assistant message, whose content the benchmark can change while it runs (to the JSON an agent's rules gave, say).
 *
 * <p>It stands in for a provider on another machine, so it should cost this one as little as it can: the JDK's HTTP
 * server reads each request on one of two threads and a timer answers it when its delay is up, where MockWebServer
 * held a sleeping thread per connection (256 of the benchmark JVM's ~625 threads at 256 in flight; ~365 now) and
 * kept every request it served until taken. It takes 4.5 % of the async benchmark's CPU (decision 0004).
 *
 * <p>The benchmark profile sets the JDK server's {@code sun.net.httpserver.maxIdleConnections} (the default keeps
 * 200 connections idle and closes the rest, which the app would see as resets) and {@code nodelay} (no Nagle delay
 * between the headers and the body): they are read once, when the first such server in the JVM starts.
 */
final class SlowOpenAi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService readers = Executors.newFixedThreadPool(2, daemon("llm-stub-read-"));
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(
            daemon("llm-stub-answer-"));
    private volatile byte[] body;

    private SlowOpenAi(Duration delay, String content) throws IOException {
        answer(content);
        // A backlog of 1,024: 256 runs connecting at once must not see resets, which would measure the stub.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1024);
        server.setExecutor(readers);
        server.createContext("/", exchange -> {
            try (InputStream request = exchange.getRequestBody()) {
                request.transferTo(OutputStream.nullOutputStream());
            }
            byte[] answer = body;
            answers.schedule(() -> send(exchange, answer), delay.toMillis(), TimeUnit.MILLISECONDS);
        });
        server.start();
    }

    /** A stub answering {@code content} (the assistant's message) after {@code delay}. */
    static SlowOpenAi start(Duration delay, String content) throws IOException {
        return new SlowOpenAi(delay, content);
    }

    /** From now on, answers with {@code content} as the assistant's message. */
    void answer(String content) {
        ObjectNode completion = JSON.createObjectNode().put("id", "chatcmpl-bench").put("object", "chat.completion")
                .put("created", 1_764_000_000L).put("model", "gpt-4o-mini");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        completion.putObject("usage").put("prompt_tokens", 40).put("completion_tokens", 12).put("total_tokens", 52);
        body = completion.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The base URL the app's {@code orchestrator.llm.base-url} takes. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
        readers.shutdownNow();
    }

    private static void send(HttpExchange exchange, byte[] answer) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException e) {
            // The app closed the connection first (its timeout): the run records that, and the benchmark counts it.
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
