package com.fitnesscrm.orchestrator.workouts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.LlmIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunStep;
import com.fitnesscrm.orchestrator.execution.StepKind;
import com.fitnesscrm.orchestrator.llm.OpenAiStub;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue;
import com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngine;
import com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngineTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Workout Optimizer's LLM layer against a local OpenAI stub: a plan that keeps every rule is the answer, with
 * the coach's explanation; one that breaks a rule is repaired once or replaced by the rules engine's plan; one longer
 * than the agent's {@code max_tokens} can hold is not asked for.
 */
class WorkoutLlmIT extends LlmIntegrationTest {

    private static final WorkoutEngine ENGINE = new WorkoutEngine(ExerciseCatalogue.standard());

    /** The planner is a trainer's tool. */
    @BeforeEach
    void signInAsTrainer() {
        signInAs("trainer", Roles.TRAINER);
    }

    @Test
    void a_plan_from_the_llm_that_keeps_every_rule_is_the_answer_with_the_coachs_explanation() throws Exception {
        JsonNode input = input("llm-valid");
        openAi.answer(json(personalised(input, "Three full-body days build muscle while you recover.")), 3000, 2500);

        Run run = run(input);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.engine()).isEqualTo("llm");
        assertThat(run.output().get("engine").asText()).isEqualTo("llm");
        assertThat(run.output().get("coach_explanation").asText()).startsWith("Three full-body days");
        String question = openAi.requests().get(0).body().path("messages").toString();
        assertThat(question).contains("pulling sets at least the pushing sets").contains("back_squat");
        assertThat(openAi.requests().get(0).body().path("tools").toString()).contains("alternatives");
    }

    @Test
    void a_plan_with_more_pushing_than_pulling_gets_one_repair_naming_the_broken_rule() throws Exception {
        JsonNode input = input("llm-repaired");
        openAi.answer(json(fewerPulls(personalised(input, "Pushes first."))), 3000, 2500)
                .answer(json(personalised(input, "Balanced now.")), 3000, 2500);

        Run run = run(input);

        assertThat(run.engine()).isEqualTo("llm_repaired");
        assertThat(run.output().get("coach_explanation").asText()).isEqualTo("Balanced now.");
        List<OpenAiStub.StubRequest> requests = openAi.requests();
        assertThat(requests).hasSize(2);
        JsonNode messages = requests.get(1).body().path("messages");
        assertThat(messages.get(messages.size() - 1).path("content").asText())
                .contains("Your answer breaks these rules").contains("pulling sets must be at least the pushing sets");
    }

    @Test
    void a_plan_that_still_breaks_a_rule_after_the_repair_is_replaced_by_the_rules_engines_plan() throws Exception {
        JsonNode input = input("llm-replaced");
        WorkoutPlan broken = fewerPulls(personalised(input, "Pushes first."));
        openAi.answer(json(broken), 3000, 2500).answer(json(broken), 3000, 2500);

        Run run = run(input);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(openAi.requests()).as("the model was asked, then asked to repair").hasSize(2);
        assertThat(run.engine()).isEqualTo("rules");
        WorkoutPlan answer = objectMapper.treeToValue(run.output(), WorkoutPlan.class);
        assertThat(answer).isEqualTo(ENGINE.plan(WorkoutInputReader.read(input)));
        assertThat(answer.coachExplanation()).isNull();
    }

    @Test
    void a_plan_longer_than_the_agents_max_tokens_can_hold_is_the_rules_plan_without_asking_the_llm()
            throws Exception {
        Agent planner = planner("{\"max_tokens\": 16000}");
        JsonNode input = eightWeeksOfFourDays("llm-too-long");
        WorkoutPlan rules = ENGINE.plan(WorkoutInputReader.read(input));
        assertThat(json(rules).length()).as("the rules' plan, chars").isGreaterThan(16_000 * 5);

        Run run = runs.run(RunRequest.forAgent(planner.name(), input, false));

        assertThat(openAi.requests()).as("no paid question whose answer would be cut off").isEmpty();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.engine()).isEqualTo("rules");
        assertThat(objectMapper.treeToValue(run.output(), WorkoutPlan.class)).isEqualTo(rules);
        // Not "the LLM gave no answer": self-healing switches an agent to its rules on those, not on this.
        assertThat(runs.steps(run.id())).filteredOn(step -> step.kind() == StepKind.FALLBACK).singleElement()
                .satisfies(step -> assertThat(step.inputSummary()).startsWith(RunStep.LLM_NOT_ASKED)
                        .contains("kB of JSON").contains("max_tokens of 16000 (about 80 kB)")
                        .hasSizeLessThanOrEqualTo(160)); // all of it shows in the run's timeline
        assertThat(runs.steps(run.id())).noneMatch(step -> step.kind() == StepKind.LLM_CALL);
    }

    @Test
    void with_fallback_policy_fail_a_plan_longer_than_max_tokens_can_hold_fails_the_run_saying_why()
            throws Exception {
        Agent planner = planner("{\"max_tokens\": 16000, \"fallback_policy\": \"fail\"}");

        Run run = runs.run(RunRequest.forAgent(planner.name(), eightWeeksOfFourDays("llm-too-long-fail"), false));

        assertThat(openAi.requests()).isEmpty();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).startsWith(RunStep.LLM_NOT_ASKED).contains("max_tokens of 16000");
    }

    /** A Workout Optimizer of its own config, created by an admin; the trainer stays signed in to run it. */
    private Agent planner(String config) {
        signInAs("admin", Roles.ADMIN);
        try {
            return agent(AgentType.WORKOUT_OPTIMIZATION.code(), config);
        } finally {
            signInAsTrainer();
        }
    }

    private JsonNode eightWeeksOfFourDays(String client) throws Exception {
        // About 150 kB of plan, where 16,000 tokens hold about 80 kB of JSON at most.
        return objectMapper.readTree("{\"client_id\": \"" + client + "\", \"goal\": \"hypertrophy\", "
                + "\"fitness_level\": \"intermediate\", \"days_per_week\": 4, \"weeks\": 8}");
    }

    private JsonNode input(String client) throws Exception {
        return objectMapper.readTree("{\"client_id\": \"" + client + "\", \"goal\": \"hypertrophy\", "
                + "\"fitness_level\": \"intermediate\", \"days_per_week\": 3, \"weeks\": 1}");
    }

    private Run run(JsonNode input) {
        return runs.run(RunRequest.forTaskType(AgentType.WORKOUT_OPTIMIZATION.code(), input));
    }

    /** The rules engine's plan as a model would improve it: explained, and marked as the LLM's. */
    private static WorkoutPlan personalised(JsonNode input, String explanation) {
        WorkoutPlan plan = ENGINE.plan(WorkoutInputReader.read(input));
        return new WorkoutPlan(plan.clientId(), plan.goal(), plan.fitnessLevel(), plan.split(), plan.daysPerWeek(),
                plan.minutesPerSession(), plan.weeks(), plan.weeklySetsPerMuscle(), plan.cardio(),
                plan.rulesChecked(), "llm", explanation);
    }

    /** Every pulling exercise down to one set: more pushing than pulling. */
    private static WorkoutPlan fewerPulls(WorkoutPlan plan) {
        return WorkoutEngineTest.changeExercises(plan, e -> !e.pattern().endsWith("_pull") ? e
                : new WorkoutPlan.PlannedExercise(e.exerciseId(), e.name(), e.pattern(), e.mechanics(),
                e.primaryMuscles(), e.secondaryMuscles(), e.equipment(), e.contraindications(), 1, e.reps(),
                e.restSeconds(), e.intensity(), e.progression(), e.suggestedLoadKg(), e.minutes(), e.reason(),
                e.difficulty()));
    }

    private String json(Object value) throws Exception {
        return objectMapper.writeValueAsString(value);
    }
}
