package com.fitnesscrm.orchestrator.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LlmSettingsTest {

    @Test
    void an_empty_or_blank_key_means_no_llm() {
        assertThat(new LlmSettings("", "gpt-4o-mini", "https://api.openai.com/v1").isConfigured()).isFalse();
        assertThat(new LlmSettings("  ", "gpt-4o-mini", "https://api.openai.com/v1").isConfigured()).isFalse();
        assertThat(new LlmSettings(null, "gpt-4o-mini", "https://api.openai.com/v1").isConfigured()).isFalse();
        assertThat(new LlmSettings("sk-live", "gpt-4o-mini", "https://api.openai.com/v1").isConfigured()).isTrue();
    }

    @Test
    void shows_the_providers_host_and_never_the_key() {
        LlmSettings settings = new LlmSettings("sk-secret-key", "llama3", "http://ollama.internal:11434/v1");
        assertThat(settings.providerHost()).isEqualTo("ollama.internal");
        assertThat(settings.toString()).doesNotContain("sk-secret-key").contains("configured=true");
    }
}
