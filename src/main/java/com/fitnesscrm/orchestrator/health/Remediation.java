package com.fitnesscrm.orchestrator.health;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the remediation log ({@code ai_health_remediations}): what self-healing did, or in
 * {@code dry_run} would have done, why, on what evidence, and whether a person undid it.
 *
 * @param mode       {@code on} (done) or {@code dry_run} (only logged)
 * @param reason     why: the condition the check found
 * @param evidence   the numbers it was found by (bounded)
 * @param result     what came of it, e.g. "Evicted 10 connections"; for a dry run what would have been done
 * @param agentId    the agent it concerns, or {@code null}
 * @param runIds     the runs it concerns (released, timed out), at most 100
 * @param expiresAt  the end of a rules-only switch's cool-down; otherwise {@code null}
 * @param endedAt    when a rules-only switch ended after a probe of the LLM answered; otherwise {@code null}
 * @param undoneAt   when a person undid it, or {@code null}
 * @param undoResult what undoing it did, e.g. "nothing to reverse: …"
 */
public record Remediation(long id, RemediationKind kind, SelfHealingMode mode, String reason,
                          Map<String, Object> evidence, String result, Integer agentId, List<Long> runIds,
                          Instant createdAt, Instant expiresAt, Instant endedAt, Instant undoneAt, String undoneBy,
                          String undoResult) {

    public Remediation {
        evidence = evidence == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
    }

    /** What was done (or, in a dry run, would have been), in a few words: "Agent 3 switched to its rules". */
    public String what() {
        String done = switch (kind) {
            case POOL_REFILL -> "Connection pool refilled";
            case LLM_RULES_ONLY -> "Agent " + agentId + " switched to its rules";
            case DEAD_NODE_RELEASE -> "Runs of a dead node released";
            case STUCK_RUN_TIMEOUT -> "Stuck runs timed out";
            case CACHE_CLEAR -> "Agent " + agentId + "'s cached answers cleared";
        };
        String runs = runIds.isEmpty() ? "" : " (runs " + String.join(", ",
                runIds.stream().limit(5).map(String::valueOf).toList()) + (runIds.size() > 5 ? ", …" : "") + ")";
        return (mode == SelfHealingMode.DRY_RUN ? "Dry run: " : "") + done + runs;
    }

    /** Whether undo would be accepted now. */
    public boolean undoable() {
        return mode == SelfHealingMode.ON && undoneAt == null && kind.undo() != RemediationKind.Undo.REFUSED
                && !(kind == RemediationKind.LLM_RULES_ONLY && endedAt != null);
    }
}
