package com.fitnesscrm.orchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.LlmIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.llm.OpenAiStub.StubRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The runtime's LLM path, end to end against a local OpenAI stub: what a run records (engine, output, steps, tokens,
 * cost) when the model answers well, breaks the agent's rules, answers garbage, is rate limited, fails, is too slow,
 * is over budget, or has answered the same question before.
 *
 * <p>The gateway's circuit breaker (per provider host, shared by every {@link LlmIntegrationTest}) needs 10 calls at
 * 50 % failures to open; this class makes at most four failing calls and the other LLM ITs none, so no test depends
 * on another's order.
 */
class LlmRunIT extends LlmIntegrationTest {

    /** What the rules engine of {@code sum_test} answers for {@link #NUMBERS}. */
    private static final String RULES_EXPLANATION = "Added 3 numbers.";
    private static final String NUMBERS = "{\"numbers\": [1, 2, 3.5]}";
    private static final String RIGHT = "{\"total\": 6.5, \"count\": 3, \"explanation\": \"1 + 2 = 3 by the tool, plus 3.5\"}";
    private static final String WRONG_TOTAL = "{\"total\": 7, \"count\": 3, \"explanation\": \"about seven\"}";

    @Test
    void a_tool_call_then_a_json_answer_is_the_models_answer_with_its_steps_tokens_and_price() {
        Agent sum = sumAgent("{}");
        openAi.toolCall("add", "{\"a\": 1, \"b\": 2}").answer(RIGHT, 950, 480);

        Run run = run(sum);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.engine()).isEqualTo("llm");
        assertThat(run.output().get("explanation").asText()).isEqualTo("1 + 2 = 3 by the tool, plus 3.5");
        assertThat(run.output().get("total").asDouble()).isEqualTo(6.5);
        assertThat(run.model()).isEqualTo("gpt-4o-mini");
        // The stub's usage, summed: 50 + 950 in, 20 + 480 out; priced 1000 × 0.15 + 500 × 0.60 USD per million.
        assertThat(run.tokensIn()).isEqualTo(1000);
        assertThat(run.tokensOut()).isEqualTo(500);
        assertThat(run.costUsd()).isEqualByComparingTo("0.00045");
        assertThat(run.unpriced()).isFalse();
        assertThat(runs.get(run.id())).isEqualTo(run);

        List<RunStep> steps = runs.steps(run.id());
        assertThat(steps).extracting(RunStep::name, RunStep::kind, RunStep::status).containsExactly(
                tuple("rules engine", StepKind.NODE, "succeeded"),
                tuple("check rules answer", StepKind.GUARDRAIL, "succeeded"),
                tuple("daily budget", StepKind.GUARDRAIL, "succeeded"),
                tuple("draft", StepKind.LLM_CALL, "succeeded"),
                tuple("add", StepKind.TOOL_CALL, "succeeded"),
                tuple("draft #2", StepKind.LLM_CALL, "succeeded"),
                tuple("check LLM answer", StepKind.GUARDRAIL, "succeeded"));
        assertThat(steps.get(3).tokensIn()).isEqualTo(50);
        assertThat(steps.get(4).outputSummary()).isEqualTo("3.0");
        assertThat(steps.get(5).tokensOut()).isEqualTo(480);

