package com.fitnesscrm.orchestrator.workflows;

import java.time.Instant;

/**
 * What a {@link WorkflowFunction} knows of the run it is part of.
 *
 * @param runId         the workflow's run
 * @param workflow      the workflow's name
 * @param requestedBy   who asked for the run (a user's or an API key's name, or {@code schedule:<id>})
 * @param requesterKind {@code user}, {@code api_key} or {@code system}
 * @param now           the time the node started
 */
public record WorkflowContext(long runId, String workflow, String requestedBy, String requesterKind, Instant now) {
}
