package com.fitnesscrm.orchestrator.health;

import com.fitnesscrm.orchestrator.base.JsonCoded;

/**
 * What self-healing may do, each reversible or harmless (docs/decisions/0021, "Self-healing"). Its code is stored in
 * {@code ai_health_remediations.kind}.
 */
public enum RemediationKind implements JsonCoded {
    /** Evict the connection pool's connections after connection errors; it refills with fresh ones. */
    POOL_REFILL(Undo.NOTHING_TO_REVERSE, "The pool opens new connections as they are needed; evicted ones are not "
            + "missed."),
    /** An agent whose LLM layer keeps failing or timing out answers from its rules for a cool-down. */
    LLM_RULES_ONLY(Undo.REVERSES, null),
    /** Async runs of a node that stopped sending heartbeats go back to the queue, for any node to take. */
    DEAD_NODE_RELEASE(Undo.NOTHING_TO_REVERSE, "The runs were released to the queue, which the durable scheduler "
            + "would have done itself; a run taken by a live node finishes there."),
    /** Runs still running well past their deadline are recorded timed out. */
    STUCK_RUN_TIMEOUT(Undo.REFUSED, "A run's final status is kept: ask for the run again instead."),
    /** An agent's cached LLM answers are not served any more after cached answers failed validation. */
    CACHE_CLEAR(Undo.REVERSES, null);

    /** What undoing a remediation of this kind means. */
    public enum Undo {
        /** It is really reversed: the agent is switched back to its LLM, its older cached answers served again. */
        REVERSES,
        /** It was harmless and is recorded as undone, saying there is nothing to reverse. */
        NOTHING_TO_REVERSE,
        /** It cannot be undone; asking is refused (409). */
        REFUSED
    }

    private final Undo undo;
    private final String whyNoReversal;

    RemediationKind(Undo undo, String whyNoReversal) {
        this.undo = undo;
        this.whyNoReversal = whyNoReversal;
    }

    public Undo undo() {
        return undo;
    }

    /** For a kind that is not reversed: why, in a sentence a person reads in the log. */
    public String whyNoReversal() {
        return whyNoReversal;
    }
}
