package com.fitnesscrm.orchestrator.workflows.internal;

import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.CONTEXT;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.JSON;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.json;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.plan;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.saved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.workouts.GeneratedPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Only an approved plan reaches the client's history. */
class SavePlanFunctionTest {

    private final WorkoutService workouts = mock(WorkoutService.class);
    private final SavePlanFunction function = new SavePlanFunction(FunctionFixtures.provider(workouts), JSON);
    private final WorkoutPlan plan = plan("hypertrophy", 3, 45, 1, List.of());

    private JsonNode save(String approval) {
        ObjectNode input = (ObjectNode) json("{\"run_id\": 88, \"request\": {\"client_id\": 7, \"weeks\": 1}, "
                + "\"approval\": " + approval + "}");
        input.set("plan", JSON.valueToTree(plan));
        return function.apply(input, CONTEXT);
    }

    @Test
    void an_approved_plan_is_saved_with_its_run_and_request() {
        when(workouts.save(any(), anyString())).thenAnswer(call -> saved(51, plan));

        JsonNode out = save("{\"decision\": \"approved\", \"by\": \"tom\", \"note\": \"good\"}");

        ArgumentCaptor<GeneratedPlan> generated = ArgumentCaptor.forClass(GeneratedPlan.class);
        ArgumentCaptor<String> name = ArgumentCaptor.forClass(String.class);
        verify(workouts).save(generated.capture(), name.capture());
        assertThat(generated.getValue().executionId()).isEqualTo(88);
        assertThat(generated.getValue().plan()).isEqualTo(plan);
        assertThat(generated.getValue().input().path("weeks").asInt()).isEqualTo(1);
        assertThat(name.getValue()).isEqualTo("Check-in 2026-12-02: hypertrophy plan");
        assertThat(out.path("saved").asBoolean()).isTrue();
        assertThat(out.path("plan_id").asLong()).isEqualTo(51);
        assertThat(out.path("reason").asText()).startsWith("Approved by tom (good): saved");
    }

    @Test
    void a_rejected_plan_is_not_saved_and_the_trainers_note_says_why() {
        JsonNode out = save("{\"decision\": \"rejected\", \"by\": \"tom\", \"note\": \"knee hurts\"}");

        verify(workouts, never()).save(any(), anyString());
        assertThat(out.path("saved").asBoolean()).isFalse();
        assertThat(out.path("plan_id").isNull()).isTrue();
        assertThat(out.path("reason").asText()).isEqualTo("The trainer rejected the plan by tom (knee hurts): it is "
                + "not saved.");
    }

    @Test
    void a_skipped_approval_or_no_plan_saves_nothing() {
        assertThat(save("{\"decision\": \"skipped\"}").path("saved").asBoolean()).isFalse();
        JsonNode noPlan = function.apply(json("{\"approval\": {\"decision\": \"approved\"}}"), CONTEXT);

        verify(workouts, never()).save(any(), anyString());
        assertThat(noPlan.path("reason").asText()).contains("No plan change was proposed");
    }
}
