package com.fitnesscrm.orchestrator.workflows.internal;

import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.CONTEXT;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The trainer's summary: progress, the plan change and its approval, the proposed sessions. */
class CheckInSummaryFunctionTest {

    private final CheckInSummaryFunction function = new CheckInSummaryFunction();

    @Test
    void an_approved_change_and_the_proposed_sessions_are_said_in_plain_words() {
        JsonNode out = function.apply(json("""
                {"assessment": {"adjust": true, "adjustment": "deload", "reason": "Back squat has stalled.",
                                "progress": "Weight is at 82 kg."},
                 "plan_change": {"change": "A lighter week."},
                 "approval": {"decision": "approved", "by": "tom"},
                 "saved": {"saved": true, "plan_id": 51},
                 "schedule": {"suggestions": [{"start": "2026-12-07T08:00+01:00", "end": "2026-12-07T09:00+01:00",
                                               "show_probability": 0.9}]}}"""), CONTEXT);

        assertThat(out.path("summary").asText()).isEqualTo("""
                Weight is at 82 kg.
                Plan change (deload): A lighter week. Why: Back squat has stalled. It was approved by tom and saved.
                Proposed for next week: 2026-12-07 08:00+01:00.""");
        assertThat(out.path("sessions")).hasSize(1);
    }

    @Test
    void a_rejected_change_and_branches_not_taken_are_said_as_such() {
        JsonNode rejected = function.apply(json("""
                {"assessment": {"adjust": true, "adjustment": "volume", "reason": "Off track."},
                 "plan_change": {"change": "More volume."},
                 "approval": {"decision": "rejected", "by": "tom", "note": "holiday"},
                 "saved": {"saved": false}, "schedule": {"suggestions": []}}"""), CONTEXT);
        JsonNode unchanged = function.apply(json("""
                {"assessment": {"adjust": false, "reason": "The client is on track.", "progress": "Fine."},
                 "plan_change": null, "approval": null, "saved": null, "schedule": null}"""), CONTEXT);

        assertThat(rejected.path("plan_change").asText()).endsWith("It was rejected by tom (holiday), not saved.");
        assertThat(rejected.path("sessions_text").asText()).isEqualTo("No free slot was found next week.");
        assertThat(unchanged.path("plan_change").asText()).isEqualTo("No plan change: the client is on track.");
        assertThat(unchanged.path("sessions_text").asText()).contains("no trainer was found");
    }
}
