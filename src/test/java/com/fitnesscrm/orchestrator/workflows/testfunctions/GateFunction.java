package com.fitnesscrm.orchestrator.workflows.testfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * A test-only function: {@code {total}} → {@code {big: total > 10, total}}; while {@link #FAILING} is set it refuses
 * every input, so a test can fail a workflow at this node and resume it once the fault is gone.
 */
@Component
public class GateFunction implements WorkflowFunction {

    public static final AtomicBoolean FAILING = new AtomicBoolean();

    @Override
    public String name() {
        return "test_gate";
    }

    @Override
    public String description() {
        return "Test only: is the total above 10?";
    }

    @Override
    public JsonNode apply(JsonNode input, WorkflowContext context) {
        if (FAILING.get()) {
            throw new InvalidInputException("total", "The gate is closed for this test.");
        }
        double total = input.path("total").asDouble();
        return JsonNodeFactory.instance.objectNode().put("big", total > 10).put("total", total)
                .put("summary", "total " + total);
    }
}
