package com.fitnesscrm.orchestrator.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * An OpenAI chat-completions stub for the benchmarks: every request is answered after {@code delay} with one
 * assistant message, whose content the benchmark can change while it runs (to the JSON an agent's rules gave, say).
 */
final class SlowOpenAi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private volatile String body;

    private SlowOpenAi(Duration delay, String content) throws IOException {
        answer(content);
        // MockWebServer listens with a backlog of 50; 256 runs connecting at once would see resets, which measures
        // the stub, not the app.
        server.setServerSocketFactory(new WideBacklog());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(body)
                        .setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        server.start();
        // MockWebServer keeps every request it served (8 KB of buffer each) until taken: 8,000 LLM calls held
        // ~70 MB, which with the Procfile's 224 MB heap made the benchmark measure its own full collections.
        Thread drain = new Thread(() -> {
            try {
                while (true) {
                    server.takeRequest();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "llm-stub-drain");
        drain.setDaemon(true);
        drain.start();
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
        body = completion.toString();
    }

    /** The base URL the app's {@code orchestrator.llm.base-url} takes. */
    String baseUrl() {
        return server.url("/v1").toString().replaceAll("/$", "");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static final class WideBacklog extends ServerSocketFactory {

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public void bind(SocketAddress endpoint, int backlog) throws IOException {
                    super.bind(endpoint, 1024);
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 1024);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return new ServerSocket(port, 1024);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return new ServerSocket(port, 1024, address);
        }
    }
}
