package com.fitnesscrm.orchestrator.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What a waiting workflow run waits for: a person's decision at one of its approval nodes.
 *
 * @param role    who may decide: {@code admin}, or {@code trainer} (admins may always)
 * @param details what the approver decides on (the node's input: e.g. the plan change, the remediations)
 */
public record PendingApproval(long runId, String nodeId, String title, String role, JsonNode details,
                              Instant requestedAt) {
}
