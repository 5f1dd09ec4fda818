package com.fitnesscrm.orchestrator.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.LlmIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.progress.engine.ProgressEngine;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Progress Monitor's LLM layer against a local OpenAI stub: the model may only retell the engine's numbers; a
 * number it makes up is caught, repaired once, and otherwise replaced by the engine's own sentences.
 */
class ProgressLlmIT extends LlmIntegrationTest {

    @Autowired
    private ProgressMonitorAgent program;
    @Autowired
    private Clock clock;

    @Test
    void a_narrative_that_retells_the_engines_numbers_is_the_answer() throws Exception {
        ProgressReport rules = rulesReport();
        var weight = rules.metrics().get("weight_kg");
        String narrative = "Your weight trend is " + weight.currentTrend() + " kg, down " + Math.abs(weight.weeklyRate())
                + " kg a week. You should reach 78 kg around " + rules.goals().get(0).eta().expected() + ".";
        openAi.answer(answer(rules, narrative), 900, 200);

        Run run = run();

        assertThat(run.engine()).isEqualTo("llm");
        assertThat(run.output().get("narrative").asText()).isEqualTo(narrative);
        assertThat(run.output().get("metrics")).isEqualTo(objectMapper.valueToTree(rules.metrics()));
        // the model was shown the engine's numbers to retell
        assertThat(openAi.requests().get(0).body().toString()).contains(String.valueOf(weight.weeklyRate()));
    }

    @Test
    void a_made_up_rate_is_caught_and_repaired_once_with_the_number_named() throws Exception {
        ProgressReport rules = rulesReport();
        String wrong = "Amazing: you are losing 2.5 kg a week!";
        String right = "You are losing " + Math.abs(rules.metrics().get("weight_kg").weeklyRate()) + " kg a week.";
        openAi.answer(answer(rules, wrong), 900, 200).answer(answer(rules, right), 950, 180);

        Run run = run();

        assertThat(run.engine()).isEqualTo("llm_repaired");
        assertThat(run.output().get("narrative").asText()).isEqualTo(right);
        String repairRequest = openAi.requests().get(1).body().toString();
        assertThat(repairRequest).contains("states the number 2.5");
    }

    @Test
    void a_model_that_keeps_inventing_numbers_is_replaced_by_the_engines_sentences() throws Exception {
        ProgressReport rules = rulesReport();
        openAi.answer(answer(rules, "You will hit 78 kg in 3 days, on 2030-01-01."), 900, 200)
                .answer(answer(rules, "Losing 9.9 kg a week."), 900, 200);

        Run run = run();

        assertThat(run.engine()).isEqualTo("rules");
        assertThat(run.output().get("narrative").asText()).isEqualTo(rules.narrative());
        assertThat(runs.steps(run.id())).anyMatch(step -> step.name().equals("check repaired answer")
                && step.outputSummary() != null && step.outputSummary().contains("9.9"));
    }

    private String answer(ProgressReport rules, String narrative) throws Exception {
        return objectMapper.writeValueAsString(rules.withText(narrative, "Keep going, the trend is yours.", "llm"));
    }

    private ProgressReport rulesReport() {
        return new ProgressEngine().report(program.readInput(input()));
    }

    private Run run() {
        Agent agent = agent(AgentType.PROGRESS_MONITORING.code(), "{}");
        return runs.run(RunRequest.forAgent(agent.name(), input(), false));
    }

    private JsonNode input() {
        LocalDate today = LocalDate.now(clock);
        var input = objectMapper.createObjectNode();
        var measurements = input.putArray("measurements");
        for (int d = 42; d >= 0; d--) {
            measurements.addObject().put("date", today.minusDays(d).toString())
                    .put("weight_kg", 84 - 0.5 * (42 - d) / 7 + (d % 3 - 1) * 0.3);
        }
        input.putArray("goals").addObject().put("metric", "weight_kg").put("target", 78);
        return input;
    }
}