        // The model saw the tool offered, and its result in the second call.
        assertThat(openAi.requests()).hasSize(2);
        assertThat(openAi.requests().get(0).body().path("tools").get(0).path("function").path("name").asText())
                .isEqualTo("add");
        assertThat(openAi.requests().get(0).authorization()).isEqualTo("Bearer test-key");
        JsonNode toolResult = last(messages(openAi.requests().get(1)));
        assertThat(toolResult.path("role").asText()).isEqualTo("tool");
        assertThat(toolResult.path("content").asText()).isEqualTo("3.0");
    }

    @Test
    void a_model_without_a_price_leaves_the_cost_unknown_never_zero() {
        Agent sum = sumAgent("{\"model\": \"my-local-llama\"}");
        openAi.answer(RIGHT, 200, 40);

        Run run = run(sum);

        assertThat(run.engine()).isEqualTo("llm");
        assertThat(run.model()).isEqualTo("my-local-llama");
        assertThat(openAi.requests().get(0).body().path("model").asText()).isEqualTo("my-local-llama");
        assertThat(run.tokensIn()).isEqualTo(200);
        assertThat(run.costUsd()).isNull();
        assertThat(run.unpriced()).isTrue();
        assertThat(runs.get(run.id()).costUsd()).isNull();
    }

    @Test
    void an_answer_that_breaks_the_rules_is_repaired_once_with_the_violation_listed() {
        Agent sum = sumAgent("{}");
        openAi.answer(WRONG_TOTAL, 100, 20).answer(RIGHT, 150, 25);

        Run run = run(sum);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.engine()).isEqualTo("llm_repaired");
        assertThat(run.output().get("total").asDouble()).isEqualTo(6.5);
        assertThat(run.tokensIn()).isEqualTo(250);
        assertThat(run.tokensOut()).isEqualTo(45);

        // The repair request carries the broken answer and names what is wrong with it.
        assertThat(openAi.requests()).hasSize(2);
        List<JsonNode> repair = messages(openAi.requests().get(1));
        assertThat(repair.get(repair.size() - 2).path("role").asText()).isEqualTo("assistant");
        assertThat(repair.get(repair.size() - 2).path("content").asText()).isEqualTo(WRONG_TOTAL);
        assertThat(last(repair).path("role").asText()).isEqualTo("user");
        assertThat(last(repair).path("content").asText()).contains("total must be 6.5, not 7.0");

        assertThat(runs.steps(run.id())).extracting(RunStep::name, RunStep::status)
                .containsSubsequence(tuple("draft", "succeeded"), tuple("check LLM answer", "failed"),
                        tuple("repair", "succeeded"), tuple("check repaired answer", "succeeded"));
    }

    @Test
    void an_answer_still_breaking_the_rules_after_the_repair_gives_way_to_the_rules_answer() {
        Agent sum = sumAgent("{}");
        openAi.answer(WRONG_TOTAL, 100, 20).answer(WRONG_TOTAL, 100, 20);

        Run run = run(sum);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.engine()).isEqualTo("rules");
        assertThat(run.output().get("explanation").asText()).isEqualTo(RULES_EXPLANATION);
        assertThat(run.output().get("total").asDouble()).isEqualTo(6.5);
        // The LLM was paid for even though its answer was not used.
        assertThat(run.tokensIn()).isEqualTo(200);
        assertThat(run.costUsd()).isPositive();
        assertThat(openAi.requests()).hasSize(2);
        RunStep fallback = only(runs.steps(run.id()), StepKind.FALLBACK);
        assertThat(fallback.status()).isEqualTo("succeeded");
        assertThat(fallback.inputSummary()).contains("still broke the rules").contains("total must be 6.5, not 7.0");
        assertThat(fallback.outputSummary()).isEqualTo("answer from the rules engine");
    }

    @Test
    void with_fallback_policy_fail_an_answer_still_breaking_the_rules_fails_the_run_with_the_reason() {
        Agent sum = sumAgent("{\"fallback_policy\": \"fail\"}");
        openAi.answer(WRONG_TOTAL, 100, 20).answer(WRONG_TOTAL, 100, 20);

        Run run = run(sum);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.output()).isNull();
        assertThat(run.error()).contains("still broke the rules").contains("total must be 6.5, not 7.0");
        RunStep refused = only(runs.steps(run.id()), StepKind.FALLBACK);
        assertThat(refused.name()).isEqualTo("fallback refused by policy");
        assertThat(refused.status()).isEqualTo("failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"The total is 6.5.", "{\"total\": 6.5}", "{\"total\": 6.5, \"count\": 3, \"sum\": 6.5}",
            "```json\n{\"total\": 6.5, \"count\": \"three\"}\n```"})
    void an_answer_that_is_not_json_of_the_output_shape_is_a_violation_and_gets_the_repair_request(String draft) {
        Agent sum = sumAgent("{}");
        openAi.answer(draft, 100, 20).answer(RIGHT, 100, 20);

        Run run = run(sum);

        assertThat(run.engine()).isEqualTo("llm_repaired");
        assertThat(run.output().get("count").asInt()).isEqualTo(3);
        RunStep check = runs.steps(run.id()).stream()
                .filter(step -> step.name().equals("check LLM answer")).findFirst().orElseThrow();
        assertThat(check.status()).isEqualTo("failed");
        assertThat(last(messages(openAi.requests().get(1))).path("content").asText())
                .startsWith("Your answer breaks these rules:\n- ")
                .contains(check.outputSummary());
    }

    @Test
    void a_rate_limit_is_waited_out_as_the_provider_asks_and_the_run_succeeds() {
        Agent sum = sumAgent("{\"max_retries\": 1}");
        openAi.rateLimited(1).answer(RIGHT, 100, 20);

        Run run = run(sum);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.engine()).isEqualTo("llm");
        assertThat(openAi.requests()).hasSize(2);
        assertThat(Duration.between(openAi.requests().get(0).receivedAt(), openAi.requests().get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        List<RunStep> steps = runs.steps(run.id());
        assertThat(steps).extracting(RunStep::name, RunStep::kind, RunStep::status)
                .containsSubsequence(tuple("draft", StepKind.LLM_CALL, "failed"),
                        tuple("retry after 429, waiting 1 s", StepKind.RETRY, "succeeded"),
                        tuple("draft", StepKind.LLM_CALL, "succeeded"));
    }

    @Test
    void a_provider_failing_on_every_attempt_is_given_up_for_the_rules_answer_with_the_reason() {
        Agent sum = sumAgent("{\"max_retries\": 1}");
        openAi.serverError().serverError();

        Run run = run(sum);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.engine()).isEqualTo("rules");
        assertThat(run.output().get("explanation").asText()).isEqualTo(RULES_EXPLANATION);
        assertThat(openAi.requests()).hasSize(2);
        List<RunStep> steps = runs.steps(run.id());
        assertThat(steps).filteredOn(step -> step.kind() == StepKind.RETRY).hasSize(1);
        assertThat(only(steps, StepKind.FALLBACK).inputSummary())
                .contains("provider_error").contains("HTTP 500").contains("2 attempts");
    }

    @Test
    void with_no_daily_budget_the_llm_is_not_asked_and_the_run_answers_from_its_rules() {
        Agent sum = sumAgent("{\"daily_budget_usd\": 0}");

        Run run = run(sum);

        assertThat(openAi.requests()).isEmpty();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.engine()).isEqualTo("rules");
        assertThat(run.costUsd()).isZero();
        List<RunStep> steps = runs.steps(run.id());
        RunStep budget = steps.stream().filter(step -> step.name().equals("daily budget")).findFirst()
                .orElseThrow();
        assertThat(budget.kind()).isEqualTo(StepKind.GUARDRAIL);
        assertThat(budget.status()).isEqualTo("failed");
        assertThat(only(steps, StepKind.FALLBACK).inputSummary()).contains("daily LLM budget of $0 is spent");
        assertThat(steps).noneMatch(step -> step.kind() == StepKind.LLM_CALL);
    }

    @Test
    void once_the_daily_budget_is_spent_the_next_run_does_not_ask_the_llm() {
        Agent sum = sumAgent("{\"daily_budget_usd\": 0.0004}");
        openAi.answer(RIGHT, 1000, 500); // 0.00045 USD, over the budget

        assertThat(run(sum).engine()).isEqualTo("llm");
        Run second = run(sum);

        assertThat(openAi.requests()).hasSize(1);
        assertThat(second.engine()).isEqualTo("rules");
        assertThat(runs.steps(second.id())).filteredOn(step -> step.name().equals("daily budget"))
                .singleElement().satisfies(step -> {
                    assertThat(step.status()).isEqualTo("failed");
                    assertThat(step.outputSummary()).startsWith("spent today $");
                    assertThat(new java.math.BigDecimal(step.outputSummary().substring("spent today $".length())))
                            .isEqualByComparingTo("0.00045");
                });
    }

    @Test
    void the_same_input_within_the_cache_ttl_is_answered_from_the_cache_until_the_config_changes() {
        Agent sum = sumAgent("{\"cache_ttl_seconds\": 600}");
        openAi.answer(RIGHT, 100, 20);
        Run first = run(sum);
        assertThat(first.engine()).isEqualTo("llm");

        Run second = run(sum);

        assertThat(openAi.requests()).hasSize(1);
        assertThat(second.engine()).isEqualTo("cache");
        assertThat(second.output()).isEqualTo(first.output());
        assertThat(second.costUsd()).isZero();
        assertThat(runs.steps(second.id())).extracting(RunStep::name)
                .contains("check cached answer").doesNotContain("draft");

        // Another input is another question.
        openAi.answer("{\"total\": 3, \"count\": 2, \"explanation\": \"1 + 2\"}", 100, 20);
        assertThat(runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1, 2]}"), false)).engine())
                .isEqualTo("llm");

        // A new config version may ask differently, so its answers are not the old version's.
        agents.update(sum.id(), new AgentDraft(null, null, null, null, json("{\"temperature\": 0.7}"), "warmer"));
        openAi.answer(RIGHT, 100, 20);
        Run afterChange = run(sum);
        assertThat(afterChange.configVersion()).isEqualTo(2);
        assertThat(afterChange.engine()).isEqualTo("llm");
        assertThat(openAi.requests()).hasSize(3);
    }

    @Test
    void a_model_slower_than_the_agents_timeout_is_given_up_in_time_to_answer_from_the_rules() {
        Agent sum = sumAgent("{\"timeout_seconds\": 3}"); // and the default two retries
        // Slower than the whole run may take, yet done before the stub's shutdown gives up waiting for it.
        openAi.slow(Duration.ofSeconds(4));
        long started = System.nanoTime();

        Run run = run(sum);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.engine()).isEqualTo("rules");
        assertThat(run.output().get("explanation").asText()).isEqualTo(RULES_EXPLANATION);
        // No retry is started that could not end before the agent's timeout.
        assertThat(openAi.requests()).hasSize(1);
        List<RunStep> steps = runs.steps(run.id());
        assertThat(steps).filteredOn(step -> step.kind() == StepKind.LLM_CALL).singleElement()
                .satisfies(call -> {
                    assertThat(call.status()).isEqualTo("failed");
                    assertThat(call.outputSummary()).isEqualTo("no answer within the timeout");
                });
        assertThat(only(steps, StepKind.FALLBACK).inputSummary()).contains("(timeout)");
        assertThat(steps).noneMatch(step -> step.name().equals("timeout"));
    }

    @Test
    void with_fallback_policy_fail_a_model_slower_than_the_agents_timeout_fails_the_run_saying_so() {
        Agent sum = sumAgent("{\"timeout_seconds\": 2, \"fallback_policy\": \"fail\"}");
        openAi.slow(Duration.ofSeconds(3));

        Run run = run(sum);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).startsWith("The LLM gave no answer (timeout)");
        assertThat(runs.steps(run.id()).get(runs.steps(run.id()).size() - 1).name())
                .isEqualTo("fallback refused by policy");
    }

    @Test
    void an_async_run_waiting_for_the_model_shows_running_with_its_steps_so_far_and_leaves_no_task_behind() {
        Agent sum = sumAgent("{}");
        openAi.slow(Duration.ofSeconds(2)); // a slow draft that is not JSON: the run ends on its rules' answer

        Run queued = runs.run(RunRequest.forAgent(sum.name(), json(NUMBERS), true));

        // Marked running in the same write as the steps before the call (docs/decisions/0004): while the model
        // thinks, the run is running, its attempt counted, and the timeline shows what happened so far.
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> !runs.steps(queued.id()).isEmpty());
        Run waiting = runs.get(queued.id());
        assertThat(waiting.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.runningAt()).isNotNull();
        assertThat(runs.steps(queued.id())).extracting(RunStep::name)
                .containsExactly("rules engine", "check rules answer", "daily budget");

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> runs.get(queued.id()).status()
                .isFinished());
        Run done = runs.get(queued.id());
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(runs.steps(queued.id())).extracting(RunStep::name).contains("draft");
        // The durable task went with the run's last write, not in a commit of its own after it.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ai_scheduled_tasks WHERE task_instance = ?",
                Long.class, String.valueOf(queued.id()))).isZero();
    }

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void llm_runs_reuse_the_providers_http_client_instead_of_leaving_one_thread_behind_each() {
        Agent sum = sumAgent("{}");
        long threadsBefore = httpClientThreads();
        for (int i = 0; i < 5; i++) {
            openAi.answer(RIGHT, 10, 5);
            assertThat(run(sum).engine()).isEqualTo("llm");
        }
        assertThat(httpClientThreads()).isLessThanOrEqualTo(threadsBefore + 1);
    }

    private Agent sumAgent(String config) {
        return agent(SumAgent.TYPE.code(), config);
    }

    private Run run(Agent agent) {
        return runs.run(RunRequest.forAgent(agent.name(), json(NUMBERS), false));
    }

    private static List<JsonNode> messages(StubRequest request) {
        List<JsonNode> messages = new java.util.ArrayList<>();
        request.body().path("messages").forEach(messages::add);
        return messages;
    }

    private static JsonNode last(List<JsonNode> nodes) {
        return nodes.get(nodes.size() - 1);
    }

    private static RunStep only(List<RunStep> steps, StepKind kind) {
        List<RunStep> ofKind = steps.stream().filter(step -> step.kind() == kind).toList();
        assertThat(ofKind).as("steps of kind " + kind.code()).hasSize(1);
        return ofKind.get(0);
    }

    /** Each {@code java.net.http.HttpClient} has one selector thread for as long as it lives. */
    private static long httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().matches("HttpClient-\\d+-SelectorManager")).count();
    }
}
