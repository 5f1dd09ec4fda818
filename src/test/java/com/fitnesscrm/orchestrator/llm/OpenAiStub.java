package com.fitnesscrm.orchestrator.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local OpenAI chat-completions endpoint for tests: queue the answers, point {@code OPENAI_BASE_URL} at
 * {@link #baseUrl()}, then read what the client sent.
 *
 * <pre>{@code
 * try (OpenAiStub openAi = OpenAiStub.start()) {
 *     openAi.rateLimited(2).answer("{\"ok\":true}", 120, 30);
 *     ... new LlmSettings("test-key", "gpt-4o-mini", openAi.baseUrl()) ...
 *     assertThat(openAi.requests()).hasSize(2);
 * }
 * }</pre>
 *
 * Each queued response answers one request, in order. Answers use the exact JSON shape of the real API and report
 * the model the request asked for, unless {@link #reportingModel(String)} says otherwise (real providers report
 * dated names). A request with nothing queued gets a 400 whose message says so, which the gateway does not retry.
 */
public final class OpenAiStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MockWebServer server = new MockWebServer();
    private final Queue<Function<JsonNode, MockResponse>> responses = new ConcurrentLinkedQueue<>();
    private final List<StubRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String reportedModel;

    /**
     * One request the stub received.
     *
     * @param path          e.g. {@code /v1/chat/completions}
     * @param authorization the {@code Authorization} header, e.g. {@code Bearer test-key}
     * @param body          the JSON body
     * @param receivedAt    when it arrived, to measure the gap a client left between two calls
     * @param onConnection  how many requests its connection carried before it: 0 on a new connection
     */
    public record StubRequest(String path, String authorization, JsonNode body, Instant receivedAt,
                              int onConnection) {
    }

    private OpenAiStub() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode body = parse(request.getBody().readUtf8());
                requests.add(new StubRequest(request.getPath(), request.getHeader("Authorization"), body,
                        Instant.now(), request.getSequenceNumber()));
                Function<JsonNode, MockResponse> next = responses.poll();
                return next != null ? next.apply(body)
                        : errorResponse(400, "invalid_request_error", "OpenAiStub: no response queued for this request");
            }
        });
    }

    /** A stub listening on a free local port. */
    public static OpenAiStub start() {
        OpenAiStub stub = new OpenAiStub();
        try {
            stub.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stub;
    }

    /** The base URL to configure, like {@code https://api.openai.com/v1}. */
    public String baseUrl() {
        return server.url("/v1").toString();
    }

    /** Answers from now on name this model, e.g. {@code gpt-4o-mini-2024-07-18}, instead of the requested one. */
    public OpenAiStub reportingModel(String model) {
        this.reportedModel = model;
        return this;
    }

    /** A final answer with {@code finish_reason: stop} and the given token usage. */
    public OpenAiStub answer(String content, int promptTokens, int completionTokens) {
        responses.add(request -> ok(completion(request, message(content, null), "stop", promptTokens,
                completionTokens)));
        return this;
    }

    /** The model asks for one tool; {@code argumentsJson} uses the Java parameter names, e.g. {@code {"memberId":"m-1"}}. */
    public OpenAiStub toolCall(String toolName, String argumentsJson) {
        responses.add(request -> {
            ObjectNode call = NODES.objectNode()
                    .put("id", "call_" + ids.incrementAndGet())
                    .put("type", "function");
            call.putObject("function").put("name", toolName).put("arguments", argumentsJson);
            ArrayNode toolCalls = NODES.arrayNode().add(call);
            return ok(completion(request, message(null, toolCalls), "tool_calls", 50, 20));
        });
        return this;
    }

    /** A 429 with {@code Retry-After: <seconds>}, as OpenAI sends when a rate limit is hit. */
    public OpenAiStub rateLimited(int retryAfterSeconds) {
        responses.add(request -> errorResponse(429, "requests", "Rate limit reached for requests. Please try again in "
                + retryAfterSeconds + "s.")
                .setHeader("Retry-After", String.valueOf(retryAfterSeconds)));
        return this;
    }

    /** A 500 with OpenAI's own error body. */
    public OpenAiStub serverError() {
        return error(500, "The server had an error while processing your request. Sorry about that!");
    }

    /** Any error status with OpenAI's error body, e.g. 401 "Incorrect API key provided". */
    public OpenAiStub error(int status, String message) {
        String type = status >= 500 ? "server_error" : "invalid_request_error";
        responses.add(request -> errorResponse(status, type, message));
        return this;
    }

    /** A normal answer ({@code "slow answer"}, 10 + 5 tokens) whose headers come only after {@code delay}. */
    public OpenAiStub slow(Duration delay) {
        responses.add(request -> ok(completion(request, message("slow answer", null), "stop", 10, 5))
                .setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS));
        return this;
    }

    /**
     * Forgets what was queued and what was received, and reports the requested model again: a stub shared by many
     * tests starts each of them as if new.
     */
    public OpenAiStub reset() {
        responses.clear();
        requests.clear();
        reportedModel = null;
        return this;
    }

    /** Every request received since the start or the last {@link #reset()}, oldest first. */
    public List<StubRequest> requests() {
        return List.copyOf(requests);
    }

    /** The JSON body of the request numbered {@code index} (0 = first). */
    public JsonNode requestBody(int index) {
        return requests.get(index).body();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode completion(JsonNode request, ObjectNode message, String finishReason, int promptTokens,
                                  int completionTokens) {
        ObjectNode completion = NODES.objectNode()
                .put("id", "chatcmpl-stub" + ids.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", reportedModel != null ? reportedModel : request.path("model").asText("gpt-4o-mini"));
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        ObjectNode usage = completion.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        completion.put("service_tier", "default");
        completion.put("system_fingerprint", "fp_stub");
        return completion;
    }

    private static ObjectNode message(String content, ArrayNode toolCalls) {
        ObjectNode message = NODES.objectNode().put("role", "assistant");
        message.put("content", content);
        if (toolCalls != null) {
            message.set("tool_calls", toolCalls);
        }
        message.putNull("refusal");
        message.putArray("annotations");
        return message;
    }

    private static MockResponse ok(ObjectNode body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(body.toString());
    }

    private static MockResponse errorResponse(int status, String type, String message) {
        ObjectNode body = NODES.objectNode();
        body.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body.toString());
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? NODES.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return NODES.textNode(body);
        }
    }
}
