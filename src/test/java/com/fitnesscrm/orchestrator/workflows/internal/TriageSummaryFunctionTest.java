package com.fitnesscrm.orchestrator.workflows.internal;

import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.CONTEXT;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The admin's summary of an incident. */
class TriageSummaryFunctionTest {

    private final TriageSummaryFunction function = new TriageSummaryFunction();

    @Test
    void names_what_is_unhealthy_the_errors_the_analysis_and_what_was_healed() {
        JsonNode out = function.apply(json("""
                {"health": {"overall": "critical", "components": [
                    {"component": "database", "status": "healthy", "message": "ok"},
                    {"component": "llm", "status": "critical", "message": "5 errors in 10 minutes"}]},
                 "errors": {"count": 1, "message": "1 error group(s) seen in the last 60 minutes."},
                 "analysis": {"error_group": {"title": "KeyError: 'name'"}, "likely_cause": "A key is missing.",
                              "suggested_fix": "Use .get().", "suggestion_ids": [4]},
                 "plan": {"message": "1 remediation(s) wait."},
                 "applied": {"applied_count": 1, "message": "Approved by root: 1 of 1 remediation(s) done."}}"""),
                CONTEXT);

        assertThat(out.path("summary").asText()).isEqualTo("""
                Health: critical; llm (critical): 5 errors in 10 minutes.
                1 error group(s) seen in the last 60 minutes.
                Code Analyzer on 'KeyError: 'name'': A key is missing. Fix: Use .get(). (suggestions [4]).
                Remediations: Approved by root: 1 of 1 remediation(s) done.""");
        assertThat(out.path("remediations").asInt()).isEqualTo(1);
        assertThat(out.path("suggestion_ids").path(0).asInt()).isEqualTo(4);
    }

    @Test
    void a_healthy_quiet_night_reads_as_one() {
        JsonNode out = function.apply(json("""
                {"health": {"overall": "healthy", "components": [{"component": "jvm", "status": "healthy"}]},
                 "errors": {"count": 0, "message": "No error group was seen in the last 60 minutes."},
                 "analysis": null, "plan": {"message": "Self-healing is on and found nothing to heal."},
                 "applied": {"applied_count": 0, "message": "Nothing to apply."}}"""), CONTEXT);

        assertThat(out.path("summary").asText()).isEqualTo("""
                Health: healthy, every component healthy.
                No error group was seen in the last 60 minutes.
                Remediations: Nothing to apply.""");
    }
}
