package com.fitnesscrm.orchestrator.execution.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fitnesscrm.orchestrator.execution.ListedRun;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunStep;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A run as JSON: the fields the main backend relies on ({@code id, agent_id, agent, status, input, output, error, engine, model,
 * tokens, cost, execution_time, started_at, completed_at, steps}) plus the original table's column names
 * ({@code input_data, output_data, error_message}) so readers of either shape find what they expect.
 */
final class RunJson {

    private RunJson() {
    }

    static ObjectNode of(Run run, List<RunStep> steps) {
        ObjectNode json = common(run.summary(), fields -> {
            fields.set("input", run.input());
            fields.set("output", run.output());
        });
        json.set("input_data", run.input());
        json.set("output_data", run.output());
        json.put("error_message", run.error());
        if (steps != null) {
            ArrayNode array = json.putArray("steps");
            steps.forEach(step -> array.add(of(step)));
        }
        return json;
    }

    /**
     * A run as a page lists it: the same fields but its payloads, in the same order, then {@code input_bytes},
     * {@code output_bytes} and {@code href}; the payloads asked for once each, under the name asked for
     * ({@code input} or {@code input_data}, {@code output} or {@code output_data}), as their stored JSON text (no
     * tree is built of them), or as a stub past the page's budget.
     */
    static ObjectNode listed(ListedRun listed, Map<ListedRun.Part, String> names) {
        RunSummary run = listed.run();
        ObjectNode json = common(run, fields -> {
            payload(fields, names.getOrDefault(ListedRun.Part.INPUT, "input"), listed.input(), run.id());
            payload(fields, names.getOrDefault(ListedRun.Part.OUTPUT, "output"), listed.output(), run.id());
        });
        json.put("error_message", run.error());
        json.put("input_bytes", run.inputBytes());
        json.put("output_bytes", run.outputBytes());
        json.put("href", href(run.id()));
        return json;
    }

    /** The fields a run has in the detail and in the list alike, in their order; the payloads where they stand. */
    private static ObjectNode common(RunSummary run, Consumer<ObjectNode> payloads) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", run.id());
        json.put("agent_id", run.agentId());
        json.put("agent", run.agentName());
        json.put("task_type", run.taskType());
        json.put("status", run.status().code());
        json.put("mode", run.mode());
        payloads.accept(json);
        json.put("error", run.error());
        json.put("engine", run.engine());
        json.put("model", run.model());
        json.putObject("tokens").put("input", run.tokensIn()).put("output", run.tokensOut())
                .put("total", run.tokensIn() + run.tokensOut());
        json.put("cost", run.costUsd());
        json.put("cost_currency", "USD");
        json.put("unpriced", run.unpriced());
        json.put("execution_time", run.executionTime());
        json.put("started_at", text(run.startedAt()));
        json.put("running_at", text(run.runningAt()));
        json.put("completed_at", text(run.completedAt()));
        json.put("requested_by", run.requestedBy());
        json.put("requester_kind", run.requesterKind());
        json.put("config_version", run.configVersion());
        json.put("attempts", run.attempts());
        // A workflow's child run points to its workflow run; a replay to the run it replays.
        json.put("parent_id", run.parentId());
        json.put("replay_of", run.replayOf());
        return json;
    }

    private static void payload(ObjectNode json, String name, ListedRun.Payload payload, long id) {
        if (payload == null) {
            return;
        }
        if (payload.truncated()) {
            // The stub lists have always shown for a payload they leave out.
            json.putObject(name).put("truncated", true).put("bytes", payload.bytes()).put("href", href(id));
        } else if (payload.json() == null) {
            json.putNull(name);
        } else {
            json.putRawValue(name, new RawValue(payload.json()));
        }
    }

    static String href(long id) {
        return "/api/executions/" + id;
    }

    static ObjectNode of(RunStep step) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("seq", step.seq());
        json.put("name", step.name());
        json.put("kind", step.kind().code());
        json.put("status", step.status());
        json.put("started_at", text(step.startedAt()));
        json.put("duration_ms", step.durationMs());
        json.put("input_summary", step.inputSummary());
        json.put("output_summary", step.outputSummary());
        json.put("tokens_in", step.tokensIn());
        json.put("tokens_out", step.tokensOut());
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
