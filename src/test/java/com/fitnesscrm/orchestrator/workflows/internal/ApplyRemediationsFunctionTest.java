package com.fitnesscrm.orchestrator.workflows.internal;

import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.CONTEXT;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.JSON;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.health.HealthChecker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planned remediations are done only once approved, through the health feature. */
class ApplyRemediationsFunctionTest {

    private static final String DRY_RUN_PLAN = """
            {"mode": "dry_run", "needs_approval": true, "already_applied": false,
             "remediations": [{"id": 11, "kind": "llm_rules_only"}, {"id": 12, "kind": "stuck_run_timeout"}]}""";

    private final HealthChecker health = mock(HealthChecker.class);
    private final ApplyRemediationsFunction function = new ApplyRemediationsFunction(FunctionFixtures.provider(health), JSON);

    private JsonNode apply(String plan, String approval) {
        return function.apply(json("{\"plan\": " + plan + ", \"approval\": " + approval + "}"), CONTEXT);
    }

    @Test
    void approved_remediations_are_done_by_the_health_feature_in_the_approvers_name() {
        when(health.applyApprovedRemediations(List.of(11L, 12L), "root")).thenReturn(List.of(
                Map.of("dry_run_id", 11, "applied", true, "what", "Agent 3 switched to its rules"),
                Map.of("dry_run_id", 12, "applied", false, "result", "Nothing to do any more")));

        JsonNode out = apply(DRY_RUN_PLAN, "{\"decision\": \"approved\", \"by\": \"root\"}");

        verify(health).applyApprovedRemediations(List.of(11L, 12L), "root");
        assertThat(out.path("applied_count").asInt()).isEqualTo(1);
        assertThat(out.path("applied")).hasSize(2);
        assertThat(out.path("message").asText()).isEqualTo("Approved by root: 1 of 2 remediation(s) done; the "
                + "others had nothing left to do.");
    }

    @Test
    void rejected_remediations_are_not_done() {
        JsonNode out = apply(DRY_RUN_PLAN, "{\"decision\": \"rejected\", \"by\": \"root\", \"note\": \"not now\"}");

        verifyNoInteractions(health);
        assertThat(out.path("applied_count").asInt()).isZero();
        assertThat(out.path("message").asText()).isEqualTo("Rejected by root (not now): no remediation was done.");
    }

    @Test
    void with_self_healing_on_the_skipped_approval_reports_what_the_check_did() {
        JsonNode out = apply("""
                {"mode": "on", "needs_approval": false, "already_applied": true,
                 "remediations": [{"id": 20, "kind": "cache_clear"}]}""", "{\"decision\": \"skipped\"}");

        verify(health, org.mockito.Mockito.never()).applyApprovedRemediations(any(), anyString());
        assertThat(out.path("done_by").asText()).isEqualTo("self_healing");
        assertThat(out.path("applied_count").asInt()).isEqualTo(1);
    }
}
