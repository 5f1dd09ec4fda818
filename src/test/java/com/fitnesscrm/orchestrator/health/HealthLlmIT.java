package com.fitnesscrm.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.llm.OpenAiStub;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider failing, seen by the {@code llm} component at the next check: the OpenAI stub answering 500 and then
 * timing out. A context and stub of its own (not {@code LlmIntegrationTest}'s shared one): its failures fill the
 * runs' LLM steps and may open the gateway's circuit breaker, which would change what the other LLM ITs see.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthLlmIT extends RunIntegrationTest {

    private static final OpenAiStub openAi = OpenAiStub.start();
    private static final String RIGHT = "{\"total\": 6, \"count\": 3, \"explanation\": \"1 + 2 + 3\"}";

    @Autowired
    private HealthChecker checker;

    @DynamicPropertySource
    static void llmProvider(DynamicPropertyRegistry registry) {
        registry.add("orchestrator.llm.api-key", () -> "test-key");
        registry.add("orchestrator.llm.base-url", openAi::baseUrl);
        registry.add("orchestrator.llm.model", () -> "gpt-4o-mini");
    }

    @AfterAll
    static void stop() {
        openAi.close();
    }

    @BeforeEach
    void reset() {
        openAi.reset();
    }

    @Test
    @Order(1)
    void a_provider_that_answers_is_healthy() {
        Agent sum = agent(SumAgent.TYPE.code(), "{\"max_retries\": 0}");
        openAi.answer(RIGHT, 10, 5);
        runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1, 2, 3]}"), false));

        ComponentHealth llm = llm();

        assertThat(llm.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(llm.metrics()).containsEntry("configured", true).containsEntry("calls_last_hour", 1);
    }

    @Test
    @Order(2)
    void the_provider_answering_500_is_critical_at_the_next_check() {
        Agent sum = agent(SumAgent.TYPE.code(), "{\"max_retries\": 0}");
        for (int i = 0; i < 5; i++) {
            openAi.serverError();
            runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1, 2, 3]}"), false));
        }

        ComponentHealth llm = llm();

        // 5 of 6 calls failed: at least half, critical (or the circuit opened, also critical).
        assertThat(llm.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(llm.metrics()).containsEntry("errors_last_hour", 5);
        assertThat(llm.message()).containsAnyOf("of the last hour's 6 calls to the provider failed", "circuit is open");
    }

    @Test
    @Order(3)
    void the_provider_timing_out_is_counted_as_failed_calls_too() {
        Agent sum = agent(SumAgent.TYPE.code(), "{\"max_retries\": 0, \"timeout_seconds\": 2}");
        openAi.slow(Duration.ofSeconds(3));
        runs.run(RunRequest.forAgent(sum.name(), json("{\"numbers\": [1, 2, 3]}"), false));

        ComponentHealth llm = llm();

        assertThat(llm.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(llm.metrics()).containsEntry("errors_last_hour", 6);
    }

    private ComponentHealth llm() {
        return checker.check(Set.of("llm"), null).component("llm").orElseThrow();
    }
}
