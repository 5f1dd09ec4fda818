package com.fitnesscrm.orchestrator.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** The price table and circuit-breaker thresholds as the shipped application.properties binds them. */
class LlmConfigurationTest {

    private final Binder shipped = new Binder(new MapConfigurationPropertySource(load("application.properties")));

    @Test
    void prices_of_models_with_dots_in_their_names_bind_under_their_whole_name() {
        LlmPrices prices = shipped.bindOrCreate("orchestrator.llm", Bindable.of(LlmPrices.class));

        assertThat(prices.prices()).containsKeys("gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano");
        assertThat(prices.priceOf("gpt-4.1-mini-2025-04-14")).hasValueSatisfying(price -> {
            assertThat(price.input()).isEqualByComparingTo("0.40");
            assertThat(price.output()).isEqualByComparingTo("1.60");
        });
        assertThat(prices.cost("gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000)).hasValueSatisfying(cost ->
                assertThat(cost).isEqualByComparingTo("0.75"));
        assertThat(prices.cost("claude-3-haiku", 1000, 1000)).isEmpty();
    }

    @Test
    void circuit_breaker_thresholds_bind_from_properties_and_default_without_them() {
        Bindable<LlmCircuitBreakerSettings> settings = Bindable.of(LlmCircuitBreakerSettings.class);

        assertThat(shipped.bindOrCreate("orchestrator.llm.circuit-breaker", settings))
                .isEqualTo(LlmCircuitBreakerSettings.DEFAULTS);
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate(
                "orchestrator.llm.circuit-breaker", settings)).isEqualTo(LlmCircuitBreakerSettings.DEFAULTS);
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of(
                "orchestrator.llm.circuit-breaker.wait-in-open-state", "2m"))).bindOrCreate(
                "orchestrator.llm.circuit-breaker", settings).waitInOpenState()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void the_gateway_is_wired_from_the_shipped_properties_and_without_a_key_reports_no_provider() {
        new ApplicationContextRunner()
                .withUserConfiguration(GatewayOnly.class)
                .withPropertyValues(load("application.properties").entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new))
                .withPropertyValues("orchestrator.llm.api-key=")
                .run(context -> {
                    LlmGateway gateway = context.getBean(LlmGateway.class);
                    assertThat(gateway.status()).isEqualTo(
                            new LlmStatus(false, false, "api.openai.com", "gpt-4o-mini", "DISABLED"));
                    assertThat(gateway.cost("gpt-4.1-nano", 1_000_000, 0)).hasValueSatisfying(cost ->
                            assertThat(cost).isEqualByComparingTo("0.10"));
                });
    }

    /** The gateway and its configuration, without the rest of the app (no database). */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({LlmSettings.class, LlmPrices.class, LlmCircuitBreakerSettings.class})
    @Import(LlmGateway.class)
    static class GatewayOnly {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private static Properties load(String resource) {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource(resource));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
