package com.fitnesscrm.orchestrator.llm;

/**
 * What the dashboard and {@code /api/health} say about the provider; never the key.
 *
 * @param configured   a key is set
 * @param available    configured and its circuit breaker lets calls through
 * @param providerHost host of {@code OPENAI_BASE_URL}
 * @param model        {@code OPENAI_MODEL}
 * @param circuitState {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} or {@code DISABLED} when no key is set
 */
public record LlmStatus(boolean configured, boolean available, String providerHost, String model,
                        String circuitState) {
}
