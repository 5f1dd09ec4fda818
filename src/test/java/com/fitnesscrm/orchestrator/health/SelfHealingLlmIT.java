package com.fitnesscrm.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.LlmIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Self-healing of an agent's LLM layer, on the shared OpenAI stub: the stub answering 500, or too slowly, for three
 * runs of an agent switches that agent to its rules (its next run does not call the stub) until undone (then it
 * calls the stub again); in a dry run the switch is only logged. And cached answers that fail validation clear the
 * agent's response cache, which undo restores. After the cool-down a probe of the LLM switches the agent back, or
 * keeps it on its rules for another one (a cool-down of zero makes the next check probe, without waiting).
 *
 * <p>The shared circuit breaker (the latest 20 calls, opens at 50 % failures of at least 10): each test makes three
 * or four failed calls, and {@link #keepTheCircuitClosed()} follows each with six answered ones, so that neither these tests
 * nor the LLM ITs after them find it open.
 */
class SelfHealingLlmIT extends LlmIntegrationTest {

    private static final String RIGHT = "{\"total\": 6, \"count\": 3, \"explanation\": \"1 + 2 + 3\"}";
    private static final String INPUT = "{\"numbers\": [1, 2, 3]}";

    @Autowired
    private HealthChecker checker;
    @Autowired
    private SelfHealingPolicy policy;
    @Autowired
    private SelfHealingService selfHealing;
    @Autowired
    private JdbcTemplate jdbc;

    private SelfHealingMode mode;
    private int maxPerHour;
    private Duration coolDown;

    @BeforeEach
    void keepThePolicy() {
        mode = policy.mode();
        maxPerHour = policy.maxPerHour();
        coolDown = policy.coolDown();
        policy.use(SelfHealingMode.ON, 1000, Duration.ofMinutes(10));
    }

    @AfterEach
    void restoreThePolicy() {
        policy.use(mode, maxPerHour, coolDown);
    }

    @AfterEach
    void keepTheCircuitClosed() {
        openAi.reset();
        Agent fine = agent(SumAgent.TYPE.code(), "{\"max_retries\": 0}");
        for (int i = 0; i < 6; i++) {
            openAi.answer(RIGHT, 10, 5);
            assertThat(run(fine).engine()).isEqualTo("llm");
        }
    }

    @Test
    void an_agent_whose_llm_keeps_answering_500_is_switched_to_its_rules_until_undone() {
        Agent sum = agent(SumAgent.TYPE.code(), "{\"max_retries\": 0}");
        Agent other = agent(SumAgent.TYPE.code(), "{\"max_retries\": 0}");
        for (int i = 0; i < 3; i++) {
            openAi.serverError();
            assertThat(run(sum).engine()).isEqualTo("rules"); // fell back
        }

        Map<String, Object> switched = switchOf(checker.check(Set.of(), null), sum);

        assertThat(switched.get("mode")).isEqualTo("on");
        assertThat(switched.get("reason").toString()).contains(sum.name()).contains("in 3 runs");
        int heard = openAi.requests().size();
        openAi.answer(RIGHT, 10, 5);
        Run rulesOnly = run(sum);
        assertThat(rulesOnly.engine()).isEqualTo("rules");
        assertThat(openAi.requests()).as("the stub is not called").hasSize(heard);
        assertThat(stepNames(rulesOnly)).contains("rules only (self-healing)");
        assertThat(run(other).engine()).as("another agent still asks its LLM").isEqualTo("llm");
        openAi.answer(RIGHT, 10, 5);

        UndoResult undone = selfHealing.undo((Long) switched.get("id"), "admin");

        assertThat(undone.reversed()).isTrue();
        assertThat(undone.remediation().undoneAt()).isNotNull();
        Run back = run(sum);
        assertThat(back.engine()).isEqualTo("llm");
        assertThat(openAi.requests()).hasSize(heard + 2);
        // Undone and not failing again: the next check does not switch it once more.
        assertThat(checker.check(Set.of(), null).remediations()).noneMatch(r -> Integer.valueOf(sum.id()).equals(r.get("agent_id")));
    }

    @Test
    void an_agent_whose_llm_keeps_timing_out_is_switched_to_its_rules() {
        Agent slow = agent(SumAgent.TYPE.code(), "{\"max_retries\": 0, \"timeout_seconds\": 2}");
        for (int i = 0; i < 3; i++) {
            openAi.slow(Duration.ofSeconds(3));
            run(slow);
        }

        Map<String, Object> switched = switchOf(checker.check(Set.of(), null), slow);

        assertThat(switched.get("result").toString()).contains("without asking the LLM for 10 min");
        int heard = openAi.requests().size();
        assertThat(run(slow).engine()).isEqualTo("rules");
        assertThat(openAi.requests()).hasSize(heard);
        selfHealing.undo((Long) switched.get("id"), "admin");
    }

    @Test
    void after_the_cool_down_a_probe_that_answers_switches_the_agent_back() {
        policy.use(SelfHealingMode.ON, 1000, Duration.ZERO); // over at once: the next check probes
        Agent sum = failingThreeTimes();
        Map<String, Object> switched = switchOf(checker.check(Set.of(), null), sum);
        openAi.answer("OK", 5, 1);

        Map<String, Object> probed = entry(checker.check(Set.of(), null), (Long) switched.get("id"));

        assertThat(probed.get("result").toString()).contains("switched back to its LLM: a probe answered");
        assertThat(openAi.requests().get(openAi.requests().size() - 1).body().toString()).contains("Are you there?");
        Remediation ended = selfHealing.list(1, 200).stream().filter(r -> r.id() == (Long) switched.get("id"))
                .findFirst().orElseThrow();
        assertThat(ended.endedAt()).isNotNull();
        assertThat(ended.undoable()).isFalse();
        openAi.answer(RIGHT, 10, 5);
        assertThat(run(sum).engine()).isEqualTo("llm");
    }

    @Test
    void after_the_cool_down_a_probe_that_gets_no_answer_keeps_the_agent_on_its_rules_for_another() {
        policy.use(SelfHealingMode.ON, 1000, Duration.ZERO);
        Agent sum = failingThreeTimes();
        Map<String, Object> switched = switchOf(checker.check(Set.of(), null), sum);
        policy.use(SelfHealingMode.ON, 1000, Duration.ofMinutes(10));
        openAi.serverError();

        Map<String, Object> probed = entry(checker.check(Set.of(), null), (Long) switched.get("id"));

        assertThat(probed.get("result").toString()).contains("still rules only").contains("another 10 min");
        int heard = openAi.requests().size();
        assertThat(run(sum).engine()).isEqualTo("rules");
        assertThat(openAi.requests()).hasSize(heard);
        selfHealing.undo((Long) switched.get("id"), "admin");
    }

    private Agent failingThreeTimes() {
        Agent sum = agent(SumAgent.TYPE.code(), "{\"max_retries\": 0}");
        for (int i = 0; i < 3; i++) {
            openAi.serverError();
            run(sum);
        }
        return sum;
    }

    private static Map<String, Object> entry(HealthReport report, long id) {
        return report.remediations().stream().filter(r -> Long.valueOf(id).equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("Entry " + id + " not among " + report.remediations()));
    }

    @Test
    void in_a_dry_run_the_switch_is_logged_and_the_agent_still_asks_its_llm() {
        policy.use(SelfHealingMode.DRY_RUN, 1000, Duration.ofMinutes(10));
        Agent sum = agent(SumAgent.TYPE.code(), "{\"max_retries\": 0}");
        for (int i = 0; i < 3; i++) {
            openAi.serverError();
            run(sum);
        }

        Map<String, Object> wouldSwitch = switchOf(checker.check(Set.of(), null), sum);

        assertThat(wouldSwitch.get("mode")).isEqualTo("dry_run");
        assertThat(wouldSwitch.get("result").toString()).startsWith("Would answer from its rules");
        openAi.answer(RIGHT, 10, 5);
        assertThat(run(sum).engine()).isEqualTo("llm");
    }

    @Test
    void cached_answers_that_fail_validation_clear_the_agents_cache_and_undo_restores_it() {
        Agent cached = agent(SumAgent.TYPE.code(), "{\"max_retries\": 0, \"cache_ttl_seconds\": 3600}");
        openAi.answer(RIGHT, 10, 5);
        Run first = run(cached);
        assertThat(first.engine()).isEqualTo("llm");
        // The rules changed under the cached answer (as a new version of the code would): it fails their check now.
        jdbc.update("UPDATE ai_agent_executions SET output_data = jsonb_set(output_data, '{total}', '7') "
                + "WHERE id = ?", first.id());
        openAi.answer(RIGHT, 10, 5);
        Run refused = run(cached);
        assertThat(refused.engine()).as("the failing cached answer is not served").isEqualTo("llm");
        assertThat(run(cached).engine()).as("the fresh answer is cached").isEqualTo("cache");

        Map<String, Object> cleared = checker.check(Set.of(), null).remediations().stream()
                .filter(r -> "cache_clear".equals(r.get("kind")) && Integer.valueOf(cached.id()).equals(r.get("agent_id")))
                .findFirst().orElseThrow(() -> new AssertionError("The cache was not cleared"));

        openAi.answer(RIGHT, 10, 5);
        assertThat(run(cached).engine()).as("answers cached before the clear are not served").isEqualTo("llm");
        UndoResult undone = selfHealing.undo((Long) cleared.get("id"), "admin");
        assertThat(undone.reversed()).isTrue();
        int heard = openAi.requests().size();
        assertThat(run(cached).engine()).isEqualTo("cache");
        assertThat(openAi.requests()).hasSize(heard);
    }

    private Run run(Agent agent) {
        return runs.run(RunRequest.forAgent(agent.name(), json(INPUT), false));
    }

    private java.util.List<String> stepNames(Run run) {
        return runs.steps(run.id()).stream().map(com.fitnesscrm.orchestrator.execution.RunStep::name).toList();
    }

    private static Map<String, Object> switchOf(HealthReport report, Agent agent) {
        return report.remediations().stream()
                .filter(r -> "llm_rules_only".equals(r.get("kind")) && Integer.valueOf(agent.id()).equals(r.get("agent_id")))
                .findFirst().orElseThrow(() -> new AssertionError("No switch of " + agent.name() + " among "
                        + report.remediations()));
    }
}
