package com.fitnesscrm.orchestrator.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.llm.LlmException.Reason;
import com.fitnesscrm.orchestrator.llm.LlmStep.Kind;
import com.fitnesscrm.orchestrator.llm.internal.RetryPolicy;
import com.fitnesscrm.orchestrator.llm.internal.Sleeper;
import dev.langchain4j.agent.tool.Tool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway against the real LangChain4j OpenAI client, over HTTP to {@link OpenAiStub}. */
class LlmGatewayTest {

    private static final String KEY = "sk-test-secret-key";
    private static final LlmPrices PRICES = new LlmPrices(Map.of(
            "gpt-4o-mini", new LlmPrices.Price(new BigDecimal("0.15"), new BigDecimal("0.60")),
            "gpt-4o", new LlmPrices.Price(new BigDecimal("2.50"), new BigDecimal("10.00"))));

    private final OpenAiStub openAi = OpenAiStub.start();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<LlmStep> steps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopStub() {
        openAi.close();
    }

    @Test
    void runs_the_tool_the_model_asks_for_and_answers_with_the_models_final_json() {
        openAi.toolCall("visitsInLast30Days", "{\"memberId\":\"m-42\"}")
                .answer("{\"churnRisk\":\"high\"}", 200, 40);
        MemberTools tools = new MemberTools();

        LlmReply reply = gateway().chat(request("churn", 0, tools), steps::add);

        assertThat(reply.text()).isEqualTo("{\"churnRisk\":\"high\"}");
        assertThat(tools.askedAbout).containsExactly("m-42");
        // The second call carries what the tool said, tied to the model's call id.
        JsonNode toolResult = messages(openAi.requestBody(1)).get(3);
        assertThat(toolResult.path("role").asText()).isEqualTo("tool");
        assertThat(toolResult.path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(toolResult.path("content").asText()).isEqualTo("3 visits");
        assertThat(steps).extracting(LlmStep::kind).containsExactly(Kind.LLM_CALL, Kind.TOOL_CALL, Kind.LLM_CALL);
        assertThat(steps).extracting(LlmStep::name).containsExactly("churn", "visitsInLast30Days", "churn #2");
        assertThat(steps.get(0).outputSummary()).isEqualTo("asked for tool visitsInLast30Days");
        assertThat(steps.get(0).inputSummary()).isEqualTo("2 messages, 1 tool");
        assertThat(steps.get(0).tokensIn()).isEqualTo(50);
        assertThat(steps.get(1).inputSummary()).isEqualTo("{\"memberId\":\"m-42\"}");
        assertThat(steps.get(1).outputSummary()).isEqualTo("3 visits");
        assertThat(steps.get(2).outputSummary()).isEqualTo("{\"churnRisk\":\"high\"}");
        assertThat(reply.tokensIn()).isEqualTo(50 + 200);
        assertThat(reply.tokensOut()).isEqualTo(20 + 40);
        // gpt-4o-mini: 250 × 0.15 + 60 × 0.60 USD per million tokens.
        assertThat(reply.costUsd()).isEqualByComparingTo("0.0000735");
    }

    @Test
    void offers_the_tools_with_their_java_parameter_names() {
        openAi.answer("{}", 10, 2);

        gateway().chat(request("churn", 0, new MemberTools()), steps::add);

        JsonNode tool = openAi.requestBody(0).path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("function").path("name").asText()).isEqualTo("visitsInLast30Days");
        assertThat(tool.path("function").path("parameters").path("properties").has("memberId")).isTrue();
    }

    @Test
    void a_tool_that_throws_tells_the_model_what_went_wrong() {
        openAi.toolCall("visitsInLast30Days", "{\"memberId\":\"unknown\"}").answer("{\"churnRisk\":\"unknown\"}", 10, 5);

        LlmReply reply = gateway().chat(request("churn", 0, new MemberTools()), steps::add);

        assertThat(reply.text()).contains("unknown");
        assertThat(messages(openAi.requestBody(1)).get(3).path("content").asText())
                .contains("No member with id unknown");
        assertThat(steps.get(1).succeeded()).isFalse();
        assertThat(steps.get(1).outputSummary()).contains("No member with id unknown");
    }

