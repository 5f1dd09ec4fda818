package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An {@link OrchestratingProgram}'s run stops short of its end, keeping what it has: it waits for a person's decision
 * (then goes on when it is made), it would pass a budget, or one of its nodes failed (it may be resumed from there). The runtime records the run with that status, this
 * reason as its error and {@link #partialOutput()} as its output.
 */
public class RunStop extends RuntimeException {

    /** Why the run stops. */
    public enum Kind {
        /** Waits for an approval; not finished: the run goes on once it is decided. */
        WAITING,
        /** Would pass its own budget or an agent's daily budget; finished. */
        BUDGET_EXCEEDED,
        /** A node failed; finished, and may be resumed from that node. */
        FAILED
    }

    private final Kind kind;
    private final transient JsonNode partialOutput;

    public RunStop(Kind kind, String reason, JsonNode partialOutput) {
        super(reason, null, false, false);
        this.kind = kind;
        this.partialOutput = partialOutput;
    }

    public Kind kind() {
        return kind;
    }

    /** The output of the nodes that finished. */
    public JsonNode partialOutput() {
        return partialOutput;
    }
}
