package com.fitnesscrm.orchestrator.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The Health Checker's per-agent thresholds, kept in the agent's config as its {@code health} object. */
class AgentConfigHealthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AgentConfig BASE = AgentConfig.defaults("prompt");

    @Test
    void an_agent_without_health_thresholds_gets_the_defaults_and_shows_them() throws Exception {
        AgentConfig config = AgentConfig.read(json("{\"temperature\": 0.5}"), BASE);

        assertThat(config.health()).isEqualTo(AgentConfig.HealthThresholds.DEFAULTS);
        JsonNode shown = config.toJson().get("health");
        assertThat(shown.get("failure_rate_warning").asDouble()).isEqualTo(0.05);
        assertThat(shown.get("failure_rate_critical").asDouble()).isEqualTo(0.2);
        assertThat(shown.get("slo_success_rate").asDouble()).isEqualTo(0.99);
        assertThat(shown.get("p95_warning_ms").isNull()).isTrue();
    }

    @Test
    void fields_given_replace_the_bases_and_the_rest_are_kept() throws Exception {
        AgentConfig first = AgentConfig.read(json("{\"health\": {\"failure_rate_critical\": 0.5, "
                + "\"p95_warning_ms\": 8000}}"), BASE);
        AgentConfig second = AgentConfig.read(json("{\"health\": {\"slo_success_rate\": 0.995}}"), first);

        assertThat(second.health().failureRateCritical()).isEqualTo(0.5);
        assertThat(second.health().p95WarningMs()).isEqualTo(8000);
        assertThat(second.health().sloSuccessRate()).isEqualTo(0.995);
        assertThat(AgentConfig.read(second.toJson(), BASE)).isEqualTo(second);
    }

    @Test
    void a_wrong_threshold_is_refused_naming_its_field() {
        assertThatThrownBy(() -> AgentConfig.read(json("{\"health\": {\"failure_rate_critical\": 2}}"), BASE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("health.failure_rate_critical"));
        assertThatThrownBy(() -> AgentConfig.read(json("{\"health\": {\"failure_rate_warning\": 0.5, "
                + "\"failure_rate_critical\": 0.3}}"), BASE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("health.failure_rate_warning"));
        assertThatThrownBy(() -> AgentConfig.read(json("{\"health\": {\"colour\": \"red\"}}"), BASE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("health.colour"));
        assertThatThrownBy(() -> AgentConfig.read(json("{\"health\": 3}"), BASE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("health"));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
