package com.fitnesscrm.orchestrator.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.crm.CrmClient;
import com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue;
import com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngine;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plan request for a CRM client: the goal and contraindications the request leaves open come from the CRM. */
class WorkoutCrmDefaultsTest {

    private static final CrmClient CLIENT = new CrmClient(42, "Dana", "dana@example.com", null, 41,
            "Lose weight before the wedding", "Bad knee (meniscus tear 2022)", "active", null, null);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_main_backends_plan_request_gets_goal_and_contraindications_from_the_crm_and_the_plan_says_so()
            throws Exception {
        WorkoutRequest request = WorkoutInputReader.read(json.readTree("""
                {"client_id": 42, "duration_weeks": 4, "focus_areas": ["upper body"]}"""),
                id -> id == 42 ? Optional.of(CLIENT) : Optional.empty());

        assertThat(request.goal()).isEqualTo(Goal.FAT_LOSS);
        assertThat(request.contraindications()).containsExactly(Contraindication.KNEE);
        assertThat(request.fromCrm().goalText()).isEqualTo("Lose weight before the wedding");
        WorkoutPlan plan = new WorkoutEngine(ExerciseCatalogue.standard()).plan(request);
        assertThat(plan.fromCrm()).isEqualTo(request.fromCrm());
        assertThat(plan.rulesChecked()).last().asString().startsWith("From the CRM: goal fat_loss")
                .contains("knee ('Bad knee')");
        assertThat(plan.weeks().get(0).sessions()).allSatisfy(session -> assertThat(session.exercises())
                .allSatisfy(exercise -> assertThat(exercise.contraindications()).doesNotContain("knee")));
        assertThat(new WorkoutEngine(ExerciseCatalogue.standard()).check(request, plan)).isEmpty();
        assertThat(json.valueToTree(plan).at("/from_crm/contraindications/0/found_in").asText())
                .isEqualTo("Bad knee");
    }

    @Test
    void focus_areas_say_where_the_work_goes_and_never_replace_the_crms_goal() throws Exception {
        CrmClient gaining = new CrmClient(43, "Ana", "ana@example.com", null, 29, "Build muscle", null, "active",
                null, null);
        WorkoutRequest request = WorkoutInputReader.read(json.readTree("""
                {"client_id": 43, "duration_weeks": 4, "focus_areas": ["chest", "cardio", "strength"]}"""),
                id -> Optional.of(gaining));

        assertThat(request.goal()).as("the CRM's goal, not endurance or strength guessed from the focus")
                .isEqualTo(Goal.HYPERTROPHY);
        assertThat(request.fromCrm().goalText()).isEqualTo("Build muscle");

        WorkoutRequest withoutCrm = WorkoutInputReader.read(json.readTree("""
                {"client_id": 7, "focus_areas": ["cardio", "mobility"]}"""), id -> Optional.empty());
        assertThat(withoutCrm.goal()).as("the default goal: cardio and mobility are focus areas")
                .isEqualTo(WorkoutInputReader.read(json.readTree("{\"client_id\": 7}"), id -> Optional.empty())
                        .goal());

        WorkoutRequest phrase = WorkoutInputReader.read(json.readTree("""
                {"client_id": 7, "focus_areas": ["lose weight", "legs"]}"""), id -> Optional.empty());
        assertThat(phrase.goal()).as("a goal phrase among the focus areas still sets the goal")
                .isEqualTo(Goal.FAT_LOSS);
    }

    @Test
    void a_goal_the_request_names_wins_and_its_contraindications_are_kept() throws Exception {
        WorkoutRequest request = WorkoutInputReader.read(json.readTree("""
                {"client_id": "42", "goal": "strength", "contraindications": ["wrist"]}"""),
                id -> Optional.of(CLIENT));

        assertThat(request.goal()).isEqualTo(Goal.STRENGTH);
        assertThat(request.contraindications()).containsExactly(Contraindication.KNEE, Contraindication.WRIST);
        assertThat(request.fromCrm().goal()).isNull();
    }

    @Test
    void the_planner_that_already_showed_the_proposal_gets_only_what_the_trainer_confirmed() throws Exception {
        WorkoutRequest request = WorkoutInputReader.read(json.readTree("""
                {"client_id": "42", "goal": "hypertrophy", "contraindications": [], "crm_defaults": false}"""),
                id -> Optional.of(CLIENT));

        assertThat(request.contraindications()).isEmpty();
        assertThat(request.fromCrm()).isNull();
        assertThatThrownBy(() -> WorkoutInputReader.read(json.readTree("""
                {"client_id": "42", "crm_defaults": "no"}"""), id -> Optional.of(CLIENT)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("crm_defaults"));
    }

    @Test
    void without_the_client_in_the_crm_the_request_is_read_as_before() throws Exception {
        var input = json.readTree("""
                {"client_id": 7, "duration_weeks": 4, "focus_areas": ["upper body"]}""");
        WorkoutRequest request = WorkoutInputReader.read(input, id -> Optional.empty());

        assertThat(request).isEqualTo(WorkoutInputReader.read(input));
        assertThat(request.fromCrm()).isNull();
    }
}
