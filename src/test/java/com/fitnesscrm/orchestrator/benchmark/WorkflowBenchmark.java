package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.workflows.WorkflowDraft;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18: what orchestrating costs. A workflow of five rules-only agent nodes in a row (the sum test agent, so the
 * nodes themselves take next to nothing) is run sync, one run at a time; for each run the overhead is the workflow
 * run's own duration minus the sum of its five child runs' durations: building and running the graph, the five
 * checkpoints, the node timeline and the child runs' bookkeeping around them. Also measured, for scale: the five
 * agents run one after the other directly. Run with {@code ./mvnw -o -Pbenchmark verify -Dit.test=WorkflowBenchmark}
 * ({@code -Dbenchmark.workflow.runs=300}); the machine's load is printed with the figures.
 */
class WorkflowBenchmark extends RunIntegrationTest {

    private static final int RUNS = Integer.getInteger("benchmark.workflow.runs", 300);
    private static final int WARM_UP = 50;

    @Autowired
    WorkflowService workflows;

    @Test
    void the_overhead_of_a_five_node_workflow_over_its_nodes() throws Exception {
        agents.create(new AgentDraft("bench-sum", SumAgent.TYPE.code(), null, true, null, null));
        StringBuilder nodes = new StringBuilder();
        StringBuilder edges = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            nodes.append(i > 1 ? "," : "").append("{\"id\": \"n").append(i).append("\", \"kind\": \"agent\", ")
                    .append("\"agent\": \"bench-sum\", \"input\": {\"numbers\": [")
                    .append(i == 1 ? "\"$input.x\"" : "\"$nodes.n" + (i - 1) + ".output.total\"").append(", 1]}}");
            if (i > 1) {
                edges.append(i > 2 ? "," : "").append("{\"from\": \"n").append(i - 1).append("\", \"to\": \"n")
                        .append(i).append("\"}");
            }
        }
        workflows.create(new WorkflowDraft("bench-five", null, objectMapper.readTree("{\"start\": \"n1\", "
                + "\"nodes\": [" + nodes + "], \"edges\": [" + edges + "]}"), null));
        JsonNode input = objectMapper.createObjectNode().put("x", 1);

        for (int i = 0; i < WARM_UP; i++) {
            runs.run(RunRequest.forAgent("bench-five", input, false));
        }
        double[] overhead = new double[RUNS];
        double[] workflow = new double[RUNS];
        double[] nodesSum = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            Run run = runs.run(RunRequest.forAgent("bench-five", input, false));
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.output().path("result").path("total").asDouble()).isEqualTo(6);
            List<RunSummary> children = runs.children(run.id());
            assertThat(children).hasSize(5);
            double childSeconds = children.stream().mapToDouble(RunSummary::executionTime).sum();
            workflow[i] = run.executionTime() * 1000;
            nodesSum[i] = childSeconds * 1000;
            overhead[i] = workflow[i] - nodesSum[i];
        }
        double[] direct = new double[RUNS];
        JsonNode numbers = objectMapper.readTree("{\"numbers\": [1, 1]}");
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            for (int n = 0; n < 5; n++) {
                runs.run(RunRequest.forAgent("bench-sum", numbers, false));
            }
            direct[i] = (System.nanoTime() - start) / 1e6;
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "%nWorkflow overhead, 5 rules-only nodes, %d sync runs, load %.2f on %d cores:%n",
                RUNS, load, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  workflow run    p50 %7.2f ms  p99 %7.2f ms%n", p(workflow, 50), p(workflow, 99));
        System.out.printf(Locale.ROOT, "  its 5 nodes     p50 %7.2f ms  p99 %7.2f ms%n", p(nodesSum, 50), p(nodesSum, 99));
        System.out.printf(Locale.ROOT, "  overhead        p50 %7.2f ms  p99 %7.2f ms  (%.1f ms per node at p50)%n",
                p(overhead, 50), p(overhead, 99), p(overhead, 50) / 5);
        System.out.printf(Locale.ROOT, "  5 direct runs   p50 %7.2f ms  p99 %7.2f ms (wall, one after the other)%n",
                p(direct, 50), p(direct, 99));
    }

    private static double p(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
