package com.fitnesscrm.orchestrator.workflows;

/** An installed {@link WorkflowFunction}, as the definition editor lists it. */
public record WorkflowFunctionInfo(String name, String description) {
}
