package com.fitnesscrm.orchestrator.llm;

import com.fitnesscrm.orchestrator.llm.LlmException.Reason;
import com.fitnesscrm.orchestrator.llm.LlmStep.Kind;
import com.fitnesscrm.orchestrator.llm.internal.JdkHttpClient;
import com.fitnesscrm.orchestrator.llm.internal.JdkHttpClientBuilder;
import com.fitnesscrm.orchestrator.llm.internal.ProviderFailure;
import com.fitnesscrm.orchestrator.llm.internal.RetryPolicy;
import com.fitnesscrm.orchestrator.llm.internal.Sleeper;
import com.fitnesscrm.orchestrator.llm.internal.ToolBox;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The one way into the LLM: asks the OpenAI-compatible provider of {@link LlmSettings} through LangChain4j's
 * {@link OpenAiChatModel}, runs the tools the model asks for, retries what is worth retrying and stops calling a
 * provider that keeps failing.
 *
 * <ul>
 *   <li>No key: every call fails at once with {@link Reason#NOT_CONFIGURED}, nothing goes over the network.</li>
 *   <li>Retries are the gateway's (LangChain4j's own are off): 429, 5xx, timeouts and connection failures, up to
 *       {@link LlmRequest#maxRetries()} times, waiting as the provider's {@code Retry-After} says or with
 *       exponential backoff. Each wait is reported as a {@link Kind#RETRY} step.</li>
 *   <li>One circuit breaker per provider host counts 5xx, timeouts and connection failures; while it is open,
 *       calls fail with {@link Reason#CIRCUIT_OPEN} without reaching the provider.</li>
 *   <li>A request's {@link LlmRequest#deadline()}: each call's timeout is cut to what is left (in whole seconds),
 *       and no call, retry or wait is started that could not end by it, so the caller has time to fall back.</li>
 *   <li>Tools: the model may ask for the request's {@code @Tool} methods for up to five rounds.</li>
 * </ul>
 *
 * Every call to the model and every tool run is reported to the caller's step consumer as it happens, failed
 * attempts included, so a run's timeline shows where the time went.
 */
@Service
public class LlmGateway {

    private static final Logger log = LoggerFactory.getLogger(LlmGateway.class);
    /** Rounds of tool calls one request may take before the model must answer. */
    static final int MAX_TOOL_ROUNDS = 5;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MIN_CALL_TIMEOUT = Duration.ofSeconds(1);
    private static final int MAX_ANSWER_SUMMARY = 200;
    private static final int MAX_TOOL_SUMMARY = 500;

    private final LlmSettings settings;
    private final LlmPrices prices;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy retryPolicy;
    private final CircuitBreakerRegistry circuitBreakers;
    /** The one JDK HTTP client every model calls through: one connection pool and selector for the provider. */
    private final java.net.http.HttpClient transport = JdkHttpClient.transport();
    /**
     * Built models by timeout in whole seconds: LangChain4j fixes the HTTP timeouts when the model is built, so the
     * keys must stay few: a run's time left, to the nanosecond, would build a model per run.
     */
    private final Map<Duration, ChatModel> models = new ConcurrentHashMap<>();

    @Autowired
    public LlmGateway(LlmSettings settings, LlmPrices prices, LlmCircuitBreakerSettings circuitBreaker, Clock clock) {
        this(settings, prices, circuitBreaker, clock, Sleeper.REAL, RetryPolicy.DEFAULT);
    }

    LlmGateway(LlmSettings settings, LlmPrices prices, LlmCircuitBreakerSettings circuitBreaker, Clock clock,
               Sleeper sleeper, RetryPolicy retryPolicy) {
        this.settings = settings;
        this.prices = prices;
        this.clock = clock;
        this.sleeper = sleeper;
        this.retryPolicy = retryPolicy;
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(circuitBreaker.slidingWindowSize())
                .minimumNumberOfCalls(circuitBreaker.minimumNumberOfCalls())
                .failureRateThreshold(circuitBreaker.failureRateThreshold())
                .waitDurationInOpenState(circuitBreaker.waitInOpenState())
                // Without it the circuit stays OPEN until someone calls, and callers that ask isAvailable() first
                // would never call again.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        // Operators learn from the log when agents stopped asking the model and when they resumed.
        circuitBreakers.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(event -> log.warn("LLM provider {}: circuit {} -> {}",
                        event.getCircuitBreakerName(), event.getStateTransition().getFromState(),
                        event.getStateTransition().getToState())));
    }

    /** What the dashboard shows; never the key. */
    public LlmStatus status() {
        if (!settings.isConfigured()) {
            return new LlmStatus(false, false, providerHost(), settings.model(), "DISABLED");
        }
        CircuitBreaker.State state = circuitBreaker().getState();
        return new LlmStatus(true, lets(state), providerHost(), settings.model(), state.name());
    }

    /** A key is configured and the provider's circuit lets calls through. */
    public boolean isAvailable() {
        return settings.isConfigured() && lets(circuitBreaker().getState());
    }

    /**
     * Asks the model, runs the tools it wants and returns its final answer.
     *
     * @param steps told of every model call, tool run and retry wait as it ends; may be {@code null}
     * @throws LlmException when there is no usable answer; its reason says why
     */
    public LlmReply chat(LlmRequest request, Consumer<LlmStep> steps) {
        Consumer<LlmStep> report = steps == null ? step -> { } : steps;
        if (!settings.isConfigured()) {
            throw new LlmException(Reason.NOT_CONFIGURED, "No LLM provider: OPENAI_API_KEY is not set");
        }
        Exchange exchange = new Exchange(request, report, ToolBox.of(request.tools()));
        return exchange.run();
    }

    /** What the tokens cost by the price table; empty when the model has no price. */
    public Optional<BigDecimal> cost(String model, long tokensIn, long tokensOut) {
        return prices.cost(model, tokensIn, tokensOut);
    }

    /** One request's conversation with the model: its rounds, token sums and retry budget. */
    private final class Exchange {

        private final LlmRequest request;
        private final Consumer<LlmStep> report;
        private final ToolBox tools;
        private final List<ChatMessage> conversation = new ArrayList<>();
        private final CircuitBreaker circuitBreaker = circuitBreaker();
        private Duration waited = Duration.ZERO;
        private int tokensIn;
        private int tokensOut;
        private BigDecimal cost = BigDecimal.ZERO;
        private String model;

        Exchange(LlmRequest request, Consumer<LlmStep> report, ToolBox tools) {
            this.request = request;
            this.report = report;
            this.tools = tools;
            if (request.systemPrompt() != null && !request.systemPrompt().isBlank()) {
                conversation.add(SystemMessage.from(request.systemPrompt()));
            }
            for (LlmMessage message : request.messages()) {
                conversation.add(message.role() == LlmMessage.Role.USER
                        ? UserMessage.from(message.text()) : AiMessage.from(message.text()));
            }
        }

        LlmReply run() {
            for (int round = 0; round <= MAX_TOOL_ROUNDS; round++) {
                ChatResponse response = callWithRetries(round == 0 ? request.purpose()
                        : request.purpose() + " #" + (round + 1));
                AiMessage answer = response.aiMessage();
                if (!answer.hasToolExecutionRequests()) {
                    if (answer.text() == null || answer.text().isBlank()) {
                        throw new LlmException(Reason.INVALID_RESPONSE, "The model answered with no text");
                    }
                    return new LlmReply(answer.text(), model, tokensIn, tokensOut, cost);
                }
                if (tools.isEmpty()) {
                    throw new LlmException(Reason.INVALID_RESPONSE, "The model asked for "
                            + toolNames(answer) + " but was offered no tools");
                }
                if (round == MAX_TOOL_ROUNDS) {
                    break;
                }
                conversation.add(answer);
                answer.toolExecutionRequests().forEach(this::runTool);
            }
            throw new LlmException(Reason.INVALID_RESPONSE,
                    "The model still asked for tools after " + MAX_TOOL_ROUNDS + " rounds");
        }

        private void runTool(ToolExecutionRequest toolRequest) {
            Instant startedAt = clock.instant();
            long start = System.nanoTime();
            ToolBox.Outcome outcome = tools.execute(toolRequest);
            report.accept(new LlmStep(toolRequest.name(), Kind.TOOL_CALL, outcome.succeeded(), startedAt,
                    Duration.ofNanos(System.nanoTime() - start), truncate(toolRequest.arguments(), MAX_TOOL_SUMMARY),
                    truncate(outcome.text(), MAX_TOOL_SUMMARY), null, null));
            conversation.add(ToolExecutionResultMessage.from(toolRequest, outcome.text()));
        }

        private ChatResponse callWithRetries(String stepName) {
            ChatRequest chatRequest = chatRequest();
            for (int attempt = 0; ; attempt++) {
                Duration timeout = callTimeout();
                if (!circuitBreaker.tryAcquirePermission()) {
                    throw new LlmException(Reason.CIRCUIT_OPEN, "Calls to " + providerHost()
                            + " are paused after repeated failures");
                }
                Instant startedAt = clock.instant();
                long start = System.nanoTime();
                try {
                    ChatResponse response = model(timeout).chat(chatRequest);
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    circuitBreaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
                    recordAnswer(stepName, startedAt, took, chatRequest, response);
                    return response;
                } catch (RuntimeException e) {
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    ProviderFailure failure = ProviderFailure.of(e, clock.instant());
                    recordFailure(failure, took, e);
                    String detail = redact(failure.detail());
                    report.accept(new LlmStep(stepName, Kind.LLM_CALL, false, startedAt, took,
                            inputSummary(chatRequest), detail, null, null));
                    if (!failure.isRetryable() || attempt >= request.maxRetries()) {
                        throw new LlmException(failure.reason(), "The provider failed after " + (attempt + 1)
                                + (attempt == 0 ? " attempt: " : " attempts: ") + detail, safeCause(e));
                    }
                    waitBeforeRetry(failure, attempt, detail, safeCause(e));
                }
            }
        }

        /** The request's timeout, cut to what is left before its deadline; none left is a timeout of its own. */
        private Duration callTimeout() {
            Duration timeout = wholeSeconds(request.timeout());
            if (request.deadline() == null) {
                return timeout;
            }
            Duration left = Duration.between(clock.instant(), request.deadline());
            if (left.compareTo(MIN_CALL_TIMEOUT) < 0) {
                throw new LlmException(Reason.TIMEOUT, "No time left for a call to the provider before the "
                        + "caller's deadline");
            }
            return left.compareTo(timeout) < 0 ? wholeSeconds(left) : timeout;
        }

        private void recordFailure(ProviderFailure failure, Duration took, RuntimeException e) {
            if (failure.isProviderFault()) {
                circuitBreaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, e);
            } else if (failure.kind() == ProviderFailure.Kind.REJECTED) {
                // A 400 or 401 shows the provider is up and answering; the request or key is what is wrong.
                circuitBreaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
            } else {
                // Busy (429) is not broken, and an unreadable answer says little: neither opens nor closes it.
                circuitBreaker.releasePermission();
            }
        }

        private void waitBeforeRetry(ProviderFailure failure, int attempt, String detail, RuntimeException cause) {
            Duration remaining = retryPolicy.waitBudget().minus(waited);
            Duration wait;
            if (failure.retryAfter() != null) {
                wait = failure.retryAfter();
                if (wait.compareTo(retryPolicy.maxRetryAfter()) > 0 || wait.compareTo(remaining) > 0) {
                    throw new LlmException(failure.reason(), "The provider asks to wait " + seconds(wait)
                            + " before retrying, longer than this request may wait: " + detail, cause);
                }
            } else {
                wait = retryPolicy.backoff(attempt);
                if (wait.compareTo(remaining) > 0) {
                    throw new LlmException(failure.reason(), "Gave up after waiting " + seconds(waited)
                            + " for the provider: " + detail, cause);
                }
            }
            if (request.deadline() != null
                    && clock.instant().plus(wait).plus(MIN_CALL_TIMEOUT).isAfter(request.deadline())) {
                throw new LlmException(failure.reason(), "No time left to retry before the caller's deadline: "
                        + detail, cause);
            }
            Instant startedAt = clock.instant();
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmException(Reason.TIMEOUT, "Interrupted while waiting to retry", e);
            }
            waited = waited.plus(wait);
            report.accept(new LlmStep("retry after " + failure.shortName() + ", waiting " + seconds(wait),
                    Kind.RETRY, true, startedAt, wait, detail, "retry " + (attempt + 1) + " of "
                    + request.maxRetries(), null, null));
        }

        private void recordAnswer(String stepName, Instant startedAt, Duration took, ChatRequest chatRequest,
                                  ChatResponse response) {
            TokenUsage usage = response.tokenUsage();
            Integer in = usage == null ? null : usage.inputTokenCount();
            Integer out = usage == null ? null : usage.outputTokenCount();
            String answeredBy = response.modelName() != null ? response.modelName() : chatRequest.modelName();
            model = answeredBy;
            tokensIn += in == null ? 0 : in;
            tokensOut += out == null ? 0 : out;
            // One unpriced call makes the whole request unpriced: a partial sum would pass for the full cost.
            if (cost != null) {
                cost = prices.cost(answeredBy, in == null ? 0 : in, out == null ? 0 : out)
                        .map(cost::add).orElse(null);
            }
            AiMessage answer = response.aiMessage();
            String output = answer.hasToolExecutionRequests() ? "asked for " + toolNames(answer)
                    : truncate(answer.text(), MAX_ANSWER_SUMMARY);
            report.accept(new LlmStep(stepName, Kind.LLM_CALL, true, startedAt, took, inputSummary(chatRequest),
                    output, in, out));
        }

        private ChatRequest chatRequest() {
            return ChatRequest.builder()
                    .messages(List.copyOf(conversation))
                    .modelName(request.model() != null ? request.model() : settings.model())
                    .temperature(request.temperature())
                    .maxOutputTokens(request.maxTokens())
                    .toolSpecifications(tools.isEmpty() ? null : tools.specifications())
                    .build();
        }

        private String inputSummary(ChatRequest chatRequest) {
            int messages = chatRequest.messages().size();
            String summary = messages + (messages == 1 ? " message" : " messages");
            int toolCount = tools.specifications().size();
            return toolCount == 0 ? summary : summary + ", " + toolCount + (toolCount == 1 ? " tool" : " tools");
        }
    }

    /** A call's timeout as the models are keyed: whole seconds, rounded down, at least one. */
    static Duration wholeSeconds(Duration timeout) {
        Duration effective = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        return Duration.ofSeconds(Math.max(MIN_CALL_TIMEOUT.toSeconds(), effective.toSeconds()));
    }

    private ChatModel model(Duration timeout) {
        return models.computeIfAbsent(wholeSeconds(timeout), t -> OpenAiChatModel.builder()
                // Explicit, so neither the Spring starter's RestClient nor a classpath scan picks the client: ours
                // keeps Retry-After (see JdkHttpClient).
                .httpClientBuilder(new JdkHttpClientBuilder(transport))
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .timeout(t)
                // The gateway retries itself, with Retry-After, steps and the circuit breaker in view.
                .maxRetries(0)
                .build());
    }

    private CircuitBreaker circuitBreaker() {
        return circuitBreakers.circuitBreaker(providerHost());
    }

    private String providerHost() {
        return settings.baseUrl() == null ? "unknown" : settings.providerHost();
    }

    private static boolean lets(CircuitBreaker.State state) {
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    /** Providers quote the key they were given in a 401; it must not reach steps, logs or the UI. */
    private String redact(String text) {
        return settings.isConfigured() ? text.replace(settings.apiKey(), "[redacted]") : text;
    }

    /** The exception to keep as cause, unless a message in its chain quotes the key (it would end up in logs). */
    private RuntimeException safeCause(RuntimeException thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(settings.apiKey())) {
                return null;
            }
        }
        return thrown;
    }

    private static String toolNames(AiMessage answer) {
        List<String> names = answer.toolExecutionRequests().stream().map(ToolExecutionRequest::name).toList();
        return (names.size() == 1 ? "tool " : "tools ") + names.stream().collect(Collectors.joining(", "));
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                millis / 1000.0);
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
