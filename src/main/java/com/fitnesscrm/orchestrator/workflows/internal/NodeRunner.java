package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.RunSteps;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.execution.ChildRuns;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.Node;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import com.fitnesscrm.orchestrator.workflows.engine.NodeFailure;
import com.fitnesscrm.orchestrator.workflows.engine.NodeWork;
import com.fitnesscrm.orchestrator.workflows.engine.WorkflowStop;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the nodes of one workflow run do: agent nodes become child runs (after the budgets are checked), function
 * nodes call their function as the run ({@code run:<id>}), approvals are looked up and asked for in
 * {@code ai_workflow_approvals}. Each node is also a step of the run and a row of its timeline.
 */
final class NodeRunner implements NodeWork {

    private static final Logger log = LoggerFactory.getLogger(NodeRunner.class);

    private final long runId;
    private final Run run;
    private final String workflow;
    private final WorkflowDefinition definition;
    private final RunSteps steps;
    private final WorkflowStore store;
    private final ChildRuns childRuns;
    private final WorkflowFunctions functions;
    private final CurrentRequester requester;
    private final Clock clock;

    NodeRunner(long runId, Run run, String workflow, WorkflowDefinition definition, RunSteps steps,
               WorkflowStore store, ChildRuns childRuns, WorkflowFunctions functions, CurrentRequester requester,
               Clock clock) {
        this.runId = runId;
        this.run = run;
        this.workflow = workflow;
        this.definition = definition;
        this.steps = steps;
        this.store = store;
        this.childRuns = childRuns;
        this.functions = functions;
        this.requester = requester;
        this.clock = clock;
    }

    @Override
    public ObjectNode agent(Node node, int visit, JsonNode input, double spentUsd) {
        if (definition.budgetUsd() != null && spentUsd >= definition.budgetUsd().doubleValue()) {
            throw new WorkflowStop("The run has spent $" + dollars(spentUsd) + " of the workflow's budget of $"
                    + definition.budgetUsd().toPlainString() + "; it stopped before the node '" + node.id() + "'.");
        }
        boolean spent;
        try {
            spent = childRuns.dailyBudgetSpent(node.agent());
        } catch (NotFoundException e) {
            throw failed(node, visit, null, "The node '" + node.id() + "' runs the agent '" + node.agent()
                    + "', which no longer exists.");
        }
        if (spent) {
            throw new WorkflowStop("The agent '" + node.agent() + "' has spent its daily LLM budget; the run "
                    + "stopped before the node '" + node.id() + "' rather than pass it.");
        }
        Run child;
        try {
            child = steps.node(node.id() + " · " + node.agent(), () -> childRuns.run(runId, node.agent(), input));
        } catch (InvalidInputException | NotFoundException | ConflictException e) {
            String field = e instanceof InvalidInputException invalid && invalid.field() != null
                    && !invalid.field().isEmpty() ? invalid.field() + ": " : "";
            throw failed(node, visit, null, "The node '" + node.id() + "' (" + node.agent() + ") could not run: "
                    + field + e.getMessage());
        }
        if (child.status() != RunStatus.SUCCEEDED) {
            throw failed(node, visit, child.id(), "The node '" + node.id() + "' (" + node.agent() + ") failed: run "
                    + child.id() + " " + child.status().code() + (child.error() == null ? "." : ": " + child.error()));
        }
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.set("output", child.output());
        entry.put("run_id", child.id());
        entry.put("engine", child.engine());
        entry.put("status", child.status().code());
        entry.put("tokens_in", child.tokensIn());
        entry.put("tokens_out", child.tokensOut());
        if (child.costUsd() != null) {
            entry.put("cost_usd", child.costUsd());
        }
        store.nodeEnded(runId, node.id(), visit, node.kind(), node.title(), "succeeded", child.id(),
                "run " + child.id() + " · " + child.engine(), clock.instant());
        return entry;
    }

    @Override
    public ObjectNode function(Node node, int visit, JsonNode input) {
        WorkflowFunction function = functions.get(node.function()).orElseThrow(() -> failed(node, visit, null,
                "The function '" + node.function() + "' is not installed in this version."));
        WorkflowContext context = new WorkflowContext(runId, workflow, run.requestedBy(), run.requesterKind(),
                clock.instant());
        JsonNode output;
        try {
            output = steps.node(node.id() + " · " + node.function(),
                    () -> requester.asRun(runId, () -> function.apply(input, context)));
        } catch (InvalidInputException e) {
            throw failed(node, visit, null, "The function '" + node.function() + "' of the node '" + node.id()
                    + "' refused its input: " + (e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ")
                    + e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            log.error("Function '{}' of workflow run {} failed (reference {})", node.function(), runId, reference, e);
            throw failed(node, visit, null, "The function '" + node.function() + "' of the node '" + node.id()
                    + "' failed unexpectedly; the server log has the details under reference " + reference + ".");
        }
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.set("output", output);
        store.nodeEnded(runId, node.id(), visit, node.kind(), node.title(), "succeeded", null,
                summary(output), clock.instant());
        return entry;
    }

    @Override
    public Optional<ObjectNode> decision(Node node, int visit, JsonNode details) {
        Optional<WorkflowStore.Decision> decided = store.decision(runId, node.id(), visit);
        if (decided.isEmpty()) {
            store.requestApproval(runId, node.id(), visit, node.title(), node.role(), details, clock.instant());
            return Optional.empty();
        }
        WorkflowStore.Decision decision = decided.get();
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("decision", decision.decision());
        output.put("by", decision.by());
        output.put("note", decision.note());
        output.put("at", decision.at().toString());
        store.nodeEnded(runId, node.id(), visit, node.kind(), node.title(), decision.decision(), null,
                decision.decision() + " by " + decision.by() + (decision.note() == null || decision.note().isBlank()
                        ? "" : ": " + decision.note()), clock.instant());
        return Optional.of(output);
    }

    @Override
    public void started(Node node, int visit) {
        store.nodeStarted(runId, node.id(), visit, node.kind(), node.title(), clock.instant());
    }

    @Override
    public void ended(Node node, int visit, String status, Long childRunId, String summary) {
        store.nodeEnded(runId, node.id(), visit, node.kind(), node.title(), status, childRunId, summary,
                clock.instant());
    }

    private NodeFailure failed(Node node, int visit, Long childRunId, String reason) {
        store.nodeEnded(runId, node.id(), visit, node.kind(), node.title(), "failed", childRunId, reason,
                clock.instant());
        return new NodeFailure(reason);
    }

    /** A function's output in a line for the timeline: its summary, message or reason in words if it has one. */
    private static String summary(JsonNode output) {
        String text = output == null ? "" : output.toString();
        for (String field : new String[] {"summary", "message", "reason"}) {
            if (output != null && output.path(field).isTextual()) {
                text = output.get(field).textValue();
                break;
            }
        }
        return text.length() > 300 ? text.substring(0, 297) + "…" : text;
    }

    private static String dollars(double amount) {
        return String.format(Locale.ROOT, "%.6f", amount);
    }
}
