package com.fitnesscrm.orchestrator.execution.testagents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.agents.LlmLayer;
import com.fitnesscrm.orchestrator.agents.RunSteps;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A test-only agent that adds numbers: small enough to see every path of the runtime (rules, LLM with a tool,
 * repair, fallback) and fast enough to benchmark the runtime itself rather than an engine.
 */
@Component
public class SumAgent implements AgentProgram<SumAgent.Numbers, SumAgent.Sum> {

    public static final AgentType TYPE = new AgentType("sum_test", "Sum (test)");

    public record Numbers(List<Double> numbers) {
    }

    public record Sum(double total, int count, String explanation) {
    }

    @Override
    public AgentType type() {
        return TYPE;
    }

    @Override
    public Numbers readInput(JsonNode input) {
        JsonNode numbers = input.get("numbers");
        if (numbers == null || !numbers.isArray()) {
            throw new InvalidInputException("numbers", "'numbers' must be a list of numbers.");
        }
        if (numbers.size() > 1000) {
            throw new InvalidInputException("numbers", "At most 1000 numbers.");
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            if (!numbers.get(i).isNumber()) {
                throw new InvalidInputException("numbers[" + i + "]", "'numbers[" + i + "]' must be a number.");
            }
            values.add(numbers.get(i).asDouble());
        }
        return new Numbers(values);
    }

    @Override
    public Sum runRules(Numbers input, RunSteps steps) {
        double total = input.numbers().stream().mapToDouble(Double::doubleValue).sum();
        return new Sum(total, input.numbers().size(), "Added " + input.numbers().size() + " numbers.");
    }

    @Override
    public List<String> check(Numbers input, Sum output) {
        List<String> violations = new ArrayList<>();
        double total = input.numbers().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(output.total() - total) > 1e-9) {
            violations.add("total must be " + total + ", not " + output.total());
        }
        if (output.count() != input.numbers().size()) {
            violations.add("count must be " + input.numbers().size() + ", not " + output.count());
        }
        return violations;
    }

    @Override
    public Class<Sum> outputType() {
        return Sum.class;
    }

    @Override
    public Optional<LlmLayer<Numbers, Sum>> llmLayer() {
        return Optional.of(new LlmLayer<>() {
            @Override
            public String userMessage(Numbers input, Sum rulesOutput) {
                return "Add these numbers and explain: " + input.numbers()
                        + ". Answer as JSON {\"total\": number, \"count\": number, \"explanation\": string}.";
            }

            @Override
            public Object tools(Numbers input) {
                return new SumTools();
            }
        });
    }

    /** The tool the model may call. */
    public static class SumTools {

        @Tool("Adds two numbers")
        public double add(double a, double b) {
            return a + b;
        }
    }
}
