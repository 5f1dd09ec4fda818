package com.fitnesscrm.orchestrator.workflows.internal;

import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.CONTEXT;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.health.SelfHealingMode;
import com.fitnesscrm.orchestrator.health.SelfHealingPolicy;
import org.junit.jupiter.api.Test;

/** The remediations to do are the health check's own, and need an approval unless SELF_HEALING=on did them. */
class PlanRemediationsFunctionTest {

    private static final String REPORT = """
            {"report": {"overall": "critical", "recommendations": ["Check the provider."],
              "remediations": [
                {"id": 11, "kind": "llm_rules_only", "mode": "%1$s", "reason": "LLM failing", "result": "r",
                 "agent_id": 3, "what": "Agent 3 switched to its rules"},
                {"id": 12, "kind": "stuck_run_timeout", "mode": "%1$s", "reason": "stuck", "result": "r"}]}}""";

    private final SelfHealingPolicy policy = mock(SelfHealingPolicy.class);
    private final PlanRemediationsFunction function = new PlanRemediationsFunction(policy);

    private JsonNode plan(SelfHealingMode mode) {
        when(policy.mode()).thenReturn(mode);
        return function.apply(json(REPORT.formatted(mode.code())), CONTEXT);
    }

    @Test
    void with_self_healing_on_the_check_did_them_already_and_no_approval_is_asked() {
        JsonNode out = plan(SelfHealingMode.ON);

        assertThat(out.path("needs_approval").asBoolean()).isFalse();
        assertThat(out.path("already_applied").asBoolean()).isTrue();
        assertThat(out.path("remediations")).hasSize(2);
    }

    @Test
    void in_a_dry_run_what_the_check_would_do_waits_for_an_admin() {
        JsonNode out = plan(SelfHealingMode.DRY_RUN);

        assertThat(out.path("needs_approval").asBoolean()).isTrue();
        assertThat(out.path("already_applied").asBoolean()).isFalse();
        assertThat(out.path("remediations").path(0).path("id").asLong()).isEqualTo(11);
        assertThat(out.path("remediations").path(0).path("what").asText()).isEqualTo("Agent 3 switched to its rules");
        assertThat(out.path("recommendations").path(0).asText()).isEqualTo("Check the provider.");
    }

    @Test
    void with_self_healing_off_nothing_is_planned_or_asked() {
        when(policy.mode()).thenReturn(SelfHealingMode.OFF);
        JsonNode out = function.apply(json("{\"report\": {\"remediations\": [], \"recommendations\": []}}"),
                CONTEXT);

        assertThat(out.path("needs_approval").asBoolean()).isFalse();
        assertThat(out.path("remediations")).isEmpty();
        assertThat(out.path("message").asText()).startsWith("Self-healing is off");
    }
}
