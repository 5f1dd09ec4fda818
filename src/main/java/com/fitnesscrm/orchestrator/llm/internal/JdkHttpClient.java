package com.fitnesscrm.orchestrator.llm.internal;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LangChain4j's HTTP port on {@code java.net.http}, handed to the OpenAI model explicitly.
 *
 * <p>Why our own: LangChain4j's {@code HttpException} keeps only status and body, so a 429's {@code Retry-After}
 * would be lost; the JDK client module is excluded by the Spring starter, and the starter's RestClient-based one
 * drops the headers the same way. This one throws {@link ProviderHttpException} with them. Non-streaming only: the
 * gateway never streams.
 *
 * <p>All instances share one {@link #transport() transport}: the gateway builds a model (and so one of these) per
 * timeout in use, and a JDK client of its own for each would mean a connection pool, a selector thread and a pool of
 * workers each (three clients held 84 worker threads at 256 runs in flight). The timeout is set per request instead.
 */
public class JdkHttpClient implements HttpClient {

    /** Headers {@code java.net.http} sets itself and refuses to take from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The transport's own work (reading and writing sockets, completing responses) never blocks, and callers wait in
     * {@code send}: a few threads serve any number of calls in flight.
     */
    private static final int TRANSPORT_THREADS = 2;

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;

    JdkHttpClient(java.net.http.HttpClient transport, Duration readTimeout) {
        this.client = transport;
        this.readTimeout = readTimeout == null ? DEFAULT_TIMEOUT : readTimeout;
    }

    /**
     * A JDK client to share between instances. Its connect timeout is only an upper bound: each request's timeout
     * covers connecting too, and is what ends a call.
     */
    public static java.net.http.HttpClient transport() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(TRANSPORT_THREADS, TRANSPORT_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "llm-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        workers.allowCoreThreadTimeOut(true);
        return java.net.http.HttpClient.newBuilder()
                .connectTimeout(DEFAULT_TIMEOUT)
                // HTTP/1.1: on plain http (vLLM, Ollama, test stubs) the JDK would otherwise try an h2c upgrade.
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .executor(workers)
                .build();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                // Covers the wait for the response's status and headers, which is where a slow model spends it.
                .timeout(readTimeout)
                .method(request.method().name(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (request.headers() != null) {
            request.headers().forEach((name, values) -> {
                if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
        }
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // HttpTimeoutException and ConnectException stay in the cause chain for the gateway to read.
            throw new UncheckedIOException(e.getClass().getSimpleName() + " calling " + hostOf(request), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + hostOf(request), e);
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new ProviderHttpException(response.statusCode(), response.body(),
                    response.headers().firstValue("retry-after").orElse(null),
                    response.headers().firstValue("retry-after-ms").orElse(null));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedOperationException("The LLM gateway does not stream"));
    }

    private static String hostOf(HttpRequest request) {
        return URI.create(request.url()).getHost();
    }
}