    @Test
    void gives_up_when_the_model_still_wants_tools_after_five_rounds() {
        for (int i = 0; i < 6; i++) {
            openAi.toolCall("visitsInLast30Days", "{\"memberId\":\"m-" + i + "\"}");
        }
        MemberTools tools = new MemberTools();

        assertThatThrownBy(() -> gateway().chat(request("churn", 0, tools), steps::add))
                .isInstanceOf(LlmException.class)
                .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.INVALID_RESPONSE);
        assertThat(tools.askedAbout).hasSize(5);
        assertThat(openAi.requests()).hasSize(6);
    }

    @Test
    void an_empty_answer_is_an_invalid_response() {
        openAi.answer("", 10, 0);

        assertThatThrownBy(() -> gateway().chat(request("draft", 0, null), steps::add))
                .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.INVALID_RESPONSE);
    }

    @Test
    void waits_as_long_as_retry_after_says_and_then_succeeds() {
        openAi.rateLimited(2).answer("{\"ok\":true}", 10, 5);

        LlmReply reply = gateway().chat(request("draft", 2, null), steps::add);

        assertThat(reply.text()).isEqualTo("{\"ok\":true}");
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(openAi.requests()).hasSize(2);
        assertThat(steps).extracting(LlmStep::kind).containsExactly(Kind.LLM_CALL, Kind.RETRY, Kind.LLM_CALL);
        assertThat(steps.get(0).succeeded()).isFalse();
        assertThat(steps.get(1).name()).isEqualTo("retry after 429, waiting 2 s");
        assertThat(steps.get(1).duration()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void really_waits_for_retry_after_before_calling_again() {
        openAi.rateLimited(1).answer("{\"ok\":true}", 10, 5);
        LlmGateway gateway = new LlmGateway(settings(KEY), PRICES, LlmCircuitBreakerSettings.DEFAULTS,
                Clock.systemUTC(), Sleeper.REAL, RetryPolicy.DEFAULT);

        LlmReply reply = gateway.chat(request("draft", 1, null), steps::add);

        assertThat(reply.text()).isEqualTo("{\"ok\":true}");
        List<OpenAiStub.StubRequest> calls = openAi.requests();
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void reports_rate_limited_when_429s_outlast_the_retries() {
        openAi.rateLimited(1).rateLimited(1).rateLimited(1).answer("{\"late\":true}", 10, 5);

        assertThatThrownBy(() -> gateway().chat(request("draft", 2, null), steps::add))
                .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(openAi.requests()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void does_not_wait_when_retry_after_is_longer_than_thirty_seconds() {
        openAi.rateLimited(120).answer("{\"late\":true}", 10, 5);

        assertThatThrownBy(() -> gateway().chat(request("draft", 3, null), steps::add))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("wait 120 s")
                .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(waits).isEmpty();
        assertThat(openAi.requests()).hasSize(1);
    }

    @Test
    void retries_a_server_error_after_a_backoff_and_then_succeeds() {
        openAi.serverError().answer("{\"ok\":true}", 10, 5);

        LlmReply reply = gateway().chat(request("draft", 1, null), steps::add);

        assertThat(reply.text()).isEqualTo("{\"ok\":true}");
        assertThat(waits).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(500), Duration.ofMillis(625)));
        assertThat(steps).extracting(LlmStep::kind).containsExactly(Kind.LLM_CALL, Kind.RETRY, Kind.LLM_CALL);
        assertThat(steps.get(1).name()).startsWith("retry after 500, waiting 0.");
    }

    @Test
    void reports_a_provider_error_with_the_providers_message_when_server_errors_persist() {
        openAi.serverError().serverError().serverError();

        assertThatThrownBy(() -> gateway().chat(request("draft", 2, null), steps::add))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("The server had an error")
                .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.PROVIDER_ERROR);
        // Exactly 1 + maxRetries calls: LangChain4j's own retries are off.
        assertThat(openAi.requests()).hasSize(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_rejected_key_is_not_retried_and_not_repeated() {
        openAi.error(401, "Incorrect API key provided: " + KEY + ". You can find your API key at "
                + "https://platform.openai.com/account/api-keys.");

        assertThatThrownBy(() -> gateway().chat(request("draft", 3, null), steps::add))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Incorrect API key provided")
                .hasMessageNotContaining(KEY)
                // Nor anywhere down the cause chain, which a log would print.
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(KEY))
                .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.PROVIDER_ERROR);
        assertThat(openAi.requests()).hasSize(1);
        assertThat(steps.get(0).outputSummary()).doesNotContain(KEY);
    }

    @Test
    void times_out_when_the_provider_answers_slower_than_the_requests_timeout() {
        openAi.slow(Duration.ofSeconds(2));
        LlmRequest request = new LlmRequest("draft", null, null, null, Duration.ofMillis(300), 0, "Be brief.",
                List.of(LlmMessage.user("Hi")), null);

        long start = System.nanoTime();
        assertThatThrownBy(() -> gateway().chat(request, steps::add))
                .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void calls_with_different_timeouts_share_one_connection_to_the_provider() {
        LlmGateway gateway = gateway();
        for (int seconds : new int[] {5, 17, 42}) {
            openAi.answer("{\"ok\":true}", 10, 5);
            gateway.chat(new LlmRequest("draft", null, null, null, Duration.ofSeconds(seconds), 0, null,
                    List.of(LlmMessage.user("Hi")), null), steps::add);
        }

        // A model is built per timeout; a JDK client per model would open a connection (and a selector) for each.
        assertThat(openAi.requests()).extracting(OpenAiStub.StubRequest::onConnection).containsExactly(0, 1, 2);
    }

    @Test
    void opens_the_circuit_after_repeated_server_errors_and_then_fails_fast_without_calling() {
        LlmGateway gateway = gateway();
        for (int i = 0; i < 10; i++) {
            openAi.serverError();
        }
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> gateway.chat(request("draft", 0, null), steps::add))
                    .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.PROVIDER_ERROR);
        }
        openAi.answer("{\"ok\":true}", 10, 5);

        assertThatThrownBy(() -> gateway.chat(request("draft", 0, null), steps::add))
                .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(openAi.requests()).hasSize(10);
        assertThat(gateway.status().circuitState()).isEqualTo("OPEN");
        assertThat(gateway.status().available()).isFalse();
        assertThat(gateway.isAvailable()).isFalse();
    }

    @Test
    void client_errors_do_not_open_the_circuit() {
        LlmGateway gateway = gateway();
        for (int i = 0; i < 10; i++) {
            openAi.error(400, "Invalid value for 'temperature'.");
        }
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> gateway.chat(request("draft", 0, null), steps::add))
                    .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.PROVIDER_ERROR);
        }

        assertThat(gateway.status().circuitState()).isEqualTo("CLOSED");
        assertThat(gateway.isAvailable()).isTrue();
    }

    @Test
    void without_a_key_fails_at_once_and_calls_no_provider() {
        LlmGateway gateway = gateway("");

        assertThatThrownBy(() -> gateway.chat(request("draft", 3, null), steps::add))
                .extracting(e -> ((LlmException) e).reason()).isEqualTo(Reason.NOT_CONFIGURED);
        assertThat(openAi.requests()).isEmpty();
        assertThat(steps).isEmpty();
        assertThat(gateway.status()).isEqualTo(new LlmStatus(false, false, "localhost", "gpt-4o-mini", "DISABLED"));
        assertThat(gateway.isAvailable()).isFalse();
    }

    @Test
    void a_configured_provider_reports_itself_available_without_the_key() {
        LlmStatus status = gateway().status();

        assertThat(status).isEqualTo(new LlmStatus(true, true, "localhost", "gpt-4o-mini", "CLOSED"));
        assertThat(status.toString()).doesNotContain(KEY);
    }

    @Test
    void a_model_without_a_price_has_no_cost_rather_than_zero() {
        openAi.answer("{\"ok\":true}", 1000, 100);
        LlmRequest request = new LlmRequest("draft", "llama3.1:8b", null, null, Duration.ofSeconds(5), 0, null,
                List.of(LlmMessage.user("Hi")), null);

        LlmReply reply = gateway().chat(request, steps::add);

        assertThat(reply.model()).isEqualTo("llama3.1:8b");
        assertThat(reply.tokensIn()).isEqualTo(1000);
        assertThat(reply.costUsd()).isNull();
        assertThat(gateway().cost("llama3.1:8b", 1000, 100)).isEmpty();
    }

    @Test
    void a_dated_model_name_is_priced_by_the_longest_matching_name() {
        openAi.reportingModel("gpt-4o-mini-2024-07-18").answer("{\"ok\":true}", 1_000_000, 1_000_000);

        LlmReply reply = gateway().chat(request("draft", 0, null), steps::add);

        assertThat(reply.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        // gpt-4o-mini's 0.15 + 0.60, not gpt-4o's 2.50 + 10.00.
        assertThat(reply.costUsd()).isEqualByComparingTo("0.75");
        assertThat(gateway().cost("gpt-4o-2024-08-06", 1_000_000, 0)).hasValueSatisfying(cost ->
                assertThat(cost).isEqualByComparingTo("2.50"));
    }

    @Test
    void sends_the_model_temperature_token_cap_system_prompt_and_messages_asked_for() {
        openAi.answer("{\"ok\":true}", 10, 5);
        LlmRequest request = new LlmRequest("draft", "gpt-4o", 0.2, 300, Duration.ofSeconds(5), 0,
                "You write short workout plans.", List.of(LlmMessage.user("Plan for Anna"),
                LlmMessage.assistant("{\"plan\":[]}"), LlmMessage.user("Add a rest day")), null);

        gateway().chat(request, steps::add);

        OpenAiStub.StubRequest sent = openAi.requests().get(0);
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.authorization()).isEqualTo("Bearer " + KEY);
        JsonNode body = sent.body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(300);
        assertThat(body.has("tools")).isFalse();
        assertThat(messages(body)).extracting(m -> m.path("role").asText() + ": " + m.path("content").asText())
                .containsExactly("system: You write short workout plans.", "user: Plan for Anna",
                        "assistant: {\"plan\":[]}", "user: Add a rest day");
    }

    /** An agent's tools, as the model sees them. */
    static class MemberTools {

        final List<String> askedAbout = new ArrayList<>();

        @Tool("Counts a member's check-ins in the last 30 days")
        String visitsInLast30Days(String memberId) {
            askedAbout.add(memberId);
            if (memberId.equals("unknown")) {
                throw new IllegalArgumentException("No member with id " + memberId);
            }
            return "3 visits";
        }
    }

    private LlmGateway gateway() {
        return gateway(KEY);
    }

    private LlmGateway gateway(String key) {
        return new LlmGateway(settings(key), PRICES, LlmCircuitBreakerSettings.DEFAULTS, Clock.systemUTC(),
                waits::add, RetryPolicy.DEFAULT);
    }

    private LlmSettings settings(String key) {
        return new LlmSettings(key, "gpt-4o-mini", openAi.baseUrl());
    }

    private static LlmRequest request(String purpose, int maxRetries, Object tools) {
        return new LlmRequest(purpose, null, null, null, Duration.ofSeconds(5), maxRetries,
                "You assess churn risk and answer in JSON.", List.of(LlmMessage.user("Assess member m-42")), tools);
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static List<JsonNode> messages(JsonNode body) {
        return StreamSupport.stream(body.path("messages").spliterator(), false).toList();
    }
}
