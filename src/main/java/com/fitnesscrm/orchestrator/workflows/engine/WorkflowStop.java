package com.fitnesscrm.orchestrator.workflows.engine;

/** A workflow run stops before it would pass a budget, keeping what its finished nodes found. */
public class WorkflowStop extends RuntimeException {

    public WorkflowStop(String reason) {
        super(reason, null, false, false);
    }
}
