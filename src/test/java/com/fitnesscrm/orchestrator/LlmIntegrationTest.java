package com.fitnesscrm.orchestrator;

import com.fitnesscrm.orchestrator.llm.OpenAiStub;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A {@link RunIntegrationTest} whose agents may ask an LLM: the provider is {@link #openAi}, a local stub of the
 * OpenAI API (key {@code test-key}, model {@code gpt-4o-mini}, priced as in application.properties). An agent's LLM
 * IT is then its tests and little else:
 *
 * <pre>{@code
 * class SchedulingLlmIT extends LlmIntegrationTest {
 *     @Test
 *     void ...() {
 *         openAi.answer("{...}", 900, 200);
 *         Run run = runs.run(RunRequest.forAgent(agent("scheduling", "{}").name(), input, false));
 *         assertThat(run.engine()).isEqualTo("llm");
 *         assertThat(openAi.requests()).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p>One stub serves the JVM, and every subclass declares the same provider properties (this class's
 * {@code @DynamicPropertySource}, the same method and values), so all of them share one Spring context: one
 * application and one embedded PostgreSQL for every LLM IT, not one each. It is not the plain
 * {@code @IntegrationTest} context, whose LLM is switched off. Before each test the stub is {@link OpenAiStub#reset()
 * reset}: nothing queued, nothing heard, so {@code openAi.requests()} are the requests this test caused.
 *
 * <p>Shared with the context: the LLM gateway's circuit breaker (per provider host; it opens after 10 calls at 50 %
 * failures) and the database. A test that makes the provider fail says how often in its class's comment, and each
 * test creates the agents whose budget, cache or config it reads.
 */
public abstract class LlmIntegrationTest extends RunIntegrationTest {

    /** Started once per JVM and closed when it ends: the cached context points at it until then. */
    protected static final OpenAiStub openAi = OpenAiStub.start();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(openAi::close, "openai-stub-shutdown"));
    }

    @DynamicPropertySource
    static void llmProvider(DynamicPropertyRegistry registry) {
        registry.add("orchestrator.llm.api-key", () -> "test-key");
        registry.add("orchestrator.llm.base-url", openAi::baseUrl);
        registry.add("orchestrator.llm.model", () -> "gpt-4o-mini");
    }

    @BeforeEach
    void resetStub() {
        openAi.reset();
    }
}
