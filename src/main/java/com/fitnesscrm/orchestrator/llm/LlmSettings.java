package com.fitnesscrm.orchestrator.llm;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The LLM provider as configured.
 *
 * @param apiKey  {@code OPENAI_API_KEY}; empty means no LLM: agents use their rules engines only
 * @param model   {@code OPENAI_MODEL}
 * @param baseUrl {@code OPENAI_BASE_URL}, for any OpenAI-compatible endpoint
 */
@ConfigurationProperties("orchestrator.llm")
public record LlmSettings(String apiKey, String model, String baseUrl) {

    public boolean isConfigured() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** The provider's host, safe to show; the key never leaves this record. */
    public String providerHost() {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? baseUrl : host;
        } catch (IllegalArgumentException e) {
            return baseUrl;
        }
    }

    @Override
    public String toString() {
        return "LlmSettings[configured=" + isConfigured() + ", model=" + model + ", baseUrl=" + baseUrl + "]";
    }
}
