package com.fitnesscrm.orchestrator.workflows.internal;

import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.CONTEXT;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The rules that turn a progress report into a plan change, in their order. */
class AssessProgressFunctionTest {

    private final AssessProgressFunction function = new AssessProgressFunction();

    private static final String ON_TRACK_GOAL = """
            {"metric": "weight", "target": 76, "unit": "kg", "current": 82.4, "status": "on_track",
             "meets_by_date": null, "eta": {"expected": "2027-03-01"}}""";
    private static final String WEIGHT = """
            "metrics": {"weight": {"unit": "kg", "current_trend": 82.4, "weekly_rate": -0.5, "plateau": false}}""";
    private static final String GREEN = """
            "adherence": {"planned": 6, "completed": 5, "risk": "green", "reasons": []}""";

    private JsonNode assess(String report) {
        return function.apply(json("{\"report\": " + report + "}"), CONTEXT);
    }

    @Test
    void a_client_on_track_keeps_the_plan_and_the_progress_is_said_in_a_sentence() {
        JsonNode out = assess("{" + WEIGHT + ", \"goals\": [" + ON_TRACK_GOAL + "], \"lifts\": [], " + GREEN + "}");

        assertThat(out.path("adjust").asBoolean()).isFalse();
        assertThat(out.path("adjustment").asText()).isEqualTo("none");
        assertThat(out.path("progress").asText()).isEqualTo("Weight is at 82.4 kg, changing −0.5 kg a week; the "
                + "goal of 76 kg is on track (expected 2027-03-01). 5 of 6 planned sessions completed; dropout risk "
                + "green.");
    }

    @Test
    void a_stalled_lift_asks_for_a_deload_before_anything_else() {
        JsonNode out = assess("{" + WEIGHT + ", \"goals\": [{\"metric\": \"weight\", \"target\": 76, \"unit\": "
                + "\"kg\", \"status\": \"plateau\"}], \"lifts\": [{\"exercise\": \"Back squat\", \"stalled\": true},"
                + " {\"exercise\": \"Bench press\", \"stalled\": false}], \"adherence\": {\"risk\": \"red\"}}");

        assertThat(out.path("adjustment").asText()).isEqualTo("deload");
        assertThat(out.path("adjust").asBoolean()).isTrue();
        assertThat(out.path("reason").asText()).startsWith("Back squat has made no new best in four weeks");
        assertThat(out.path("signals").toString()).contains("stalled lift: Back squat", "dropout risk red",
                "plateau: weight 76 kg");
    }

    @Test
    void a_red_dropout_risk_asks_for_less_volume_saying_why() {
        JsonNode out = assess("{" + WEIGHT + ", \"goals\": [" + ON_TRACK_GOAL + "], \"adherence\": {\"planned\": 4,"
                + " \"completed\": 1, \"risk\": \"red\", \"reasons\": [\"No session in 16 days.\"]}}");

        assertThat(out.path("adjustment").asText()).isEqualTo("volume");
        assertThat(out.path("direction").asText()).isEqualTo("down");
        assertThat(out.path("reason").asText()).contains("No session in 16 days.");
    }

    @Test
    void a_goal_moving_the_wrong_way_or_missing_its_date_asks_for_more_volume() {
        JsonNode wrongWay = assess("{\"goals\": [{\"metric\": \"weight\", \"target\": 76, \"unit\": \"kg\", "
                + "\"status\": \"wrong_direction\"}], " + GREEN + "}");
        JsonNode late = assess("{\"goals\": [{\"metric\": \"waist\", \"target\": 80, \"unit\": \"cm\", "
                + "\"status\": \"on_track\", \"meets_by_date\": false}], " + GREEN + "}");

        assertThat(wrongWay.path("adjustment").asText()).isEqualTo("volume");
        assertThat(wrongWay.path("direction").asText()).isEqualTo("up");
        assertThat(wrongWay.path("reason").asText()).contains("off track for weight 76 kg");
        assertThat(late.path("adjustment").asText()).isEqualTo("volume");
        assertThat(late.path("reason").asText()).contains("waist 80 cm");
    }

    @Test
    void a_plateau_of_a_goal_or_of_a_measured_metric_asks_for_a_rep_range_change() {
        JsonNode goal = assess("{\"goals\": [{\"metric\": \"weight\", \"target\": 76, \"unit\": \"kg\", "
                + "\"status\": \"plateau\"}], " + GREEN + "}");
        JsonNode metric = assess("{\"metrics\": {\"body_fat\": {\"unit\": \"%\", \"plateau\": true}}, "
                + "\"goals\": [], " + GREEN + "}");

        assertThat(goal.path("adjustment").asText()).isEqualTo("rep_range");
        assertThat(metric.path("adjustment").asText()).isEqualTo("rep_range");
        assertThat(metric.path("reason").asText()).contains("body_fat");
    }

    @Test
    void a_report_with_nothing_to_judge_keeps_the_plan_and_says_so() {
        JsonNode out = assess("{\"metrics\": {}, \"goals\": [], \"lifts\": []}");

        assertThat(out.path("adjust").asBoolean()).isFalse();
        assertThat(out.path("reason").asText()).contains("no goal or lift to judge by");
        assertThat(out.path("progress").asText()).isEqualTo("No measurements to judge the trend by.");
    }

    @Test
    void refuses_an_input_without_a_report_naming_the_field() {
        assertThatThrownBy(() -> function.apply(json("{}"), CONTEXT)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("report");
    }
}
