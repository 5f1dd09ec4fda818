package com.fitnesscrm.orchestrator.workflows.internal;

import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.CONTEXT;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.json;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.plan;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.saved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.workouts.WorkoutInputReader;
import com.fitnesscrm.orchestrator.workouts.WorkoutRequest;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimizer's input for the next plan: the client's current plan, changed as the assessment decided. */
class PlanAdjustmentInputFunctionTest {

    private final WorkoutService workouts = mock(WorkoutService.class);
    private final PlanAdjustmentInputFunction function = new PlanAdjustmentInputFunction(FunctionFixtures.provider(workouts));

    private JsonNode adjust(String adjustment, String direction) {
        return function.apply(json("{\"client_id\": 7, \"assessment\": {\"adjust\": true, \"adjustment\": \""
                + adjustment + "\", \"direction\": " + (direction == null ? "null" : "\"" + direction + "\"")
                + "}}"), CONTEXT);
    }

    private void currentPlan(String goal, int days, int minutes, List<String> focus) {
        when(workouts.savedPlans("7")).thenReturn(List.of(saved(3, plan(goal, days, minutes, 8, focus))));
    }

    /** What the Workout Optimizer reads the input as: the test of the input is that the agent takes it so. */
    private static WorkoutRequest read(JsonNode output) {
        return WorkoutInputReader.read(output.get("input"));
    }

    @Test
    void a_deload_is_one_lighter_week_of_the_current_plan() {
        currentPlan("hypertrophy", 4, 60, List.of());

        JsonNode out = adjust("deload", null);
        WorkoutRequest request = read(out);

        assertThat(request.weeks()).isEqualTo(1);
        assertThat(request.daysPerWeek()).isEqualTo(3);
        assertThat(request.minutesPerSession()).isEqualTo(45);
        assertThat(request.goal()).isEqualTo(Goal.HYPERTROPHY);
        assertThat(request.clientId()).as("the optimizer's CRM path adds the contraindications").isEqualTo("7");
        assertThat(out.path("change").asText()).isEqualTo("A lighter week: 3 sessions of 45 minutes instead of 4 of "
                + "60, then back to the plan.");
        assertThat(out.path("based_on").asText()).isEqualTo("saved plan 3 (Autumn block)");
    }

    @Test
    void a_rep_range_change_leans_on_strength_or_leaves_it_or_moves_a_strength_plan_to_hypertrophy() {
        currentPlan("fat_loss", 3, 60, List.of("chest"));
        assertThat(read(adjust("rep_range", null)).focusAreas()).containsExactly(FocusArea.CHEST, FocusArea.STRENGTH);

        currentPlan("fat_loss", 3, 60, List.of("strength"));
        assertThat(read(adjust("rep_range", null)).focusAreas()).isEmpty();

        currentPlan("strength", 3, 60, List.of());
        JsonNode strength = adjust("rep_range", null);
        assertThat(read(strength).goal()).isEqualTo(Goal.HYPERTROPHY);
        assertThat(strength.path("change").asText()).contains("6–12 reps");
    }

    @Test
    void more_volume_adds_a_day_and_past_five_days_adds_minutes() {
        currentPlan("hypertrophy", 3, 60, List.of());
        assertThat(read(adjust("volume", "up")).daysPerWeek()).isEqualTo(4);

        currentPlan("hypertrophy", 5, 60, List.of());
        WorkoutRequest longer = read(adjust("volume", "up"));
        assertThat(longer.daysPerWeek()).isEqualTo(5);
        assertThat(longer.minutesPerSession()).isEqualTo(75);
    }

    @Test
    void less_volume_drops_a_day_and_at_two_days_shortens_the_sessions() {
        currentPlan("general_fitness", 3, 60, List.of());
        assertThat(read(adjust("volume", "down")).daysPerWeek()).isEqualTo(2);

        currentPlan("general_fitness", 2, 45, List.of());
        JsonNode out = adjust("volume", "down");
        assertThat(read(out).minutesPerSession()).isEqualTo(30);
        assertThat(out.path("change").asText()).isEqualTo("Less volume: 2 sessions of 30 minutes a week instead of 2 "
                + "of 45.");
    }

    @Test
    void without_a_saved_plan_it_starts_from_the_optimizers_defaults_and_leaves_the_goal_to_the_crm() {
        when(workouts.savedPlans("7")).thenReturn(List.of());

        JsonNode out = adjust("volume", "up");

        assertThat(out.path("input").has("goal")).as("the CRM's goal, read by the optimizer").isFalse();
        assertThat(read(out).daysPerWeek()).isEqualTo(WorkoutInputReader.DEFAULT_DAYS + 1);
        assertThat(out.path("based_on").asText()).contains("defaults");
    }
}
