package com.fitnesscrm.orchestrator.llm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the gateway stops calling a provider that keeps failing ({@code orchestrator.llm.circuit-breaker.*}). Only
 * 5xx answers, timeouts and connection failures count; a 400 or 401 says the request is wrong, not the provider.
 *
 * @param slidingWindowSize    how many of the latest calls are judged
 * @param minimumNumberOfCalls calls needed before the failure rate means anything
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param waitInOpenState      how long calls fail fast before a few are let through to test the provider
 */
@ConfigurationProperties("orchestrator.llm.circuit-breaker")
public record LlmCircuitBreakerSettings(@DefaultValue("20") int slidingWindowSize,
                                        @DefaultValue("10") int minimumNumberOfCalls,
                                        @DefaultValue("50") float failureRateThreshold,
                                        @DefaultValue("30s") Duration waitInOpenState) {

    public static final LlmCircuitBreakerSettings DEFAULTS = new LlmCircuitBreakerSettings(20, 10, 50,
            Duration.ofSeconds(30));
}
