package com.fitnesscrm.orchestrator.execution.ui;

import com.fitnesscrm.orchestrator.execution.Run;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/** The facts of a run at a glance: agent, status, engine, model, tokens, cost, who asked, versions and times. */
class RunHeader extends Composite<Div> {

    private final Map<String, String> facts = new LinkedHashMap<>();

    RunHeader() {
        getContent().addClassName("run-facts");
    }

    void show(Run run) {
        facts.clear();
        facts.put("Agent", run.agentName() + (run.agentId() == null ? " (deleted)" : ""));
        facts.put("Status", run.status().code());
        facts.put("Mode", run.mode());
        facts.put("Engine", RunFormat.orDash(run.engine()));
        facts.put("Model", RunFormat.orDash(run.model()));
        facts.put("Tokens", RunFormat.tokens(run.tokensIn(), run.tokensOut()));
        facts.put("Cost", RunFormat.cost(run.costUsd(), run.unpriced()));
        facts.put("Requested by", run.requestedBy() + " (" + run.requesterKind() + ")");
        facts.put("Config version", RunFormat.orDash(run.configVersion()));
        facts.put("Asked at", RunFormat.time(run.startedAt()));
        facts.put("Running at", RunFormat.time(run.runningAt()));
        facts.put("Finished at", RunFormat.time(run.completedAt()));
        facts.put("Duration", RunFormat.seconds(run.executionTime()));
        facts.put("Attempts", String.valueOf(run.attempts()));
        getContent().removeAll();
        facts.forEach((label, value) -> getContent().add(fact(label,
                label.equals("Status") ? RunFormat.statusBadge(run.status()) : new Span(value))));
    }

    /** What is shown, label by label, as text. */
    Map<String, String> facts() {
        return Map.copyOf(facts);
    }

    private static Div fact(String label, Component value) {
        Span name = new Span(label);
        name.addClassName("run-fact-label");
        return new Div(name, value);
    }
}
