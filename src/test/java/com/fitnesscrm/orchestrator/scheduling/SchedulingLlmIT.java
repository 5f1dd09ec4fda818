package com.fitnesscrm.orchestrator.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.LlmIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.scheduling.engine.SchedulingEngine;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scheduling Intelligence's LLM layer against a local OpenAI stub: the model may only reword {@code suggestion} and
 * {@code reasons}; an answer that moves or invents a slot is thrown out (one repair, then the engine's answer).
 */
class SchedulingLlmIT extends LlmIntegrationTest {

    @Autowired
    private SchedulingAgent program;
    @Autowired
    private Clock clock;

    @Test
    void reworded_suggestions_with_the_engines_slots_are_the_answer() throws Exception {
        SchedulingOutput rules = rules();
        List<Suggestion> reworded = new ArrayList<>();
        for (Suggestion s : rules.suggestions()) {
            reworded.add(s.withWords(s.suggestion().replace("—", "— we would love to see you:"),
                    List.of("Your trainer is free then.", "You rarely miss this time.")));
        }
        openAi.answer(answer(rules.withSuggestions(reworded, "llm")), 900, 200);

        Run run = run();

        assertThat(run.engine()).isEqualTo("llm");
        JsonNode first = run.output().at("/suggestions/0");
        assertThat(first.get("suggestion").asText()).contains("we would love to see you");
        assertThat(first.get("start").asText()).isEqualTo(rules.suggestions().get(0).start());
        assertThat(first.get("score").asDouble()).isEqualTo(rules.suggestions().get(0).score());
        assertThat(openAi.requests().get(0).body().toString()).contains(rules.suggestions().get(0).start());
    }

    @Test
    void an_answer_that_moves_a_slot_is_thrown_out_and_repaired_once_with_the_slot_named() throws Exception {
        SchedulingOutput rules = rules();
        openAi.answer(answer(rules.withSuggestions(moved(rules), "llm")), 900, 200)
                .answer(answer(rules.withSuggestions(rules.suggestions(), "llm")), 900, 200);

        Run run = run();

        assertThat(run.engine()).isEqualTo("llm_repaired");
        assertThat(run.output().at("/suggestions/0/start").asText()).isEqualTo(rules.suggestions().get(0).start());
        assertThat(openAi.requests().get(1).body().toString()).contains("suggestions[0] was moved");
    }

    @Test
    void a_model_that_keeps_moving_or_inventing_slots_is_replaced_by_the_engines_answer() throws Exception {
        SchedulingOutput rules = rules();
        List<Suggestion> invented = new ArrayList<>(rules.suggestions());
        invented.add(new Suggestion("2030-01-01T03:00+01:00", "2030-01-01T04:00+01:00", 0.99, 0.99, 4,
                "Tue 1 Jan, 03:00–04:00 — a slot nobody offered", List.of("Made up.")));
        openAi.answer(answer(rules.withSuggestions(moved(rules), "llm")), 900, 200)
                .answer(answer(rules.withSuggestions(invented, "llm")), 900, 200);

        Run run = run();

        assertThat(run.engine()).isEqualTo("rules");
        assertThat(run.output().get("suggestions")).isEqualTo(objectMapper.valueToTree(rules.suggestions()));
        assertThat(runs.steps(run.id())).anyMatch(step -> step.name().equals("check repaired answer")
                && step.outputSummary() != null && step.outputSummary().contains("2030-01-01T03:00+01:00"));
    }

    @Test
    void a_week_whose_reasons_are_reworded_keeps_the_optimisers_assignments_and_takes_the_new_words()
            throws Exception {
        SchedulingOutput rules = weekRules();
        ObjectNode reworded = objectMapper.valueToTree(rules);
        reworded.put("engine", "llm");
        for (JsonNode assignment : reworded.at("/week/assignments")) {
            ((ObjectNode) assignment).putArray("reasons").add("Tuesday early suits your trainer and you.");
        }
        openAi.answer(objectMapper.writeValueAsString(reworded), 900, 200);

        Run run = runWeek();

        assertThat(run.engine()).isEqualTo("llm");
        JsonNode first = run.output().at("/week/assignments/0");
        assertThat(first.get("reasons").get(0).asText()).isEqualTo("Tuesday early suits your trainer and you.");
        assertThat(first.get("start").asText()).isEqualTo(rules.week().assignments().get(0).start());
        assertThat(run.output().at("/week/objective")).isEqualTo(objectMapper.valueToTree(rules.week().objective()));
    }

    @Test
    void a_week_answer_that_moves_an_assignment_is_thrown_out_and_the_optimisers_words_are_kept() throws Exception {
        SchedulingOutput rules = weekRules();
        ObjectNode moved = objectMapper.valueToTree(rules);
        moved.put("engine", "llm");
        ObjectNode first = (ObjectNode) moved.at("/week/assignments/0");
        first.put("start", OffsetDateTime.parse(first.get("start").asText()).plusHours(1).toString());
        first.put("end", OffsetDateTime.parse(first.get("end").asText()).plusHours(1).toString());
        first.putArray("reasons").add("An hour later is nicer.");
        String answer = objectMapper.writeValueAsString(moved);
        openAi.answer(answer, 900, 200).answer(answer, 900, 200);

        Run run = runWeek();

        assertThat(run.engine()).isEqualTo("rules");
        assertThat(objectMapper.treeToValue(run.output().get("week"), SchedulingOutput.WeekPlan.class))
                .isEqualTo(rules.week());
        assertThat(openAi.requests().get(1).body().toString()).contains("assignments[0] was changed");
    }

    /** The optimiser's plan of the week input: one session, and one hour it can go in, so any solve finds it. */
    private SchedulingOutput weekRules() {
        return new SchedulingEngine().optimiseWeek(program.readInput(weekInput()));
    }

    private Run runWeek() {
        Agent agent = agent(AgentType.SCHEDULING.code(), "{}");
        return runs.run(RunRequest.forAgent(agent.name(), weekInput(), false));
    }

    /** Next week, a trainer free only on Tuesday 07:00–08:00, client 7 asking for one session. */
    private JsonNode weekInput() {
        LocalDate monday = LocalDate.now(clock).plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
        var input = objectMapper.createObjectNode().put("trainer_id", 3).put("week", monday.toString())
                .put("time_limit_seconds", 1);
        input.putObject("trainer").put("timezone", "Europe/Berlin").putArray("availability").addObject()
                .put("weekday", "tue").put("start", "07:00").put("end", "08:00");
        input.putArray("requests").addObject().put("client_id", 7).put("sessions_per_week", 1);
        input.putArray("existing_sessions");
        input.putObject("client").putArray("history");
        return input;
    }

    /** The first slot an hour later, all else kept. */
    private static List<Suggestion> moved(SchedulingOutput rules) {
        List<Suggestion> moved = new ArrayList<>(rules.suggestions());
        Suggestion first = moved.get(0);
        moved.set(0, new Suggestion(OffsetDateTime.parse(first.start()).plusHours(1).toString(),
                OffsetDateTime.parse(first.end()).plusHours(1).toString(), first.score(), first.showProbability(),
                first.priority(), first.suggestion(), first.reasons()));
        return moved;
    }

    private String answer(SchedulingOutput output) throws Exception {
        return objectMapper.writeValueAsString(output);
    }

    private SchedulingOutput rules() {
        return new SchedulingEngine().suggest(program.readInput(input()));
    }

    private Run run() {
        Agent agent = agent(AgentType.SCHEDULING.code(), "{}");
        return runs.run(RunRequest.forAgent(agent.name(), input(), false));
    }

    /** A horizon that starts tomorrow, so the slots do not depend on the minute the test runs. */
    private JsonNode input() {
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        var input = objectMapper.createObjectNode().put("client_id", 7).put("trainer_id", 3);
        input.putArray("preferred_times").add("weekday mornings");
        var trainer = input.putObject("trainer").put("timezone", "Europe/Berlin");
        var availability = trainer.putArray("availability");
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
            availability.addObject().put("weekday", day).put("start", "07:00").put("end", "12:00");
        }
        input.putObject("horizon").put("from", tomorrow.toString()).put("to", tomorrow.plusDays(13).toString());
        input.putObject("client").putArray("history").addObject()
                .put("start", tomorrow.minusDays(7).atTime(8, 0).toString()).put("status", "completed");
        input.putArray("existing_sessions");
        return input;
    }
}
