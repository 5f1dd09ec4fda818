package com.fitnesscrm.orchestrator.workflows;

import static com.fitnesscrm.orchestrator.workflows.ShippedWorkflowFixtures.awaitFinished;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.LlmIntegrationTest;
import com.fitnesscrm.orchestrator.codeanalysis.ErrorReportService;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.health.SelfHealingMode;
import com.fitnesscrm.orchestrator.health.SelfHealingPolicies;
import com.fitnesscrm.orchestrator.health.SelfHealingPolicy;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code incident_triage} with the OpenAI stub answering its one LLM-backed node, the Code Analyzer (the Health
 * Checker has no LLM layer): the child run's engine, tokens and cost, the workflow's cost, and a copy of the workflow
 * with a tiny budget that stops after that node. {@code SELF_HEALING=off} here, so no approval is asked for. The stub
 * never fails a request: unusable answers are text that is not JSON.
 */
class ShippedWorkflowsLlmIT extends LlmIntegrationTest {

    private static final String NOT_JSON = "not json";

    @Autowired
    private WorkflowService workflows;
    @Autowired
    private ErrorReportService errors;
    @Autowired
    private SelfHealingPolicy policy;

    private SelfHealingMode mode;
    private int maxPerHour;
    /** The error the main backend reported for this test, as the report grouped it. */
    private ErrorReportService.Reported reported;

    @BeforeEach
    void reportAnErrorWithSelfHealingOff() {
        mode = policy.mode();
        maxPerHour = policy.maxPerHour();
        SelfHealingPolicies.use(policy, SelfHealingMode.OFF, maxPerHour);
        JsonNode error = ShippedWorkflowFixtures.keyError(objectMapper);
        // The report starts an analysis of its own, which asks the stub too: it gets unusable answers and is
        // awaited, so that it neither takes the answers queued for the workflow nor runs beside it.
        openAi.answer(NOT_JSON, 10, 10).answer(NOT_JSON, 10, 10);
        reported = errors.report(error);
        for (int i = 0; i < 4; i++) {
            errors.report(error);
        }
        assertThat(awaitFinished(runs, reported.runId()).status()).isEqualTo(RunStatus.SUCCEEDED);
        openAi.reset();
    }

    @AfterEach
    void restoreSelfHealing() {
        SelfHealingPolicies.use(policy, mode, maxPerHour);
    }

    @Test
    void the_code_analyzer_node_asks_the_llm_and_its_tokens_and_cost_are_the_workflows_cost() {
        // An unusable answer and its repair: the node answers from its rules, the tokens are spent all the same.
        openAi.answer(NOT_JSON, 400, 20).answer(NOT_JSON, 450, 20);
        Run fallback = triage("incident_triage");

        assertThat(fallback.status()).as(String.valueOf(fallback.error())).isEqualTo(RunStatus.SUCCEEDED);
        RunSummary analyzer = codeAnalyzer(fallback);
        assertThat(analyzer.engine()).isEqualTo("rules");
        assertThat(analyzer.tokensIn()).isEqualTo(850);
        assertThat(analyzer.costUsd()).isPositive();
        assertThat(fallback.output().path("cost_usd").decimalValue()).isEqualByComparingTo(analyzer.costUsd());

        // The model rewords the rules' cause: the node's answer is the LLM's, and the summary says it.
        ObjectNode reworded = (ObjectNode) fallback.output().path("nodes").path("analyze").path("output").deepCopy();
        reworded.put("likely_cause", "The booking form posts no trainer_id, and the route reads it unguarded.");
        reworded.put("engine", "llm");
        openAi.answer(reworded.toString(), 900, 120);
        Run run = triage("incident_triage");

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
        RunSummary llm = codeAnalyzer(run);
        assertThat(llm.engine()).isEqualTo("llm");
        assertThat(llm.model()).isEqualTo("gpt-4o-mini");
        assertThat(llm.tokensIn()).isEqualTo(900);
        assertThat(llm.tokensOut()).isEqualTo(120);
        assertThat(run.output().path("cost_usd").decimalValue()).isPositive()
                .isEqualByComparingTo(llm.costUsd());
        assertThat(run.output().path("nodes").path("analyze").path("engine").asText()).isEqualTo("llm");
        assertThat(run.output().path("result").path("summary").asText())
                .contains("The booking form posts no trainer_id");
    }

    @Test
    void a_copy_with_a_tiny_budget_stops_after_the_first_priced_node_and_keeps_what_its_nodes_found()
            throws Exception {
        Workflow shipped = workflows.list().stream().filter(w -> w.name().equals("incident_triage")).findFirst()
                .orElseThrow();
        ObjectNode definition = (ObjectNode) shipped.definitionJson().deepCopy();
        definition.put("budget_usd", 0.0000001);
        String name = "triage-on-a-budget-" + UUID.randomUUID().toString().substring(0, 8);
        workflows.create(new WorkflowDraft(name, "incident_triage with almost no budget", definition, null));
        openAi.answer(NOT_JSON, 400, 20).answer(NOT_JSON, 450, 20);

        Run run = triage(name);

        assertThat(run.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
        assertThat(run.error()).contains("budget").contains("analyze");
        JsonNode nodes = run.output().path("nodes");
        assertThat(nodes.has("health")).isTrue();
        assertThat(nodes.path("analyze").path("output").path("error_group").path("fingerprint").asText())
                .isEqualTo(reported.group().fingerprint());
        assertThat(nodes.path("analyze").path("cost_usd").asDouble()).isPositive();
        assertThat(nodes.has("plan")).as("nothing after the node that passed the budget").isFalse();
        assertThat(nodes.has("summary")).isFalse();
        assertThat(runs.children(run.id())).extracting(RunSummary::agentName)
                .containsExactly("Health Checker", "Code Analyzer");
        assertThat(run.output().path("cost_usd").asDouble()).isGreaterThan(0.0000001);
    }

    private Run triage(String workflow) {
        return runs.run(RunRequest.forAgent(workflow, objectMapper.createObjectNode(), false));
    }

    private RunSummary codeAnalyzer(Run workflowRun) {
        return runs.children(workflowRun.id()).stream().filter(child -> child.agentName().equals("Code Analyzer"))
                .findFirst().orElseThrow(() -> new AssertionError("No Code Analyzer run in "
                        + runs.children(workflowRun.id())));
    }
}
