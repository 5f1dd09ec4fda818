package com.fitnesscrm.orchestrator.workflows.engine;

/** A node of a workflow run failed; the run fails with this message, and can be resumed from this node. */
public class NodeFailure extends RuntimeException {

    public NodeFailure(String message) {
        super(message, null, false, false);
    }
}
