package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.agents.OrchestratingProgram;
import com.fitnesscrm.orchestrator.agents.RunSteps;
import com.fitnesscrm.orchestrator.agents.RunStop;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.execution.ChildRuns;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition;
import com.fitnesscrm.orchestrator.workflows.WorkflowVersion;
import com.fitnesscrm.orchestrator.workflows.engine.DefinitionReader;
import com.fitnesscrm.orchestrator.workflows.engine.GraphRunner;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The program of every agent of type {@code workflow}: it runs the definition version its run was written with as a
 * LangGraph4j graph ({@link GraphRunner}), checkpointed per run, each agent node a child run. A run that waits for an
 * approval, fails at a node or would pass a budget stops with what its finished nodes found ({@link RunStop}); when
 * it is executed again (approved, resumed, or picked up after its node died) it goes on from its last checkpoint.
 */
@Component
class WorkflowProgram implements OrchestratingProgram<JsonNode> {

    static final AgentType TYPE = new AgentType("workflow", "Workflow");
    /** Long enough for a few LLM-backed nodes; an admin may change it per workflow in Agents. */
    private static final int TIMEOUT_SECONDS = 600;

    private final WorkflowStore store;
    private final PostgresCheckpointSaver saver;
    // Lazily: both lead back to the agents' registry, which holds this program.
    private final ObjectProvider<ChildRuns> childRuns;
    private final ObjectProvider<WorkflowFunctions> functions;
    private final CurrentRequester requester;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    WorkflowProgram(WorkflowStore store, PostgresCheckpointSaver saver, ObjectProvider<ChildRuns> childRuns,
                    ObjectProvider<WorkflowFunctions> functions, CurrentRequester requester, ObjectMapper objectMapper,
                    Clock clock) {
        this.store = store;
        this.saver = saver;
        this.childRuns = childRuns;
        this.functions = functions;
        this.requester = requester;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    public AgentType type() {
        return TYPE;
    }

    @Override
    public AgentConfig defaultConfig() {
        return new AgentConfig(null, 0.2, "A workflow asks no LLM itself; its agent nodes use their own configs.",
                2000, TIMEOUT_SECONDS, 0, null, 0, AgentConfig.FallbackPolicy.RULES);
    }

    @Override
    public JsonNode readInput(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new InvalidInputException("input", "A workflow's input is a JSON object, e.g. {\"client_id\": 42}.");
        }
        return input;
    }

    /** A run records the definition version it runs, and keeps it when it goes on after the workflow changed. */
    @Override
    public int configVersion(Agent agent) {
        return store.latest(agent.id()).map(WorkflowVersion::version).orElse(1);
    }

    @Override
    public JsonNode orchestrate(Agent agent, JsonNode input, RunSteps steps) {
        long runId = steps.runId().orElseThrow(() -> new IllegalStateException("A workflow runs recorded."));
        Run run = childRuns.getObject().get(runId);
        int versionNumber = run.configVersion() == null ? configVersion(agent) : run.configVersion();
        WorkflowVersion version = store.version(agent.id(), versionNumber)
                .or(() -> store.latest(agent.id()))
                .orElseThrow(() -> new RunStop(RunStop.Kind.FAILED, "The workflow '" + agent.name() + "' has no "
                        + "definition; an admin can write one in Workflows.", null));
        // Saved definitions were checked then; an agent deleted since fails its node when the run reaches it.
        WorkflowDefinition definition = DefinitionReader.read(version.definition(), name -> true,
                functions.getObject().names()).definition();
        saver.nextNode(runId).ifPresent(next -> steps.toolCall("checkpoint", "run " + runId,
                "going on from node '" + next + "'", 0));
        NodeRunner work = new NodeRunner(runId, run, agent.name(), definition, steps, store, childRuns.getObject(),
                functions.getObject(), requester, clock);
        GraphRunner.Outcome outcome = new GraphRunner(definition, saver, work, steps::cancelled, objectMapper)
                .run(String.valueOf(runId), input);
        ObjectNode output = output(agent, version.version(), outcome);
        if (outcome instanceof GraphRunner.Finished) {
            saver.release(runId);
            return output;
        }
        if (outcome instanceof GraphRunner.Waiting waiting) {
            String role = definition.node(waiting.nodeId()).map(WorkflowDefinition.Node::role).orElse("admin");
            throw new RunStop(RunStop.Kind.WAITING, "Waiting for " + (role.equals("trainer") ? "a trainer"
                    : "an admin") + " to approve '" + definition.node(waiting.nodeId())
                    .map(WorkflowDefinition.Node::title).orElse(waiting.nodeId()) + "'.", output);
        }
        store.nodesInterrupted(runId, "failed", clock.instant());
        if (outcome instanceof GraphRunner.Stopped stopped) {
            saver.release(runId);
            throw new RunStop(RunStop.Kind.BUDGET_EXCEEDED, stopped.reason(), output);
        }
        // Failed: its checkpoints stay, so that it can be resumed from the node that failed.
        throw new RunStop(RunStop.Kind.FAILED, ((GraphRunner.Failed) outcome).reason(), output);
    }

    /** {@code {workflow, version, result, nodes, cost_usd}}: the result, and what each node that ran found. */
    private ObjectNode output(Agent agent, int version, GraphRunner.Outcome outcome) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("workflow", agent.name());
        output.put("version", version);
        output.set("result", outcome instanceof GraphRunner.Finished finished ? finished.result() : null);
        output.set("nodes", outcome.state().path("nodes"));
        output.put("cost_usd", BigDecimal.valueOf(outcome.state().path("cost_usd").asDouble(0)));
        JsonLimits.check(output, "output", 1);
        return output;
    }
}
