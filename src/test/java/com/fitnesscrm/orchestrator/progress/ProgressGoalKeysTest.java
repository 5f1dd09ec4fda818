package com.fitnesscrm.orchestrator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.progress.engine.ProgressEngine;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The main backend's goal keys ({@code {category: target_value}} built from its {@code goals} table), without a CRM:
 * they used to be a 422 "Unknown metric 'weight_loss'".
 */
class ProgressGoalKeysTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void weight_loss_is_a_weight_target_in_kg() throws Exception {
        ProgressInput input = ProgressInputReader.read(json.readTree("""
                {"client_id": 42, "current_metrics": {"weight": 82}, "goal_metrics": {"weight_loss": 76}}"""), TODAY);

        assertThat(input.goals()).singleElement().satisfies(goal -> {
            assertThat(goal.metric()).isEqualTo(Metric.WEIGHT_KG);
            assertThat(goal.target()).isEqualTo(76);
        });
    }

    @Test
    void muscle_gain_follows_muscle_mass_where_it_is_measured_and_body_weight_otherwise() throws Exception {
        ProgressInput withMuscle = ProgressInputReader.read(json.readTree("""
                {"current_metrics": {"weight": 70, "muscle_mass": 31}, "goal_metrics": {"muscle_gain": 34}}"""),
                TODAY);
        ProgressInput weightOnly = ProgressInputReader.read(json.readTree("""
                {"current_metrics": {"weight": 70}, "goal_metrics": {"muscle_gain": 74}}"""), TODAY);

        assertThat(withMuscle.goals()).singleElement().extracting(ProgressInput.Goal::metric)
                .isEqualTo(Metric.MUSCLE_MASS_KG);
        assertThat(weightOnly.goals()).singleElement().extracting(ProgressInput.Goal::metric)
                .isEqualTo(Metric.WEIGHT_KG);
        assertThat(new ProgressEngine().report(weightOnly).insights())
                .anySatisfy(text -> assertThat(text).contains("muscle_gain").contains("body weight"));
    }

    @Test
    void goals_that_are_no_body_metric_are_named_in_the_answer_and_the_rest_goes_on() throws Exception {
        ProgressInput input = ProgressInputReader.read(json.readTree("""
                {"current_metrics": {"weight": 82},
                 "goal_metrics": {"weight_loss": 76, "strength": 100, "flexibility": 1, "other": "run 5k"}}"""),
                TODAY);
        ProgressReport report = new ProgressEngine().report(input);

        assertThat(report.goals()).singleElement().satisfies(goal -> {
            assertThat(goal.metric()).isEqualTo("weight_kg");
            assertThat(goal.eta().basis()).isEqualTo("safe_rate");
        });
        assertThat(report.insights()).anySatisfy(text -> assertThat(text).contains("strength goal (100) is not a "
                + "body measurement")).anySatisfy(text -> assertThat(text).contains("flexibility"))
                .anySatisfy(text -> assertThat(text).contains("other goal (run 5k)"));
        assertThat(new ProgressEngine().check(input, report)).isEmpty();
    }

    @Test
    void an_unknown_key_is_still_refused_naming_the_field_and_the_categories() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProgressInputReader.read(json.readTree("""
                {"current_metrics": {"weight": 82}, "goal_metrics": {"weight_lost": 76}}"""), TODAY))
                .isInstanceOf(com.fitnesscrm.orchestrator.base.InvalidInputException.class)
                .hasMessageContaining("Unknown metric 'weight_lost'").hasMessageContaining("weight_loss")
                .extracting(e -> ((com.fitnesscrm.orchestrator.base.InvalidInputException) e).field())
                .isEqualTo("goal_metrics.weight_lost");
    }

    @Test
    void a_weight_loss_goal_in_percent_is_a_body_fat_target_when_the_crm_says_so() throws Exception {
        var crmGoal = new com.fitnesscrm.orchestrator.crm.CrmGoal(9, 42, "Lean out", null, "weight_loss", 18.0, "%",
                null, null, TODAY.plusMonths(4), null, "active", null);
        ProgressInput input = ProgressInputReader.read(json.readTree("""
                {"client_id": 42, "current_metrics": {"weight": 82, "body_fat": 24},
                 "goal_metrics": {"weight_loss": 18}}"""), TODAY,
                id -> new ClientRecords(null, java.util.List.of(), java.util.List.of(), java.util.List.of(),
                        java.util.List.of(crmGoal)));

        assertThat(input.goals()).singleElement().satisfies(goal -> {
            assertThat(goal.metric()).isEqualTo(Metric.BODY_FAT_PCT);
            assertThat(goal.target()).isCloseTo(18, within(1e-9));
            assertThat(goal.byDate()).isEqualTo(TODAY.plusMonths(4));
            assertThat(goal.crmGoalId()).isEqualTo(9);
            assertThat(goal.crmStatus()).isEqualTo("active");
        });
    }
}
