package com.fitnesscrm.orchestrator.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.agents.RunSteps;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Health Checker ({@code health_check}): each run checks every component now ({@link HealthChecker}) and answers
 * the report. Each probe is a step of the run, so its timeline shows which component was slow to answer. No LLM
 * layer: a health report must not depend on the provider it reports on.
 */
@Component
public class HealthCheckAgent implements AgentProgram<HealthCheckInput, HealthReport> {

    private final HealthChecker checker;

    HealthCheckAgent(HealthChecker checker) {
        this.checker = checker;
    }

    @Override
    public AgentType type() {
        return AgentType.HEALTH_CHECK;
    }

    @Override
    public AgentConfig defaultConfig() {
        return AgentConfig.defaults("You are the FitnessCRM Health Checker. Answer with JSON only, in the shape you "
                + "are given.");
    }

    @Override
    public HealthCheckInput readInput(JsonNode input) {
        return HealthCheckInputReader.read(input);
    }

    /**
     * Not free of input and output like the other agents' engines: measuring is the point. The judgement itself is
     * {@link com.fitnesscrm.orchestrator.health.engine.HealthEngine}'s, deterministic on the readings.
     */
    @Override
    public HealthReport runRules(HealthCheckInput input, RunSteps steps) {
        return checker.check(input.components(), steps);
    }

    /** The report is consistent: each component has a status and a message, and the overall is the worst. */
    @Override
    public List<String> check(HealthCheckInput input, HealthReport output) {
        List<String> violations = new ArrayList<>();
        for (ComponentHealth component : output.components()) {
            if (component.status() == null || component.message() == null || component.message().isBlank()) {
                violations.add("Component " + component.component() + " has no status or message.");
            }
        }
        HealthStatus worst = HealthStatus.worst(output.components().stream().map(ComponentHealth::status)
                .filter(java.util.Objects::nonNull).toList());
        if (output.overall() != worst) {
            violations.add("overall is " + output.overall() + " but the worst component is " + worst + ".");
        }
        return violations;
    }

    @Override
    public Class<HealthReport> outputType() {
        return HealthReport.class;
    }

    /** The original service's {@code results.health_check}: {@code {overall, components, recommendations, remediations}}. */
    @Override
    public ObjectNode legacyResults(HealthCheckInput input, JsonNode output) {
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("overall", "components", "recommendations", "remediations")) {
            report.set(field, output.get(field));
        }
        ObjectNode results = JsonNodeFactory.instance.objectNode();
        results.set(type().code(), report);
        return results;
    }
}
